import path from "node:path";
import { parseArgs } from "node:util";
import pc from "picocolors";
import type { Colors } from "picocolors/types.js";
import { DEFAULT_LIMITS } from "../load/limits.js";
import type { RunOptions } from "../engine/options.js";
import { runCheck } from "../engine/run.js";
import { UsageError } from "../errors.js";
import type { RunResult } from "../model/result.js";
import { stripControl } from "../reporters/escape.js";
import { explainClaim } from "../reporters/explain.js";
import { defaultFileNames, reporters } from "../reporters/index.js";
import type { ReportSettings } from "../reporters/settings.js";
import { fromJsDate } from "../time/partial-date.js";
import { didYouMean } from "../text/suggest.js";
import { applyConfig } from "../config/apply.js";
import { loadConfig } from "../config/load-config.js";
import { cacheFileFor } from "../cache/load-files-cached.js";
import { timed, writeTiming } from "../cache/timing.js";
import { parseShard, shardResult } from "../shard/partition.js";
import { fileReader } from "./file-reader.js";
import { HELP } from "./help.js";
import { jobSummaryFile } from "./job-summary.js";
import { writeReport, type ReportFile } from "./output.js";
import { toolVersion } from "./version.js";

/** Where the CLI writes; injectable so tests run it in-process. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

const COMMANDS = ["check", "explain"] as const;

/** Runs the command line; returns the exit code. Never calls process.exit. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`claimcheck: ${usageErrorText(error)}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * A usage error's message, line by line made safe to print. Messages that quote file-derived
 * text escape it where they are made (so it cannot add a line); this catches what is left.
 */
export function usageErrorText(error: UsageError): string {
  return error.message.split("\n").map(stripControl).join("\n");
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f", multiple: true },
        root: { type: "string", short: "C" },
        "max-warnings": { type: "string" },
        config: { type: "string" },
        changed: { type: "string" },
        watch: { type: "boolean", short: "w" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        cache: { type: "boolean" },
        shard: { type: "string" },
        "cache-location": { type: "string" },
        verbose: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new UsageError("bad-argument", `${(error as Error).message}\nRun "claimcheck --help" for usage.`);
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  // `new` has flags of its own (--id, --url, …), so it parses its arguments itself.
  // Subcommands and modes are loaded when used: a plain check starts faster (docs/performance.md).
  if (argv[0] === "new") return (await import("./new.js")).runNew(argv.slice(1), io, { baseOptions });
  if (argv[0] === "migrate") return (await import("./migrate.js")).runMigrate(argv.slice(1), io, baseOptions(io.cwd));
  if (argv[0] === "capture") return (await import("../capture/command.js")).runCapture(argv.slice(1), io, { baseOptions });
  if (argv[0] === "recheck") {
    return (await import("../recheck/command.js")).runRecheck(argv.slice(1), io, { baseOptions, defaultFormats, parseFormats, writeOutputs, pickColors });
  }
  if (argv[0] === "merge") {
    return (await import("../shard/merge-command.js")).runMerge(argv.slice(1), io, { defaultFormats, parseFormats, writeOutputs, pickColors });
  }
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  let command: (typeof COMMANDS)[number] = "check";
  const first = positionals[0];
  if (first !== undefined && (COMMANDS as readonly string[]).includes(first)) {
    command = first as (typeof COMMANDS)[number];
    positionals.shift();
  }
  const root = path.resolve(io.cwd, values.root ?? ".");
  const colors = pickColors(values, io);
  const config = await loadConfig({ root, cwd: io.cwd, explicit: values.config });
  const maxWarnings = parseMaxWarnings(values["max-warnings"]) ?? config?.data["max-warnings"];
  const options = applyConfig(baseOptions(root), config?.data);
  if (values.cache || values["cache-location"] !== undefined) {
    const file = cacheFileFor(root, values["cache-location"], io.cwd);
    const warn = (message: string) => io.stderr(`claimcheck: ${stripControl(message)}\n`);
    const { cacheKey, refuseTrackedCache } = await import("../cache/cache-key.js");
    await refuseTrackedCache(root, file);
    const key = await cacheKey(root, io.env, warn);
    if (key) options.cache = { file, key, warn };
  }
  if (io.env.CLAIMCHECK_TIMING) options.timing = {};

  if (command === "explain") {
    if (positionals.length !== 1) throw new UsageError("bad-argument", 'explain takes one claim id: claimcheck explain <claim-id>');
    const result = await runCheck(options);
    const id = positionals[0]!;
    const claim = result.claims.find((c) => c.id === id);
    if (!claim) {
      const suggestion = didYouMean(id, result.claims.map((c) => c.id));
      throw new UsageError("unknown-claim", `no claim "${stripControl(id)}"${suggestion ? ` — did you mean "${stripControl(suggestion)}"?` : ""}`);
    }
    io.stdout(explainClaim(claim, colors));
    return claim.status === "pass" ? 0 : 1;
  }

  if (positionals.length > 0) options.select = selectClaims(root, positionals);
  if (values.watch) {
    if (values.changed !== undefined || values.format) throw new UsageError("bad-argument", "--watch prints to the terminal; it takes neither --changed nor --format");
    return (await import("./watch.js")).watchCommand({ io, colors, root, config: values.config, select: options.select, baseOptions });
  }
  const formats = values.format ? parseFormats(values.format, "command-line") : parseFormats(config?.data.reports?.formats ?? defaultFormats(io.env), "repository");
  if (values.changed !== undefined) {
    const { selectChangedClaims } = await import("../git/select-changed.js");
    const changed = await selectChangedClaims(options, values.changed, config && path.relative(root, config.path).split(path.sep).join("/"));
    io.stderr(changed.report);
    const byPath = options.select;
    const claims = byPath ? [...changed.files].filter((f) => byPath.has(f)) : changed.files;
    // Changed sources, registries and article maps are checked themselves, cited or not.
    options.select = new Set([...claims, ...changed.checkedFiles]);
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const full = await runCheck(options);
  const result = shard ? shardResult(full, shard) : full;
  if (options.select && full.claims.length === 0 && values.changed === undefined) {
    throw new UsageError("no-claims", `no claim files under ${positionals.join(", ")}`);
  }
  if (!options.select && full.claims.length === 0) {
    // A run with nothing to check would pass whatever the data says: say so instead.
    throw new UsageError("no-claims", `no claim files found under ${root} (looked for ${options.claims.join(", ")}); run it from the repository's root, or pass --root`);
  }
  const written = await timed(options.timing, "report", () => writeOutputs(result, formats, root, colors, io, Boolean(values.verbose), config?.data.reports));
  if (!written) return 2;
  if (options.timing) writeTiming(io.env.CLAIMCHECK_TIMING!, options.timing);
  const failed = result.summary.failed > 0 || result.summary.errors > 0;
  const tooManyWarnings = maxWarnings !== undefined && result.summary.warnings > maxWarnings;
  if (tooManyWarnings && !failed) io.stderr(`claimcheck: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return failed || tooManyWarnings ? 1 : 0;
}

/** The defaults a run starts from; configuration overrides them. */
export function baseOptions(root: string): RunOptions {
  return {
    root,
    claims: ["claims/**/*.{yaml,yml}"],
    sources: ["sources/**/*.{yaml,yml}"],
    limits: { ...DEFAULT_LIMITS },
    rules: {},
    today: fromJsDate(new Date()),
    version: toolVersion(),
    rethrowRuleErrors: process.env.CLAIMCHECK_RETHROW_RULE_ERRORS === "1",
  };
}

function pickColors(values: { color?: boolean; "no-color"?: boolean }, io: CliIO): Colors {
  let enabled = io.isTTY;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") enabled = false;
  if (io.env.FORCE_COLOR !== undefined) enabled = io.env.FORCE_COLOR !== "0" && io.env.FORCE_COLOR !== "false";
  if (values.color) enabled = true;
  if (values["no-color"]) enabled = false;
  return pc.createColors(enabled);
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError("bad-argument", `--max-warnings takes a whole number, not "${value}"`);
  return Number(value);
}

/**
 * What a plain `claimcheck` writes: the terminal report, and every file report into
 * reports/ (JSON as reports/result.json). In GitHub Actions, annotations too.
 */
export function defaultFormats(env: NodeJS.ProcessEnv): string[] {
  const formats = ["terminal", "json=reports/result.json"];
  for (const [name, file] of Object.entries(defaultFileNames)) if (file !== undefined) formats.push(name);
  if (env.GITHUB_ACTIONS === "true") formats.push("github");
  return formats;
}

interface FormatRequest {
  name: string;
  /** The file to write; standard output when undefined. */
  file?: ReportFile;
}

/**
 * Reads `name` and `name=file` specs. A file named on the command line is the workflow's
 * choice; a file from the configuration, and every format's default file, is the
 * repository's, and stays inside it (src/config/repository-paths.ts).
 */
function parseFormats(specs: string[], from: ReportFile["from"]): FormatRequest[] {
  return specs.map((spec) => {
    const eq = spec.indexOf("=");
    const name = eq < 0 ? spec : spec.slice(0, eq);
    const file = eq < 0 ? undefined : spec.slice(eq + 1);
    if (!(name in reporters)) {
      const suggestion = didYouMean(name, Object.keys(reporters));
      throw new UsageError(
        "unknown-format",
        `unknown format "${stripControl(name)}"${suggestion ? ` — did you mean "${suggestion}"?` : ""}; formats: ${Object.keys(reporters).join(", ")}`,
      );
    }
    if (file === "") throw new UsageError("bad-argument", `--format ${name}= needs a file name after "="`);
    if (file !== undefined) return { name, file: { shown: file, format: name, from } };
    const byDefault = defaultFileNames[name];
    return { name, file: byDefault === undefined ? undefined : { shown: byDefault, format: name, from: "repository" } };
  });
}

function selectClaims(root: string, paths: string[]): Set<string> {
  // Selection is by prefix: a file, or every claim under a folder.
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

/**
 * Makes every report, writes the files, and only then prints to standard output: a report
 * that cannot be written (a full disk, a read-only file system, a path that leaves the
 * repository) is a one-line error each, and no success line is printed before or after it.
 * Resolves to whether every file was written.
 */
async function writeOutputs(
  result: RunResult,
  requested: FormatRequest[],
  root: string,
  colors: Colors,
  io: CliIO,
  verbose: boolean,
  settings?: ReportSettings,
): Promise<boolean> {
  const sourceText = fileReader(root);
  const plain = pc.createColors(false);
  const printed: string[] = [];
  const files: Array<{ file: ReportFile; content: string }> = [];
  const warnings = new Set<string>();
  // Annotations in GitHub Actions come with a job summary (src/cli/job-summary.ts).
  const summary = jobSummaryFile(requested, io.env, io.cwd);
  const formats = summary === undefined ? requested : [...requested, { name: "markdown", file: { shown: summary, format: "markdown", from: "command-line" as const } }];
  for (const format of formats) {
    const reporter = reporters[format.name]!;
    const warn = (message: string) => warnings.add(`${format.name}: ${message}`);
    if (format.file === undefined) printed.push(reporter(result, { colors, sourceText, verbose, settings, warn }));
    else files.push({ file: format.file, content: reporter(result, { colors: plain, sourceText, verbose, settings, warn }) });
  }
  const written: string[] = [];
  const failures: string[] = [];
  for (const { file, content } of files) {
    const problem = await writeReport(file, content, root, io.cwd);
    if (problem === undefined) written.push(stripControl(file.shown));
    else failures.push(`cannot write ${stripControl(file.shown)}: ${stripControl(problem)}`);
  }
  for (const failure of failures) io.stderr(`claimcheck: ${failure}\n`);
  if (failures.length > 0) return false;
  for (const text of printed) io.stdout(text);
  // On standard error, so standard output stays the one report asked for.
  for (const warning of warnings) io.stderr(`claimcheck: ${stripControl(warning)}\n`);
  if (written.length > 0) io.stderr(colors.dim(`reports written: ${written.join(", ")}\n`));
  return true;
}
