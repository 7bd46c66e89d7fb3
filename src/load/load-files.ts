import { discover, type DiscoveredFile } from "./discover.js";
import type { LoadedFile } from "./loaded-file.js";
import type { RunOptions } from "../options/run-options.js";
import { UsageError } from "../errors.js";
import { FileCache } from "../cache/file-cache.js";
import { cacheFingerprint } from "../cache/fingerprint.js";
import { loadProject } from "./load-project.js";
import { timed } from "../options/timing.js";

/**
 * The load stage, whole: finds the run's claim and source files (src/load/discover.ts), then
 * reads, parses and validates each (loadFiles). Everything a run, `--changed`, `explain` and
 * `--watch` know of the files comes from here, once per run.
 */
export async function loadRepository(options: RunOptions): Promise<LoadedFile[]> {
  const files = await timed(options.timing, "discover", () => discover(options.root, options.claims, options.sources));
  // Read, parse (fast subset parser, `yaml` where it gives up) and validate every file, through the cache if asked.
  return loadFiles(files, options);
}

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
