import path from "node:path";
import { resolveRunOptions } from "../../config/resolve.js";
import { nothingToCheck } from "../../config/project-root.js";
import { checkRepositoryStream } from "../../engine/run.js";
import { materialise, streamOf } from "../../model/result-stream.js";
import { UsageError } from "../../errors.js";
import { loadRepository } from "../../load/load-files.js";
import { timed, writeTiming } from "../../options/timing.js";
import { graphOfLoaded } from "../../project/graph.js";
import { parseShard, shardClaimFiles, shardResult } from "../../shard/partition.js";
import { parseMaxWarnings, runFlags, type CheckFlags } from "../args.js";
import { pickColors } from "../colors.js";
import { partialRunFormats, requestedFormats } from "../formats.js";
import { stripControl } from "../../reporters/escape.js";
import type { CliIO } from "../io.js";
import { writeOutputs } from "../output.js";
import { errorsOnlyInStream } from "../quiet.js";
import { fromRoot, selectByPaths } from "../select-paths.js";

/**
 * `claimcheck [check] [paths…]`: loads the project once, selects claims (by path, by
 * `--changed`, by `--shard`), checks, writes the reports (errors only with `--quiet`). Exit codes: 0 pass, 1 a claim or
 * file failed (or more warnings than --max-warnings), 2 bad usage or a report not written.
 */
export async function runCheckCommand(values: CheckFlags, positionals: string[], io: CliIO): Promise<number> {
  const colors = pickColors(values, io);
  const { root, rootFoundBy, pathBase, config, configFile, options } = await resolveRunOptions(runFlags(values), io);
  const maxWarnings = parseMaxWarnings(values["max-warnings"]) ?? config?.data["max-warnings"];
  const requested = requestedFormats(values.format, config?.data.reports?.formats, io.env, values["output-file"]);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const loaded = await loadRepository(options);
  // Paths and --changed select through the project graph of the files just loaded.
  const graph = positionals.length > 0 || values.changed !== undefined ? graphOfLoaded(loaded, configFile) : undefined;
  if (positionals.length > 0) {
    const byPaths = selectByPaths(root, fromRoot(root, pathBase, positionals), graph!);
    io.stderr(byPaths.report);
    options.select = byPaths.select;
  }
  if (values.changed !== undefined) {
    const { selectChangedClaims } = await import("../../changed/select-changed.js");
    // The closure is computed from the files just loaded: nothing is read or parsed twice.
    const changed = await selectChangedClaims(options, values.changed, graph!);
    io.stderr(changed.report);
    const byPath = options.select;
    const claims = byPath ? [...changed.files].filter((f) => byPath.has(f)) : changed.files;
    // Changed sources, registries and article maps are checked themselves, cited or not.
    options.select = new Set([...claims, ...changed.checkedFiles]);
  }
  const claimFiles = new Set(loaded.filter((l) => l.file.role === "claim").map((l) => l.file.file));
  const selected = options.select ? [...claimFiles].filter((f) => options.select!.has(f)).length : claimFiles.size;
  // A shard evaluates and reports only its own claims (project-wide rules still see them all).
  const full = await checkRepositoryStream(loaded, options, shard ? { claims: shardClaimFiles(claimFiles, shard) } : {});
  // A shard cuts its part from the result (src/shard/partition.ts); --quiet drops the warnings (src/cli/quiet.ts).
  const result = errorsOnlyInStream(values.quiet, shard ? streamOf(shardResult(materialise(full), shard, claimFiles)) : full);
  if (options.select && selected === 0 && values.changed === undefined) {
    throw new UsageError("no-claims", `no claim files under ${positionals.join(", ")}`);
  }
  // A run with nothing to check would pass whatever the data says: say so instead. A project
  // with an article and no claims yet is checked (its article's record and snapshot).
  if (!options.select && selected === 0 && !loaded.some((f) => f.file.role === "article")) throw nothingToCheck(root, rootFoundBy, options.claims);
  const partial = positionals.length > 0 ? "claims chosen by path" : values.changed !== undefined ? "--changed" : shard ? "--shard" : undefined;
  const asked = Boolean(values["write-reports"]) || values.format !== undefined;
  const { write: formats, kept } = partialRunFormats(requested, partial !== undefined, asked);
  if (kept.length > 0) {
    const names = kept.map((file) => stripControl(file.shown)).join(", ");
    io.stderr(colors.dim(`reports not written (a partial run: ${partial}): ${names} left as they were; --write-reports writes them\n`));
  }
  const written = await timed(options.timing, "report", () => writeOutputs(result, formats, root, colors, io, Boolean(values.verbose), config?.data.reports));
  if (!written) return 2;
  if (options.timing) writeTiming(io.env.CLAIMCHECK_TIMING!, options.timing);
  const { summary } = result.head;
  const failed = summary.failed > 0 || summary.errors > 0;
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  if (tooManyWarnings && !failed) io.stderr(`claimcheck: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return failed || tooManyWarnings ? 1 : 0;
}
