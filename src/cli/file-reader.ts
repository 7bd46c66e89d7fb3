import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * A reader of checked files' texts for code frames, read once each and remembered;
 * undefined for a file that cannot be read. Reporters get this instead of touching the disk.
 */
export function fileReader(root: string): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readFileSync(path.join(root, file), "utf8"));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}
