import { resolveRunOptions } from "../../config/resolve.js";
import { checkLoaded } from "../../engine/run.js";
import { UsageError } from "../../errors.js";
import { loadRepository } from "../../load/load-files.js";
import { timed, writeTiming } from "../../options/timing.js";
import { graphOfLoaded } from "../../project/graph.js";
import { parseShard, shardResult } from "../../shard/partition.js";
import { parseMaxWarnings, runFlags, type CheckFlags } from "../args.js";
import { pickColors } from "../colors.js";
import { requestedFormats } from "../formats.js";
import type { CliIO } from "../io.js";
import { writeOutputs } from "../output.js";
import { errorsOnlyIf } from "../quiet.js";
import { selectByPaths } from "../select-paths.js";

/**
 * `claimcheck [check] [paths…]`: loads the project once, selects claims (by path, by
 * `--changed`, by `--shard`), checks, writes the reports (errors only with `--quiet`). Exit codes: 0 pass, 1 a claim or
 * file failed (or more warnings than --max-warnings), 2 bad usage or a report not written.
 */
export async function runCheckCommand(values: CheckFlags, positionals: string[], io: CliIO): Promise<number> {
  const colors = pickColors(values, io);
  const { root, config, configFile, options } = await resolveRunOptions(runFlags(values), io);
  const maxWarnings = parseMaxWarnings(values["max-warnings"]) ?? config?.data["max-warnings"];
  const formats = requestedFormats(values.format, config?.data.reports?.formats, io.env);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const loaded = await loadRepository(options);
  // Paths and --changed select through the project graph of the files just loaded.
  const graph = positionals.length > 0 || values.changed !== undefined ? graphOfLoaded(loaded, configFile) : undefined;
  if (positionals.length > 0) {
    const byPaths = selectByPaths(root, positionals, graph!);
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
  const full = checkLoaded(loaded, options);
  const result = errorsOnlyIf(values.quiet, shard ? shardResult(full, shard) : full);
  if (!options.select && full.claims.length === 0) {
    // A run with nothing to check would pass whatever the data says: say so instead.
    throw new UsageError("no-claims", `no claim files found under ${root} (looked for ${options.claims.join(", ")}); run it from the repository's root, or pass --root`);
  }
  const written = await timed(options.timing, "report", () => writeOutputs(result, formats, root, colors, io, Boolean(values.verbose)));
  if (!written) return 2;
  if (options.timing) writeTiming(io.env.CLAIMCHECK_TIMING!, options.timing);
  const failed = result.summary.failed > 0 || result.summary.errors > 0;
  const tooManyWarnings = maxWarnings !== undefined && result.summary.warnings > maxWarnings;
  if (tooManyWarnings && !failed) io.stderr(`claimcheck: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return failed || tooManyWarnings ? 1 : 0;
}
