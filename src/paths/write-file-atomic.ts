import { randomBytes } from "node:crypto";
import { lstat, mkdir, open, rename, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";

/** A file being written piece by piece; nobody sees it until `commit`. */
export interface AtomicFile {
  /** Appends text (written in large pieces as it gathers). Rejects with what the write throws (a full disk). */
  write(text: string): Promise<void>;
  /** Closes the file and puts it in place. */
  commit(): Promise<void>;
  /** Closes and removes what was written, when the report cannot be finished. */
  discard(): Promise<void>;
}

/**
 * Opens a report file so that a reader never sees half of it: the text goes into a
 * temporary file beside it, renamed over it on `commit`. Creates the folder as needed.
 *
 * Only a regular file (or nothing) is ever replaced by rename. Anything else that already
 * stands at the path (a device such as /dev/null, a FIFO, a terminal) is written through,
 * in place: renaming over a device as root would turn it into a regular file. With
 * `followLinks: false` (a path from the repository) a symbolic link at the path is replaced,
 * never followed, so a committed link cannot send the report elsewhere.
 */
export async function openFileAtomic(file: string, options: { followLinks?: boolean } = {}): Promise<AtomicFile> {
  const look = options.followLinks === false ? lstat : stat;
  const existing = await look(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing?.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: "EISDIR" });
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    const out = bufferedWriter(await open(file, "w"));
    return { write: out.write, commit: out.close, discard: out.close };
  }
  await mkdir(path.dirname(file), { recursive: true });
  // A fresh name, created exclusively: nothing already there (a committed link) is followed.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const out = bufferedWriter(await open(temporary, "wx"));
  return {
    write: out.write,
    async commit() {
      try {
        await out.close();
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async discard() {
      try {
        await out.close().catch(() => undefined);
      } finally {
        await rm(temporary, { force: true });
      }
    },
  };
}

/** Bytes gathered before one write. */
const CHUNK = 1 << 20;

/** UTF-8 takes at most three bytes for one UTF-16 unit (a surrogate pair: four for two). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Writes through a handle in pieces of about a megabyte; `close` writes the rest. Asynchronous,
 * so a FIFO read by this process still drains. Each piece is encoded straight into the chunk
 * being gathered, while its text is fresh: no joined string, no buffer per piece.
 */
function bufferedWriter(handle: FileHandle): { write: (text: string) => Promise<void>; close: () => Promise<void> } {
  let chunk = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  let closed = false;
  // A piece that ends in the first half of a surrogate pair keeps it back for the next piece,
  // so a pair split between two pieces is written as the one character it is.
  let heldBack = "";
  const flush = async () => {
    if (used === 0) return;
    const bytes = chunk.subarray(0, used);
    chunk = Buffer.allocUnsafe(CHUNK);
    used = 0;
    // writeFile writes all of it, from the current position, however little one write takes (a pipe).
    await handle.writeFile(bytes);
  };
  return {
    async write(piece) {
      let text = heldBack === "" ? piece : heldBack + piece;
      heldBack = "";
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        heldBack = text.slice(-1);
        text = text.slice(0, -1);
      }
      // Only a piece sure to fit is encoded into the chunk; a piece larger than a chunk goes alone.
      if (text.length * MAX_BYTES_PER_UNIT > CHUNK - used) {
        await flush();
        if (text.length * MAX_BYTES_PER_UNIT > CHUNK) {
          await handle.writeFile(Buffer.from(text, "utf8"));
          return;
        }
      }
      used += chunk.write(text, used, "utf8");
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        // A lone first half at the very end is written as UTF-8 writes it (U+FFFD).
        if (heldBack !== "") {
          if (CHUNK - used < MAX_BYTES_PER_UNIT) await flush();
          used += chunk.write(heldBack, used, "utf8");
        }
        await flush();
      } finally {
        await handle.close();
      }
    },
  };
}

/** Writes a whole report at once, as `openFileAtomic` does piece by piece. */
export async function writeFileAtomic(file: string, content: string, options: { followLinks?: boolean } = {}): Promise<void> {
  const out = await openFileAtomic(file, options);
  try {
    await out.write(content);
  } catch (error) {
    await out.discard();
    throw error;
  }
  await out.commit();
}
