import path from "node:path";
import pc from "picocolors";
import type { Colors } from "picocolors/types.js";
import type { RunResult } from "../model/result.js";
import { stripControl } from "../reporters/escape.js";
import { reporters } from "../reporters/index.js";
import type { ReportSettings } from "../reporters/settings.js";
import { fileReader } from "./file-reader.js";
import type { FormatRequest, ReportFile } from "./formats.js";
import type { CliIO } from "./io.js";
import { jobSummaryFile } from "./job-summary.js";
import { writeFileAtomic } from "../paths/write-file-atomic.js";
import { reportPathLinkProblem, reportPathMessages, reportPathProblem } from "../paths/repository-paths.js";
import { renderMessage } from "../model/render-message.js";


/**
 * Writes one report, and says why not when it cannot: a path from the repository that
 * leaves it, a full disk, a read-only file system, a folder in the file's place, a file in
 * a folder's place. Never throws for such a failure, and leaves no temporary file behind.
 */
export async function writeReport(report: ReportFile, content: string, root: string, cwd: string): Promise<string | undefined> {
  let target: string;
  if (report.from === "repository") {
    const problem = reportPathProblem(report.shown, report.format) ?? (await reportPathLinkProblem(root, report.shown, report.format));
    if (problem) return renderMessage(reportPathMessages[problem.messageId], problem.data);
    target = path.resolve(root, report.shown);
  } else {
    target = path.resolve(cwd, report.shown);
  }
  try {
    await writeFileAtomic(target, content, { followLinks: report.from === "command-line" });
    return undefined;
  } catch (error) {
    return describeWriteError(error as NodeJS.ErrnoException);
  }
}

/** A write failure in a few plain words. */
export function describeWriteError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "the disk quota is used up";
    case "EROFS":
      return "the file system is read-only";
    case "EISDIR":
      return "a folder stands where the file should be";
    case "ENOTDIR":
    case "EEXIST":
      return "a file stands where a folder on the way should be";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return error.message;
  }
}

/**
 * Makes every report, writes the files, and only then prints to standard output: a report
 * that cannot be written (a full disk, a read-only file system, a path that leaves the
 * repository) is a one-line error each, and no success line is printed before or after it.
 * Resolves to whether every file was written. Every command that reports (check, merge,
 * recheck) writes through here.
 */
export async function writeOutputs(
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
