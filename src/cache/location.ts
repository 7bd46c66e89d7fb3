import path from "node:path";

/** Where `--cache` keeps its file by default, relative to the repository root (as ESLint and others do). */
export const DEFAULT_CACHE_DIR = "node_modules/.cache/claimcheck";
export const CACHE_FILE_NAME = "files.v8";

/** The cache file for a `--cache-location` (a folder, or a file path ending in .v8), or the default. */
export function cacheFileFor(root: string, location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(root, DEFAULT_CACHE_DIR, CACHE_FILE_NAME);
  const resolved = path.resolve(cwd, location);
  return resolved.endsWith(".v8") ? resolved : path.join(resolved, CACHE_FILE_NAME);
}

/** The folder of per-claim records (src/engine/incremental.ts) beside a cache file: `files.v8` → `files.claims/`. */
export function claimStoreFolder(cacheFile: string): string {
  return `${cacheFile.endsWith(".v8") ? cacheFile.slice(0, -3) : cacheFile}.claims`;
}
