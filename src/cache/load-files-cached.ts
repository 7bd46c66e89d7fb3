import path from "node:path";
import type { DiscoveredFile } from "../engine/discover.js";
import type { LoadedFile } from "../engine/load-files.js";
import type { RunOptions } from "../engine/options.js";
import { UsageError } from "../errors.js";
import { FileCache } from "./file-cache.js";
import { cacheFingerprint } from "./fingerprint.js";
import { loadProject } from "./load-project.js";
import { timed } from "./timing.js";

/** Where `--cache` keeps its file by default, relative to the repository root (as ESLint and others do). */
export const DEFAULT_CACHE_DIR = "node_modules/.cache/claimcheck";
export const CACHE_FILE_NAME = "files.v8";

/**
 * Loads every discovered file for a run: refuses more files than the limit allows, then reads,
 * parses and validates them — through the cache when the run asks for one, saving it after.
 */
export async function loadFiles(files: readonly DiscoveredFile[], options: RunOptions): Promise<LoadedFile[]> {
  if (files.length > options.limits.maxFiles) {
    throw new UsageError(
      "too-many-files",
      `found ${files.length} claim and source files, more than the limit of ${options.limits.maxFiles}; ` +
        "raise limits.max-files in claimcheck.config.yaml if the repository really holds that many",
    );
  }
  const cache = options.cache
    ? await timed(options.timing, "cache", () => FileCache.open(options.cache!.file, cacheFingerprint(options), options.cache!.key, options.cache!.warn ?? (() => {})))
    : undefined;
  // A folder refused at discovery (a symbolic link out of the repository) is never read: its finding stands in.
  const readable = files.filter((f) => !f.refused);
  const loadedReadable = await loadProject(readable, options, cache, options.timing);
  const loaded = readable.length === files.length ? loadedReadable : mergeRefused(files, loadedReadable);
  if (cache) {
    try {
      await timed(options.timing, "cache", () => cache.save());
    } catch (error) {
      // A cache that cannot be written costs the next run time, never this run its result.
      options.cache!.warn?.(`could not write the cache ${cache.file}: ${(error as Error).message}`);
    }
  }
  return loaded;
}

/** The loaded files back in discovery order, with each refused entry as its own finding. */
function mergeRefused(files: readonly DiscoveredFile[], loaded: LoadedFile[]): LoadedFile[] {
  let next = 0;
  return files.map((file) => (file.refused ? { file, diagnostics: [file.refused] } : loaded[next++]!));
}

/** The cache file for a `--cache-location` (a folder, or a file path ending in .v8), or the default. */
export function cacheFileFor(root: string, location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(root, DEFAULT_CACHE_DIR, CACHE_FILE_NAME);
  const resolved = path.resolve(cwd, location);
  return resolved.endsWith(".v8") ? resolved : path.join(resolved, CACHE_FILE_NAME);
}
