import { readFileSync, realpathSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";

/**
 * Every check of where a path may lead, in one place: what a run may read (claims, sources,
 * snapshots, code frames) and where a report may be written.
 *
 * Where a path named by a file in a pull request may lead. Claim, source and configuration
 * files come from strangers: whatever they name must stay inside the repository, out of its
 * git folder (on CI, `.git/config` holds the checkout's token), and out of the folders where
 * tools keep their own state. docs/security.md ("Reading files") lists the rules.
 */

/** Whether `target` lies inside `root` (both absolute, resolved). The root itself is not inside. */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" ? false : !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * Folder names never read through a path from a file: the git folder, installed packages and
 * tool caches (claimcheck's own cache lives in node_modules/.cache). Compared without regard
 * to case, since macOS and Windows file systems ignore it.
 */
const REFUSED_SEGMENTS = new Set([".git", "node_modules"]);

/** File names that hold credentials by convention, never read through a path from a file. */
const REFUSED_NAMES = new Set([".npmrc", ".netrc", ".git-credentials", ".pypirc", ".env"]);

/**
 * Why a relative path (as written, forward or back slashes) names a risky place, or undefined.
 * Checked before anything is read; the real path is checked again after links are resolved.
 */
export function riskyPath(relative: string): string | undefined {
  for (const segment of relative.split(/[/\\]/)) {
    const name = segment.toLowerCase();
    if (REFUSED_SEGMENTS.has(name)) return `leads into ${segment}`;
    if (REFUSED_NAMES.has(name) || name.startsWith(".env.")) return `names ${segment}, a file that may hold credentials`;
  }
  return undefined;
}

/** The repository root with links resolved, and its git folder (also resolved), once per root. */
export interface RepoPlaces {
  root: string;
  /** Undefined when the root has no `.git`. */
  gitDir?: string;
}

const places = new Map<string, RepoPlaces>();

export function repoPlaces(root: string): RepoPlaces {
  const absolute = path.resolve(root);
  let known = places.get(absolute);
  if (!known) {
    const real = realOrSelf(absolute);
    known = { root: real, gitDir: gitDirOf(real) };
    places.set(absolute, known);
  }
  return known;
}

/**
 * The git folder: `.git` itself, or where a `.git` file points (`gitdir: …`, as in a worktree
 * or a submodule). Read here rather than asked of git, so a run needs no git.
 */
function gitDirOf(root: string): string | undefined {
  const dotGit = path.join(root, ".git");
  try {
    const text = readFileSync(dotGit, "utf8");
    const line = text.split("\n").find((l) => l.startsWith("gitdir:"));
    if (line) return realOrSelf(path.resolve(root, line.slice("gitdir:".length).trim()));
  } catch {
    // a folder (EISDIR) or nothing at all
  }
  try {
    return realpathSync.native(dotGit);
  } catch {
    return undefined;
  }
}

function realOrSelf(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/**
 * Why a real (resolved) path may not be read, or undefined when it may: it must lie inside
 * the repository and outside its git folder, and its path inside the repository must not be
 * risky (a link may lead into `.git` or `node_modules` under another name).
 */
export function refusedRealPath(repo: RepoPlaces, real: string): string | undefined {
  if (real !== repo.root && !isInside(repo.root, real)) return "leaves the repository";
  if (repo.gitDir !== undefined && (real === repo.gitDir || isInside(repo.gitDir, real))) return "leads into the git folder";
  return riskyPath(path.relative(repo.root, real));
}

// Where a report may be written.

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
