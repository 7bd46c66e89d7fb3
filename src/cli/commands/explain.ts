import type { Colors } from "picocolors/types.js";
import { resolveRunOptions } from "../../config/resolve.js";
import { checkLoaded } from "../../engine/run.js";
import { UsageError } from "../../errors.js";
import { loadRepository } from "../../load/load-files.js";
import { articleSource, filesOfClaim, graphOfLoaded, registryEntries, snapshotFile, type ClaimDependencies, type ProjectGraph } from "../../project/graph.js";
import { stripControl } from "../../reporters/escape.js";
import { explainClaim } from "../../reporters/explain.js";
import { didYouMean } from "../../text/suggest.js";
import { parseMaxWarnings, runFlags, type CheckFlags } from "../args.js";
import { pickColors } from "../colors.js";
import type { CliIO } from "../io.js";

/** `claimcheck explain <claim-id>`: how the claim's verdict was derived, and what it depends on. */
export async function runExplain(values: CheckFlags, positionals: string[], io: CliIO): Promise<number> {
  const colors = pickColors(values, io);
  const { configFile, options } = await resolveRunOptions(runFlags(values), io);
  parseMaxWarnings(values["max-warnings"]);
  if (positionals.length !== 1) throw new UsageError("bad-argument", 'explain takes one claim id: claimcheck explain <claim-id>');
  const loaded = await loadRepository(options);
  const result = checkLoaded(loaded, options);
  const id = positionals[0]!;
  const claim = result.claims.find((c) => c.id === id);
  if (!claim) {
    const suggestion = didYouMean(id, result.claims.map((c) => c.id));
    throw new UsageError("unknown-claim", `no claim "${stripControl(id)}"${suggestion ? ` — did you mean "${stripControl(suggestion)}"?` : ""}`);
  }
  io.stdout(explainClaim(claim, colors));
  const graph = graphOfLoaded(loaded, configFile);
  const dependencies = graph.claims.find((c) => c.file === claim.file);
  if (dependencies) io.stdout(dependsOn(graph, dependencies, colors));
  return claim.status === "pass" ? 0 : 1;
}

/**
 * The claim's dependencies as the project graph records them: the files a change to which
 * would change its result (what `--changed` selects it for), and what in them it names.
 */
export function dependsOn(graph: ProjectGraph, claim: ClaimDependencies, colors: Colors): string {
  const lines = [colors.bold("depends on")];
  // One line per item: the first beside its label, the rest below it.
  const row = (label: string, ...items: string[]) => items.forEach((item, i) => lines.push(`  ${colors.dim((i === 0 ? label : "").padEnd(14))}${stripControl(item)}`));
  const sourceText = (id: string) => {
    const file = graph.sourceFiles.get(id);
    if (file === undefined) return `${id} (no such source)`;
    const snapshot = snapshotFile(graph.files.get(file)!);
    return `${id} (${file}${snapshot === undefined ? "" : `, snapshot ${snapshot}`})`;
  };
  row("claim", claim.file);
  if (claim.sources.length > 0) row("sources", ...claim.sources.map(sourceText));
  if (claim.facts.length > 0) row("facts", ...claim.facts);
  const map = graph.articleMaps.get(claim.article);
  if (map) {
    const own = articleSource(map);
    row("article", `${claim.article} (${map.file})`, ...(own === undefined ? [] : [`its source ${sourceText(own)}`]));
  }
  if (graph.registryFile !== undefined) {
    const named = registryEntries(graph, claim);
    const parts = (["entities", "properties", "kinds"] as const).filter((k) => named[k].length > 0).map((k) => `${k} ${named[k].join(", ")}`);
    row("registry", graph.registryFile, ...parts);
  }
  if (graph.configFile !== undefined) row("configuration", graph.configFile);
  lines.push(`  ${colors.dim(`${filesOfClaim(graph, claim).length} files in all`)}`);
  return `\n${lines.join("\n")}\n`;
}
