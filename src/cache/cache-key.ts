import { randomBytes } from "node:crypto";
import { lstat, mkdir, readFile, realpath, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isInside } from "../paths/repository-paths.js";
import { UsageError } from "../errors.js";
import { git } from "../git/git.js";

/**
 * The secret that signs cache files (HMAC-SHA256), so that a cache file somebody else wrote —
 * a file committed in a pull request, say, that maps a broken claim's bytes to a passing entry
 * — is never believed. It is random, made once per user and machine, and kept outside every
 * repository: `$XDG_CACHE_HOME/claimcheck/cache-key` (else `~/.cache/claimcheck/cache-key`),
 * mode 0600. A CI job that restores its cache between runs restores that folder too, or gives
 * the key in CLAIMCHECK_CACHE_KEY (docs/security.md).
 */

/** The environment variable that gives the key directly (at least 32 characters). */
export const CACHE_KEY_ENV = "CLAIMCHECK_CACHE_KEY";
const KEY_BYTES = 32;

/** Where the key file lives for this environment. */
export function cacheKeyFile(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME || os.homedir(), ".cache");
  return path.join(base, "claimcheck", "cache-key");
}

/**
 * The key for signing the cache of the repository at `root`: from CLAIMCHECK_CACHE_KEY, else
 * read from (or, the first time, created in) the key file. Undefined, after a warning, when
 * the key file can be neither read nor made: the run then goes on without the cache. A key
 * that anyone with the repository could know is refused (a UsageError, exit 2): too short a
 * CLAIMCHECK_CACHE_KEY, or a key file inside the repository.
 */
export async function cacheKey(root: string, env: NodeJS.ProcessEnv, warn: (message: string) => void): Promise<Uint8Array | undefined> {
  const given = env[CACHE_KEY_ENV];
  if (given !== undefined && given !== "") {
    if (given.length < KEY_BYTES) throw new UsageError("bad-cache-key", `${CACHE_KEY_ENV} is shorter than ${KEY_BYTES} characters; give a long random secret`);
    return new TextEncoder().encode(given);
  }
  const file = cacheKeyFile(env);
  if (await insideRepository(root, file)) {
    throw new UsageError("bad-cache-key", `the cache key ${file} would lie inside the repository, where a pull request could set it; point XDG_CACHE_HOME elsewhere or set ${CACHE_KEY_ENV}`);
  }
  try {
    const existing = await lstat(file).catch(() => undefined);
    if (existing === undefined) {
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Exclusive: two runs starting at once never overwrite each other's key.
      await writeFile(file, randomBytes(KEY_BYTES), { mode: 0o600, flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      });
    } else if (!existing.isFile()) {
      throw new Error("it is not a regular file");
    }
    const key = await readFile(file);
    if (key.length < KEY_BYTES) throw new Error(`it holds ${key.length} bytes, fewer than ${KEY_BYTES}`);
    return key;
  } catch (error) {
    warn(`cannot use the cache key ${file} (${(error as Error).message}); running without the cache`);
    return undefined;
  }
}

/** Whether `file` (which may not exist yet) lies inside the repository at `root`, links resolved. */
async function insideRepository(root: string, file: string): Promise<boolean> {
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  let existing = path.dirname(file);
  const rest = [path.basename(file)];
  for (;;) {
    try {
      return isInside(realRoot, path.join(await realpath(existing), ...rest));
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return isInside(realRoot, file);
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/**
 * Refuses a cache file that git tracks in the repository at `root`: its content would come
 * from whoever last committed it (a pull request), not from an earlier run on this machine.
 * An untracked file cannot come from a pull request, and the key covers the rest. Nothing to
 * refuse when the root is not in a git repository or git is missing.
 */
export async function refuseTrackedCache(root: string, cacheFile: string): Promise<void> {
  const relative = path.relative(root, cacheFile);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return;
  let tracked: string;
  try {
    tracked = await git(root, ["--literal-pathspecs", "ls-files", "-z", "--", relative.split(path.sep).join("/")]);
  } catch {
    return;
  }
  if (tracked !== "") {
    throw new UsageError(
      "tracked-cache",
      `the cache ${relative.split(path.sep).join("/")} is tracked by git: a cache must come from this machine's earlier runs, never from the repository; choose an ignored or outside --cache-location`,
    );
  }
}
