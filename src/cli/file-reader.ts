import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { repositoryPathProblem } from "../config/repository-paths.js";
import { isInside } from "../engine/snapshot.js";

/**
 * A reader of checked files' texts for code frames, read once each and remembered;
 * undefined for a file that cannot be read. Reporters get this instead of touching the disk.
 *
 * It reads only files of the repository: a name that is absolute, climbs out, leads into
 * .git, or resolves through a link to somewhere outside gives no text (so no code frame),
 * whatever a result document (say, a shard given to `merge`) claims.
 */
export function fileReader(root: string): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  let realRoot: string | undefined;
  return (file) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        realRoot ??= realpathSync(root);
        const real = repositoryPathProblem(file) === undefined ? realpathSync(path.join(root, file)) : undefined;
        if (real !== undefined && isInside(realRoot, real) && repositoryPathProblem(path.relative(realRoot, real)) === undefined) text = readFileSync(real, "utf8");
      } catch {
        text = undefined;
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };
}
