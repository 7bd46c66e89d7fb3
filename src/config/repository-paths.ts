import { realpath } from "node:fs/promises";
import path from "node:path";
import { isInside } from "../engine/repo-paths.js";

/**
 * Where a report may be written when the path comes from the repository (claimcheck.config.yaml,
 * or a format's default such as reports/index.html): inside the repository, never into `.git`,
 * never through a symbolic link that leads out. A pull request controls both the configuration
 * and the tree (it can commit `reports` as a link to a folder an interpreter reads), so neither
 * may choose where on the machine a report lands. A path outside comes only from the command
 * line (`--format json=/abs/path`), which the workflow's author writes.
 */

/** Wording of each reason a report path is refused, by message id. */
export const reportPathMessages = {
  absolute: 'report path "{file}" is absolute; a configuration names paths inside the repository (a path outside comes only from the command line: --format {format}=/path)',
  climbs: 'report path "{file}" climbs out with ".."; a configuration names paths inside the repository (a path outside comes only from the command line: --format {format}=/path)',
  intoGit: 'report path "{file}" leads into .git, which holds the repository\'s own configuration and hooks',
  nul: 'report path "{file}" holds a NUL character',
  throughLink: 'report path "{file}" leads out of the repository through the symbolic link {link} (to {target})',
  linkIntoGit: 'report path "{file}" leads into .git through the symbolic link {link}',
} as const;

export type ReportPathProblem = { messageId: keyof typeof reportPathMessages; data: Record<string, string> };

/**
 * Why a path written in a file may not name a file of the repository, from its text alone:
 * a NUL, an absolute path, a climb out with "..", or a way into .git. Both separators and
 * drive letters count: files are shared between machines. Undefined when it may.
 */
export function repositoryPathProblem(file: string): "nul" | "absolute" | "climbs" | "intoGit" | undefined {
  if (file.includes("\0")) return "nul";
  if (path.posix.isAbsolute(file) || path.win32.isAbsolute(file) || /^[A-Za-z]:/.test(file)) return "absolute";
  const segments = file.split(/[\\/]/);
  if (segments.includes("..")) return "climbs";
  if (segments.some(isGitFolder)) return "intoGit";
  return undefined;
}

/** Why a repository report path may not be used, from its text alone; undefined when it may. */
export function reportPathProblem(file: string, format: string): ReportPathProblem | undefined {
  const messageId = repositoryPathProblem(file);
  return messageId === undefined ? undefined : { messageId, data: { file, format } };
}

/**
 * Why a repository report path may not be used, given the folders that exist on its way: the
 * nearest existing folder must resolve (through any symbolic links) inside the repository and
 * outside its `.git`. Folders still to be made cannot be links. Undefined when the path may be used.
 */
export async function reportPathLinkProblem(root: string, file: string, format: string): Promise<ReportPathProblem | undefined> {
  const realRoot = await realpath(root).catch(() => undefined);
  if (realRoot === undefined) return undefined; // no repository there: the run says so itself
  let existing = path.dirname(path.resolve(root, file));
  let real: string | undefined;
  while (real === undefined) {
    try {
      real = await realpath(existing);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return undefined;
      existing = parent;
    }
  }
  const link = path.relative(root, existing).split(path.sep).join("/") || ".";
  if (real !== realRoot && !isInside(realRoot, real)) return { messageId: "throughLink", data: { file, format, link, target: real } };
  if (path.relative(realRoot, real).split(path.sep).some(isGitFolder)) return { messageId: "linkIntoGit", data: { file, format, link } };
  return undefined;
}

/** `.git` as any file system spells it (case-insensitive ones included). */
function isGitFolder(segment: string): boolean {
  return segment.toLowerCase() === ".git";
}
