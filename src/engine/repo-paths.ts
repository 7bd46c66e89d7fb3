import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";

/**
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
