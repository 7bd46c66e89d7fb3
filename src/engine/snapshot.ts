import { createHash } from "node:crypto";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import type { SnapshotState } from "../project/types.js";

/** Whether `target` lies inside `root` (both absolute, resolved). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" ? false : !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * Reads a source's snapshot, refusing any path that leaves the repository: absolute,
 * through `..`, or through a symbolic link that points outside.
 */
export async function readSnapshot(root: string, sourceFile: string, snapshotPath: string): Promise<SnapshotState> {
  if (path.isAbsolute(snapshotPath) || snapshotPath.includes("\0")) {
    return { ok: false, problem: "outside", detail: "absolute path" };
  }
  const resolved = path.resolve(root, path.dirname(sourceFile), snapshotPath);
  if (!isInside(root, resolved)) return { ok: false, problem: "outside", detail: "path leaves the repository" };
  let real: string;
  try {
    real = await realpath(resolved);
  } catch {
    return { ok: false, problem: "missing", detail: "no such file" };
  }
  const realRoot = await realpath(root);
  if (!isInside(realRoot, real)) return { ok: false, problem: "outside", detail: "symbolic link leaves the repository" };
  try {
    const bytes = await readFile(real);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return { ok: true, text: new TextDecoder("utf-8").decode(bytes), sha256 };
  } catch (error) {
    return { ok: false, problem: "unreadable", detail: (error as Error).message };
  }
}
