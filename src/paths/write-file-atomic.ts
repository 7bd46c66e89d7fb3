import { randomBytes } from "node:crypto";
import { lstat, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes a report file so that a reader never sees half of it: into a temporary file
 * beside it, then renamed over it. Creates the folder as needed.
 *
 * Only a regular file (or nothing) is ever replaced by rename. Anything else that already
 * stands at the path (a device such as /dev/null, a FIFO, a terminal) is written through,
 * in place: renaming over a device as root would turn it into a regular file. With
 * `followLinks: false` (a path from the repository) a symbolic link at the path is replaced,
 * never followed, so a committed link cannot send the report elsewhere.
 */
export async function writeFileAtomic(file: string, content: string, options: { followLinks?: boolean } = {}): Promise<void> {
  const look = options.followLinks === false ? lstat : stat;
  const existing = await look(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing?.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: "EISDIR" });
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    await writeFile(file, content);
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  // A fresh name, created exclusively: nothing already there (a committed link) is followed.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, content, { flag: "wx" });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
