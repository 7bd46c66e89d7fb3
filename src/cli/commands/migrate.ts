import { parseArgs } from "node:util";
import { flagError } from "../args.js";
import { applyChanges, describeChanges, planMigrations } from "../../migrate/run.js";
import { resolveRunOptions } from "../../config/resolve.js";
import type { CliIO } from "../io.js";

const HELP = `claimcheck migrate — bring claim, source and registry files to the current format

Usage
  claimcheck migrate [<migration>...] [--dry-run] [-C <dir>]

Rewrites files in place, keeping comments, key order and quoting; only the lines a change
needs differ. Running it again changes nothing. With names, only those migrations run;
--dry-run lists every migration with what it would change.

Options
      --dry-run         show what would change, as a diff, and write nothing
  -C, --root <dir>      project root (default: found upwards from here)
  -h, --help            show this help
`;

const MIGRATE_FLAGS = { "dry-run": { type: "boolean" }, root: { type: "string", short: "C" }, help: { type: "boolean", short: "h" } } as const;

/** `claimcheck migrate`: runs every migration over the repository's claim and source files. */
export async function runMigrate(argv: string[], io: CliIO): Promise<number> {
  let values: { "dry-run"?: boolean; root?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: MIGRATE_FLAGS,
    }));
  } catch (error) {
    throw flagError(error, argv, MIGRATE_FLAGS, "migrate");
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  // The files a check would read: migrations run over the same claims and sources.
  const { root, options } = await resolveRunOptions({ root: values.root }, io);
  const run = await planMigrations(root, options, positionals);
  const dryRun = Boolean(values["dry-run"]);
  if (!dryRun) await applyChanges(root, run.changes);
  io.stdout(describeChanges(run, dryRun));
  return run.failures.length > 0 ? 1 : 0;
}
