import { closeSync, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import path from "node:path";
import { refusedRealPath, repoPlaces } from "../paths/repository-paths.js";
import { DEFAULT_LIMITS } from "../options/limits.js";

/**
 * A reader of checked files' texts for code frames, read once each and remembered;
 * undefined for a file that cannot be read. Reporters get this instead of touching the disk.
 *
 * It reads only what a run may read: a file inside the repository (links resolved) and out of
 * its git folder, no larger than `maxBytes` (a file over the limit gets a finding, not a frame).
 */
export function fileReader(root: string, maxBytes: number = DEFAULT_LIMITS.maxFileBytes): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, readWithin(root, file, maxBytes));
    return cache.get(file);
  };
}

function readWithin(root: string, file: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    const real = realpathSync.native(path.resolve(root, file));
    if (refusedRealPath(repoPlaces(root), real) !== undefined) return undefined;
    fd = openSync(real, "r");
    const { size } = fstatSync(fd);
    if (size > maxBytes) return undefined;
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read).toString("utf8");
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
