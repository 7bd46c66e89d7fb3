import { UsageError } from "../errors.js";
import { stripControl } from "../reporters/escape.js";
import { defaultFileNames, FORMAT_NAMES } from "../reporters/catalogue.js";
import { didYouMean } from "../text/suggest.js";

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

/** A report file to write, and how far its path is trusted. */
export interface ReportFile {
  /** The path as given, for messages. */
  shown: string;
  /** The format, for messages. */
  format: string;
  /**
   * Where the path came from. `command-line`: the workflow's author wrote it; it resolves
   * against the working directory and may lead anywhere, through links and devices alike.
   * `repository`: the configuration or a format's default; it resolves against the root and
   * must stay inside it (src/paths/repository-paths.ts).
   */
  from: "command-line" | "repository";
}

export interface FormatRequest {
  name: string;
  /** The file to write; standard output when undefined. */
  file?: ReportFile;
  /** The file was named with `name=file` (not a format's default). */
  named?: boolean;
}

/**
 * Reads `name` and `name=file` specs. A file named on the command line is the workflow's
 * choice; a file from the configuration, and every format's default file, is the
 * repository's, and stays inside it (src/paths/repository-paths.ts).
 */
export function parseFormats(specs: string[], from: ReportFile["from"]): FormatRequest[] {
  return specs.map((spec) => {
    const eq = spec.indexOf("=");
    const name = eq < 0 ? spec : spec.slice(0, eq);
    const file = eq < 0 ? undefined : spec.slice(eq + 1);
    if (!FORMAT_NAMES.includes(name)) {
      const suggestion = didYouMean(name, [...FORMAT_NAMES]);
      throw new UsageError(
        "unknown-format",
        `unknown format "${stripControl(name)}"${suggestion ? ` — did you mean "${suggestion}"?` : ""}; formats: ${FORMAT_NAMES.join(", ")}`,
      );
    }
    if (file === "") throw new UsageError("bad-argument", `--format ${name}= needs a file name after "="`);
    // "-" is standard output, as for most command-line tools.
    if (file === "-") return { name };
    if (file !== undefined) return { name, file: { shown: file, format: name, from }, named: true };
    const byDefault = defaultFileNames[name];
    return { name, file: byDefault === undefined ? undefined : { shown: byDefault, format: name, from: "repository" } };
  });
}

/**
 * The formats a run writes: those named on the command line (paths may lead anywhere), else
 * the configuration's or the defaults (paths stay inside the repository). `-o FILE` sends
 * the first of them to FILE instead (`-o -`: standard output), as ESLint's does.
 */
export function requestedFormats(flags: string[] | undefined, configured: string[] | undefined, env: NodeJS.ProcessEnv, outputFile?: string): FormatRequest[] {
  const formats = flags ? parseFormats(flags, "command-line") : parseFormats(configured ?? defaultFormats(env), "repository");
  if (outputFile === undefined) return formats;
  if (outputFile === "") throw new UsageError("bad-argument", "--output-file needs a file name");
  const [first, ...rest] = formats;
  if (first === undefined) return formats;
  if (flags && first.named) {
    throw new UsageError("bad-argument", `--output-file and --format ${first.name}=${stripControl(first.file!.shown)} both name where ${first.name} goes; give one`);
  }
  const file: ReportFile | undefined = outputFile === "-" ? undefined : { shown: outputFile, format: first.name, from: "command-line" };
  return [{ name: first.name, file, named: file !== undefined }, ...rest];
}

/**
 * A partial run (claims chosen by path, `--changed` or `--shard`) reports on part of the
 * project: the full reports a configuration or the defaults name (reports/index.html …) are
 * left as they were, unless the command line asks for them (`--write-reports`, or formats
 * given with `--format`/`-o`). Returns the formats to write and the files left alone.
 */
export function partialRunFormats(formats: FormatRequest[], partial: boolean, asked: boolean): { write: FormatRequest[]; kept: ReportFile[] } {
  if (!partial || asked) return { write: formats, kept: [] };
  const kept = formats.flatMap((format) => (format.file?.from === "repository" ? [format.file] : []));
  return { write: formats.filter((format) => format.file?.from !== "repository"), kept };
}
