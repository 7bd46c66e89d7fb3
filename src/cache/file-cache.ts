import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Diagnostic } from "../model/diagnostic.js";

/** What the cache keeps for one file's content: the outcome of loading and validating it. */
export interface CachedFile {
  /** Whether the file parsed. */
  ok: boolean;
  /** The parsed data, when it parsed. */
  data?: unknown;
  /** The fast parser's node table, so positions need no parse; absent for files `yaml` parsed. */
  nodes?: Int32Array;
  /** Loader and schema diagnostics, positions included. */
  diagnostics: Diagnostic[];
  /** The file parsed but failed its schema. */
  schemaFailed?: boolean;
}

const FORMAT = "claimcheck-file-cache";
const FORMAT_VERSION = 1;

interface StoredCache {
  format: typeof FORMAT;
  version: number;
  fingerprint: string;
  entries: Array<[string, CachedFile]>;
}

/**
 * The per-file cache behind `--cache`: one file of entries keyed by the sha256 of a file's
 * bytes and the kind of document it is read as, so a renamed file still hits and an edited one
 * never does. The whole cache is dropped when its fingerprint — tool version, schemas,
 * configuration, Node's serialiser — differs. A cache that cannot be read is ignored with a
 * warning, never a crash. Saving writes only the entries this run used (deleted and changed
 * files fall out), atomically.
 */
export class FileCache {
  private readonly used = new Map<string, CachedFile>();
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly fingerprint: string,
    private readonly stored: Map<string, CachedFile>,
  ) {}

  /** Opens the cache at `file` (a missing file is an empty cache). */
  static async open(file: string, fingerprint: string, warn: (message: string) => void): Promise<FileCache> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") warn(`cannot read the cache ${file} (${(error as Error).message}); running without it`);
      return new FileCache(file, fingerprint, new Map());
    }
    let stored: unknown;
    try {
      stored = deserialize(bytes);
    } catch (error) {
      warn(`the cache ${file} is corrupt (${(error as Error).message}); starting afresh`);
      return new FileCache(file, fingerprint, new Map());
    }
    if (!isStoredCache(stored)) {
      warn(`the cache ${file} is not a claimcheck cache or is damaged; starting afresh`);
      return new FileCache(file, fingerprint, new Map());
    }
    if (stored.version !== FORMAT_VERSION || stored.fingerprint !== fingerprint) return new FileCache(file, fingerprint, new Map());
    return new FileCache(file, fingerprint, new Map(stored.entries));
  }

  /** The key of a file's content read as a kind of document. */
  keyOf(bytes: Uint8Array, kind: string): string {
    return `${createHash("sha256").update(bytes).digest("hex")}:${kind}`;
  }

  get(key: string): CachedFile | undefined {
    const reused = this.used.get(key);
    // Two files with the same content: give each its own data, so no two documents share objects.
    if (reused) return structuredClone(reused);
    const entry = this.stored.get(key);
    if (entry) this.used.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedFile): void {
    this.used.set(key, entry);
    this.dirty = true;
  }

  /** Whether saving would change the cache file. */
  get changed(): boolean {
    return this.dirty || this.used.size !== this.stored.size;
  }

  /** Writes the entries this run used, atomically (temporary file, then rename). */
  async save(): Promise<void> {
    if (!this.changed) return;
    const stored: StoredCache = { format: FORMAT, version: FORMAT_VERSION, fingerprint: this.fingerprint, entries: [...this.used] };
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, serialize(stored));
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

function isStoredCache(value: unknown): value is StoredCache {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<StoredCache>;
  if (v.format !== FORMAT || typeof v.version !== "number" || typeof v.fingerprint !== "string" || !Array.isArray(v.entries)) return false;
  return v.entries.every(
    (e) =>
      Array.isArray(e) &&
      e.length === 2 &&
      typeof e[0] === "string" &&
      typeof e[1] === "object" &&
      e[1] !== null &&
      typeof e[1].ok === "boolean" &&
      Array.isArray(e[1].diagnostics) &&
      (e[1].nodes === undefined || e[1].nodes instanceof Int32Array) &&
      e[1].diagnostics.every((d: unknown) => typeof d === "object" && d !== null && typeof (d as Diagnostic).at === "object" && (d as Diagnostic).at !== null),
  );
}
