import { randomBytes } from "node:crypto";
import { lstat, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { reportPathLinkProblem, reportPathMessages, reportPathProblem } from "../paths/repository-paths.js";
import { renderMessage } from "../model/render-message.js";

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
 * Writes a report file so that a reader never sees half of it: into a temporary file
 * beside it, then renamed over it. Creates the folder as needed.
 *
 * Only a regular file (or nothing) is ever replaced by rename. Anything else that already
 * stands at the path (a device such as /dev/null, a FIFO, a terminal) is written through,
 * in place: renaming over a device as root would turn it into a regular file. With
 * `followLinks: false` (a path from the repository) a symbolic link at the path is replaced,
 * never followed, so a committed link cannot send the report elsewhere.
 */
export async function writeFileAtomic(file: string, content: string, options: { followLinks?: boolean } = {}): Promise<void> {
  const look = options.followLinks === false ? lstat : stat;
  const existing = await look(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing?.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: "EISDIR" });
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    await writeFile(file, content);
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  // A fresh name, created exclusively: nothing already there (a committed link) is followed.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, content, { flag: "wx" });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
