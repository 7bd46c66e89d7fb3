import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; tokens: true; options: O }>>;

/**
 * Parses a subcommand's arguments strictly; a bad flag is a usage error pointing at the
 * command's own help. (check, explain and --watch share parseCheckArgs; network commands
 * parseNetworkCommandArgs.)
 */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, tokens: true, options });
  } catch (error) {
    throw new UsageError("bad-argument", `${(error as Error).message}\nRun "claimcheck ${command} --help" for usage.`);
  }
}
