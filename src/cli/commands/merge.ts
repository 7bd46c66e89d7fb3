import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { flagError, REPORT_FLAGS } from "../args.js";
import { pickColors } from "../colors.js";
import { requestedFormats } from "../formats.js";
import type { CliIO } from "../io.js";
import { writeOutputs } from "../output.js";
import { findProjectRoot } from "../../config/project-root.js";
import { streamOf } from "../../model/result-stream.js";
import { UsageError } from "../../errors.js";
import type { RunResult } from "../../model/result.js";
import { checkShard } from "../../shard/check-shard.js";
import { mergeResults } from "../../shard/merge.js";

export const MERGE_HELP = `Usage
  claimcheck merge <result.json>... [--format <name[=file]>]...

Combines the JSON results of a sharded run (claimcheck --shard i/n --format json=shard-i.json)
into the result of the whole run, and writes any report from it, as claimcheck does. Each
file must be a result as schema/result.schema.json describes it, naming only files inside
the repository. Merge results made by one trusted workflow: merge is not a security boundary.

Options
  -f, --format <name[=file]>  output format, repeatable (default: as claimcheck); "=-" is
                              standard output
  -o, --output-file <file>    write the first format's report to <file> instead
  -C, --root <dir>            repository root, for code frames (default: the current directory)
      --verbose               list every claim, not only failing ones, where a format can choose
      --color, --no-color     force colour on or off
`;

/** `claimcheck merge a.json b.json …`: returns the exit code (0 pass, 1 a check failed, 2 usage). */
export async function runMerge(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: REPORT_FLAGS,
    });
  } catch (error) {
    throw flagError(error, argv, REPORT_FLAGS, "merge");
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(MERGE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("bad-argument", "merge takes the JSON results to combine: claimcheck merge shard-1.json shard-2.json …");
  const results = await Promise.all(positionals.map((file) => readResult(path.resolve(io.cwd, file), file)));
  const merged = mergeResults(results);
  const { root } = await findProjectRoot(io.cwd, values.root);
  // merge reads no configuration: its reports are those named, or the defaults.
  const formats = requestedFormats(values.format, undefined, io.env, values["output-file"]);
  if (!(await writeOutputs(streamOf(merged), formats, root, pickColors(values, io), io, Boolean(values.verbose)))) return 2;
  return merged.summary.failed > 0 || merged.summary.errors > 0 ? 1 : 0;
}

async function readResult(file: string, shown: string): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError("bad-argument", `cannot read ${shown}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError("bad-argument", `${shown} is not JSON: ${(error as Error).message}`);
  }
  return checkShard(value, shown);
}
