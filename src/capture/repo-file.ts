import { lstat, mkdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isInside } from "../paths/repository-paths.js";

/**
 * Writes a file inside the repository, refusing anything a hostile tree could use to make
 * the write land elsewhere: a path out of the root or into `.git`, a folder that is (or
 * passes through) a symbolic link leading out, and a target that exists as anything but a
 * regular file (a symbolic link, a device, a FIFO). Written beside, then renamed over, so a
 * reader never sees half a file.
 */
export async function writeRepoFile(root: string, relative: string, content: string): Promise<void> {
  const target = path.resolve(root, relative);
  if (!isInside(root, target)) throw new Error(`${relative} is outside the repository`);
  if (path.relative(root, target).split(path.sep).includes(".git")) throw new Error(`${relative} is inside .git`);
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  const realRoot = await realpath(root);
  const realFolder = await realpath(folder);
  if (realFolder !== realRoot && !isInside(realRoot, realFolder)) throw new Error(`${path.dirname(relative)} leads outside the repository`);
  const existing = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing && !existing.isFile()) throw new Error(`${relative} exists and is not a regular file; it is left alone`);
  const temporary = path.join(realFolder, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, content, { flag: "wx" });
    await rename(temporary, path.join(realFolder, path.basename(target)));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
