import path from "node:path";
import pc from "picocolors";
import type { Colors } from "picocolors/types.js";
import type { ClaimDigest, ResultStream } from "../model/result-stream.js";
import { stripControl } from "../reporters/escape.js";
import { loadStreamReporter } from "../reporters/catalogue.js";
import type { ReportWriter } from "../reporters/types.js";
import { reportPieces } from "../reporters/stream.js";
import { fileReader } from "./file-reader.js";
import type { FormatRequest, ReportFile } from "./formats.js";
import type { CliIO } from "./io.js";
import { openFileAtomic, type AtomicFile } from "../paths/write-file-atomic.js";
import type { ReportSettings } from "../reporters/settings.js";
import { jobSummaryFile } from "./job-summary.js";
import { reportPathLinkProblem, reportPathMessages, reportPathProblem } from "../paths/repository-paths.js";
import { renderMessage } from "../model/render-message.js";


/**
 * Opens one report file for writing, and says why not when it cannot: a path from the
 * repository that leaves it, a folder in the file's place, a file in a folder's place.
 * Never throws for such a failure.
 */
export async function openReport(report: ReportFile, root: string, cwd: string): Promise<AtomicFile | string> {
  let target: string;
  if (report.from === "repository") {
    const problem = reportPathProblem(report.shown, report.format) ?? (await reportPathLinkProblem(root, report.shown, report.format));
    if (problem) return renderMessage(reportPathMessages[problem.messageId], problem.data);
    target = path.resolve(root, report.shown);
  } else {
    target = path.resolve(cwd, report.shown);
  }
  try {
    return await openFileAtomic(target, { followLinks: report.from === "command-line" });
  } catch (error) {
    return describeWriteError(error as NodeJS.ErrnoException);
  }
}

/**
 * Writes one report, and says why not when it cannot: a path from the repository that
 * leaves it, a full disk, a read-only file system, a folder in the file's place, a file in
 * a folder's place. Never throws for such a failure, and leaves no temporary file behind.
 */
export async function writeReport(report: ReportFile, content: string, root: string, cwd: string): Promise<string | undefined> {
  const out = await openReport(report, root, cwd);
  if (typeof out === "string") return out;
  try {
    await out.write(content);
    await out.commit();
    return undefined;
  } catch (error) {
    await out.discard();
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

/** A report file being written: where it goes, its writer, and why it failed, once it has. */
interface OpenReport {
  file: ReportFile;
  writer: ReportWriter;
  out?: AtomicFile;
  problem?: string;
}

/**
 * Writes every report file from one pass over the claims, each claim's result built once
 * and handed to every format in turn; then prints the formats for standard output. Files
 * go to temporary names and take their place only when whole, so a report that cannot be
 * written (a full disk, a read-only file system, a path that leaves the repository) is a
 * one-line error each, the other files are still written, and no success line is printed
 * before or after it. Resolves to whether every file was written. Every command that
 * reports (check, merge, recheck) writes through here.
 */
export async function writeOutputs(
  doc: ResultStream,
  requested: FormatRequest[],
  root: string,
  colors: Colors,
  io: CliIO,
  verbose: boolean,
  settings?: ReportSettings,
): Promise<boolean> {
  const sourceText = fileReader(root);
  const plain = pc.createColors(false);
  const files: OpenReport[] = [];
  const warnings = new Set<string>();
  const warnFor = (name: string) => (message: string) => warnings.add(`${name}: ${message}`);
  // Annotations in GitHub Actions come with a job summary (src/cli/job-summary.ts).
  const summary = jobSummaryFile(requested, io.env, io.cwd);
  const formats = summary === undefined ? requested : [...requested, { name: "markdown", file: { shown: summary, format: "markdown", from: "command-line" as const } }];
  for (const format of formats) {
    if (format.file === undefined) continue;
    const writer = (await loadStreamReporter(format.name))(doc, { colors: plain, sourceText, verbose, settings, warn: warnFor(format.name) });
    const out = await openReport(format.file, root, io.cwd);
    files.push(typeof out === "string" ? { file: format.file, writer, problem: out } : { file: format.file, writer, out });
  }
  const write = async (report: OpenReport, pieces: Iterable<string>) => {
    if (report.out === undefined) return;
    try {
      // One write per claim, not per piece: a claim's JSON comes in many small pieces.
      let text = "";
      for (const piece of pieces) text += piece;
      if (text !== "") await report.out.write(text);
    } catch (error) {
      report.problem = describeWriteError(error as NodeJS.ErrnoException);
      await report.out.discard();
      report.out = undefined;
    }
  };
  for (const report of files) await write(report, report.writer.head());
  // The claims some reports write first (the HTML's failed cards), in a pass of their own.
  const early = (digest: ClaimDigest) => files.some((report) => report.out !== undefined && report.writer.first?.selects(digest));
  if (files.some((report) => report.writer.first)) {
    for (const claim of doc.claims(early)) {
      const digest = claim as ClaimDigest;
      for (const report of files) {
        const first = report.writer.first;
        if (report.out !== undefined && first?.selects(digest)) await write(report, [first.claim(claim)]);
      }
    }
  }
  if (files.some((report) => report.out !== undefined && report.writer.claim)) {
    for (const claim of doc.claims()) {
      for (const report of files) if (report.out !== undefined && report.writer.claim) await write(report, [report.writer.claim(claim)]);
    }
  }
  for (const report of files) await write(report, report.writer.tail());
  const written: string[] = [];
  const failures: string[] = [];
  for (const report of files) {
    if (report.out !== undefined) {
      try {
        await report.out.commit();
      } catch (error) {
        report.problem = describeWriteError(error as NodeJS.ErrnoException);
      }
    }
    if (report.problem === undefined) written.push(stripControl(report.file.shown));
    else failures.push(`cannot write ${stripControl(report.file.shown)}: ${stripControl(report.problem)}`);
  }
  for (const failure of failures) io.stderr(`claimcheck: ${failure}\n`);
  if (failures.length > 0) return false;
  for (const format of formats) {
    if (format.file !== undefined) continue;
    // Gathered in large pieces: one write per claim would be a system call per claim.
    let pending = "";
    const reporter = await loadStreamReporter(format.name);
    for (const piece of reportPieces(reporter(doc, { colors, sourceText, verbose, settings, warn: warnFor(format.name) }), doc)) {
      pending += piece;
      if (pending.length >= 1 << 16) {
        io.stdout(pending);
        pending = "";
      }
    }
    if (pending !== "") io.stdout(pending);
  }
  // On standard error, so standard output stays the one report asked for.
  for (const warning of warnings) io.stderr(`claimcheck: ${stripControl(warning)}\n`);
  if (written.length > 0) io.stderr(colors.dim(`reports written: ${written.join(", ")}\n`));
  return true;
}

/**
 * Writes to standard output or error, quietly giving up once the reader has gone:
 * `claimcheck -f json | head -1` closes the pipe early, and the rest of the report has
 * nowhere to go. That is the reader's choice, not an error; the run ends with its own exit
 * code (Node ignores SIGPIPE, so without this the write would throw "write EPIPE").
 */
export function pipeSafe(stream: NodeJS.WriteStream): (text: string) => void {
  let gone = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    gone = true;
  });
  return (text) => {
    if (!gone) stream.write(text);
  };
}
