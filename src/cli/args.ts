import path from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";
import type { RunFlags } from "../config/resolve.js";

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

/** Parses the flags of check, explain and --watch (the commands without a parser of their own). */
export function parseCheckArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...REPORT_FLAGS,
        "max-warnings": { type: "string" },
        config: { type: "string" },
        changed: { type: "string" },
        watch: { type: "boolean", short: "w" },
        cache: { type: "boolean" },
        shard: { type: "string" },
        "write-reports": { type: "boolean" },
        "cache-location": { type: "string" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new UsageError("bad-argument", `${(error as Error).message}\nRun "claimcheck --help" for usage.`);
  }
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

/** Claims selected by path on the command line: a file, or every claim under a folder. */
export function selectClaims(root: string, paths: string[]): Set<string> {
  const prefixes = paths.map((p) => {
    const relative = path.relative(root, path.resolve(root, p)).split(path.sep).join("/");
    if (relative.startsWith("..") || path.isAbsolute(relative)) throw new UsageError("outside-root", `"${p}" is outside the repository`);
    return relative;
  });
  return new PrefixSet(prefixes);
}

/** A set that "has" every path equal to, or under, one of its prefixes. */
class PrefixSet extends Set<string> {
  constructor(private readonly prefixes: string[]) {
    super();
  }
  override has(file: string): boolean {
    return this.prefixes.some((p) => p === "" || file === p || file.startsWith(`${p}/`));
  }
}
