import { createHash } from "node:crypto";
import { open, realpath } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_LIMITS } from "../options/limits.js";
import { isInside, refusedRealPath, repoPlaces, riskyPath } from "../paths/repository-paths.js";

/** What became of a source's snapshot when the load stage read it. */
export type SnapshotState =
  | { ok: true; text: string; sha256: string }
  | { ok: false; problem: "outside" | "refused" | "missing" | "tooLarge" | "unreadable"; detail: string };

/**
 * Reads a source's snapshot, refusing any path that leaves the repository (absolute, through
 * `..`, or through a symbolic link that points outside), any path into the git folder or
 * another risky place (src/paths/repository-paths.ts), and any file over `maxBytes`. A refused file
 * is never opened for reading.
 */
export async function readSnapshot(
  root: string,
  sourceFile: string,
  snapshotPath: string,
  maxBytes: number = DEFAULT_LIMITS.maxSnapshotBytes,
): Promise<SnapshotState> {
  if (path.isAbsolute(snapshotPath) || snapshotPath.includes("\0")) {
    return { ok: false, problem: "outside", detail: "absolute path" };
  }
  const resolved = path.resolve(root, path.dirname(sourceFile), snapshotPath);
  if (!isInside(root, resolved)) return { ok: false, problem: "outside", detail: "path leaves the repository" };
  const risky = riskyPath(snapshotPath) ?? riskyPath(path.relative(root, resolved));
  if (risky !== undefined) return { ok: false, problem: "refused", detail: risky };
  let real: string;
  try {
    real = await realpath(resolved);
  } catch {
    return { ok: false, problem: "missing", detail: "no such file" };
  }
  const refused = refusedRealPath(repoPlaces(root), real);
  if (refused === "leaves the repository") return { ok: false, problem: "outside", detail: "symbolic link leaves the repository" };
  if (refused !== undefined) return { ok: false, problem: "refused", detail: `${refused} through a symbolic link` };
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(real, "r");
    const { size } = await file.stat();
    if (size > maxBytes) return { ok: false, problem: "tooLarge", detail: `${size} bytes, over the limit of ${maxBytes}` };
    const bytes = await file.readFile();
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return { ok: true, text: new TextDecoder("utf-8").decode(bytes), sha256 };
  } catch (error) {
    return { ok: false, problem: "unreadable", detail: (error as Error).message };
  } finally {
    await file?.close();
  }
}
