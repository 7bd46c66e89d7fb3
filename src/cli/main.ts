import { existsSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { toolVersion } from "../options/version.js";
import { parseCheckArgs, refuseMistypedCommand } from "./args.js";
import { runCheckCommand } from "./commands/check.js";
import { HELP } from "./help.js";
import { usageErrorText, type CliIO } from "./io.js";

export type { CliIO } from "./io.js";
export { usageErrorText } from "./io.js";

/** Runs the command line; returns the exit code. Never calls process.exit. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    return await route(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`claimcheck: ${usageErrorText(error)}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * Picks the command and hands it the rest of the arguments. Subcommands with flags of their
 * own parse them themselves; they, explain and --watch are loaded when used, so a plain check
 * starts faster (docs/performance.md).
 */
async function route(argv: string[], io: CliIO): Promise<number> {
  const rest = argv.slice(1);
  switch (argv[0]) {
    case "init":
      return (await import("./commands/init.js")).runInit(rest, io);
    case "rehash":
      return (await import("./commands/rehash.js")).runRehash(rest, io);
    case "new":
      return (await import("./commands/new.js")).runNew(rest, io);
    case "migrate":
      return (await import("./commands/migrate.js")).runMigrate(rest, io);
    case "capture":
      return (await import("./commands/capture.js")).runCapture(rest, io);
    case "recheck":
      return (await import("./commands/recheck.js")).runRecheck(rest, io);
    case "merge":
      return (await import("./commands/merge.js")).runMerge(rest, io);
  }
  const { values, positionals } = parseCheckArgs(argv);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  // A path is looked for where the selection looks (the root), and where the user stands.
  refuseMistypedCommand(positionals[0], (typed) => existsSync(path.resolve(io.cwd, values.root ?? ".", typed)) || existsSync(path.resolve(io.cwd, typed)));
  if (positionals[0] === "explain") return (await import("./commands/explain.js")).runExplain(values, positionals.slice(1), io);
  if (positionals[0] === "check") positionals.shift();
  if (values.watch) return (await import("./commands/watch.js")).runWatch(values, positionals, io);
  return runCheckCommand(values, positionals, io);
}
