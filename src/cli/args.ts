import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";
import type { RunFlags } from "../config/resolve.js";
import { didYouMean } from "../text/suggest.js";

/** The flags of every command that writes reports the way check does (check, merge). */
export const REPORT_FLAGS = {
  format: { type: "string", short: "f", multiple: true },
  "output-file": { type: "string", short: "o" },
  root: { type: "string", short: "C" },
  verbose: { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** The flags of check, explain and --watch (the commands without a parser of their own). */
const CHECK_FLAGS = {
  ...REPORT_FLAGS,
  "max-warnings": { type: "string" },
  quiet: { type: "boolean" },
  config: { type: "string" },
  changed: { type: "string" },
  watch: { type: "boolean", short: "w" },
  cache: { type: "boolean" },
  shard: { type: "string" },
  "write-reports": { type: "boolean" },
  "cache-location": { type: "string" },
  version: { type: "boolean", short: "v" },
} as const;

/** Parses the flags of check, explain and --watch. */
export function parseCheckArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: CHECK_FLAGS });
  } catch (error) {
    throw flagError(error, argv, CHECK_FLAGS);
  }
}

type FlagSpecs = NonNullable<ParseArgsConfig["options"]>;

/**
 * parseArgs' error as one line in our words, with the usage hint: which flag is unknown (and
 * the known one it is nearest to), which needs a value, which takes none. Node's own messages
 * quote unevenly and say nothing of typos. `command` names the subcommand whose --help to
 * suggest. The flag is found again by reading the arguments leniently, as parseArgs read them.
 */
export function flagError(error: unknown, argv: string[], specs: FlagSpecs, command?: string): UsageError {
  const hint = `Run "claimcheck${command ? ` ${command}` : ""} --help" for usage.`;
  const { tokens } = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: specs });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = specs[token.name];
    if (spec === undefined) {
      // The argument as typed, without an inline value: "--max-warning" of "--max-warning=3", "-watch" of "-watch".
      const typed = argv[token.index]!.split("=")[0]!;
      return new UsageError("bad-argument", `unknown option "${typed}"${flagHint(typed, specs)}\n${hint}`);
    }
    const shown = `--${token.name}`;
    if (spec.type === "boolean" && token.inlineValue) return new UsageError("bad-argument", `"${shown}" takes no value\n${hint}`);
    if (spec.type === "string" && token.value === undefined) return new UsageError("bad-argument", `"${shown}" needs a value\n${hint}`);
    if (spec.type === "string" && !token.inlineValue && token.value!.length > 1 && token.value!.startsWith("-")) {
      return new UsageError("bad-argument", `"${shown}" needs a value, not the option "${token.value}" (a value that starts with "-" is written ${shown}=${token.value})\n${hint}`);
    }
  }
  // Not one of the cases above: Node's words, on one line.
  return new UsageError("bad-argument", `${(error as Error).message.split("\n")[0]}\n${hint}`);
}

/** " — did you mean "--watch"?" for a mistyped flag; nothing for a single letter, which is near every short flag. */
function flagHint(typed: string, specs: FlagSpecs): string {
  if (typed.replace(/^-+/, "").length < 2) return "";
  const suggestion = didYouMean(typed, Object.keys(specs).map((name) => `--${name}`));
  return suggestion ? ` — did you mean "${suggestion}"?` : "";
}

/** The subcommands, as main.ts routes them; `check` is also the default. */
export const COMMANDS = ["check", "explain", "init", "new", "rehash", "migrate", "capture", "recheck", "merge"] as const;

/**
 * A first word that is no command and names no existing file, but is near a command's name,
 * is a mistyped command: `claimcheck chek` says so rather than "no claim files under chek".
 * `exists` tells whether a path (as typed) exists where the selection would look for it.
 */
export function refuseMistypedCommand(word: string | undefined, exists: (typed: string) => boolean): void {
  if (word === undefined || (COMMANDS as readonly string[]).includes(word) || /[./\\]/.test(word) || exists(word)) return;
  const suggestion = didYouMean(word, COMMANDS);
  if (suggestion) throw new UsageError("unknown-command", `unknown command "${word}" — did you mean "${suggestion}"?\nRun "claimcheck --help" for usage.`);
}

export type CheckFlags = ReturnType<typeof parseCheckArgs>["values"];

/** The flags that shape the run itself, for resolveRunOptions. */
export function runFlags(values: CheckFlags): RunFlags {
  return { root: values.root, config: values.config, cache: values.cache, cacheLocation: values["cache-location"] };
}

export function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError("bad-argument", `--max-warnings takes a whole number, not "${value}"`);
  return Number(value);
}
