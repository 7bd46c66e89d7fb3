import { readFile } from "node:fs/promises";
import path from "node:path";
import { discover } from "../engine/discover.js";
import type { RunOptions } from "../engine/options.js";
import { mapWithLimit } from "../engine/run.js";
import type { LoadLimits } from "../load/limits.js";
import { loadYaml } from "../load/yaml-load.js";
import { stripControl } from "../reporters/escape.js";
import { dependencyClosure, describeReasons, describeSelection, type ClaimSelection, type ProjectFile } from "./closure.js";
import { changedFiles, showAtCommit } from "./git.js";

export interface ChangedSelection extends ClaimSelection {
  /** The commit compared against. */
  base: string;
  /** What to tell the user: the summary line, then one line per selected claim. */
  report: string;
}

/**
 * Selects the claims a pull request affects: changed since `ref` (against the merge base),
 * plus their dependants (see dependencyClosure). Reads the working tree and git; the run
 * itself then loads everything as usual and reports only the selected claims.
 */
export async function selectChangedClaims(options: RunOptions, ref: string, configFile?: string): Promise<ChangedSelection> {
  const { base, changes } = await changedFiles(options.root, ref);
  const discovered = await discover(options.root, options.claims, options.sources);
  const files: ProjectFile[] = await mapWithLimit(discovered, 32, async (d) => {
    const bytes = await readFile(path.join(options.root, d.file)).catch(() => undefined);
    return { file: d.file, role: d.role, article: d.article, data: bytes && parseData(d.file, bytes, options.limits) };
  });
  // Only sources, registries and article maps need their old content (for ids that vanished).
  const baseData = new Map<string, unknown>();
  await mapWithLimit(
    changes.filter((c) => c.status !== "added" && /\.ya?ml$/.test(c.file)),
    8,
    async (change) => {
      const bytes = await showAtCommit(options.root, base, change.file);
      const data = bytes && parseData(change.file, bytes, options.limits);
      if (data !== undefined) baseData.set(change.file, data);
    },
  );
  const selection = dependencyClosure({
    files,
    changes,
    baseData,
    claimGlobs: options.claims,
    sourceGlobs: options.sources,
    configFile,
  });
  const lines = [describeSelection(selection, ref)];
  for (const [file, reasons] of [...selection.reasons].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  ${file}: ${describeReasons(reasons)}`);
  }
  // File names and ids come from the pull request: each line is made safe to print as one line.
  return { ...selection, base, report: `${lines.map(stripControl).join("\n")}\n` };
}

function parseData(file: string, bytes: Uint8Array, limits: LoadLimits): unknown {
  const outcome = loadYaml(file, bytes, limits);
  return outcome.ok ? outcome.doc.data : undefined;
}
