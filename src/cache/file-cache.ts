import { createHash, createHmac, timingSafeEqual } from "node:crypto";
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
/** 2: signed (an HMAC-SHA256 of the rest leads the file), entries checked one by one. */
const FORMAT_VERSION = 2;
/** Length of the signature that leads a cache file. */
const MAC_BYTES = 32;

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
 * configuration, Node's serialiser — differs.
 *
 * An entry says "these bytes load and validate like this", so a forged one could make a broken
 * claim pass. The file is therefore signed with a key kept outside the repository
 * (cache-key.ts): one whose signature does not match is not even deserialised. Every entry is
 * then checked for shape, and one that is malformed is a miss. A cache that cannot be read,
 * is not signed with this key, or is damaged, is ignored with a warning, never a crash.
 * Saving writes only the entries this run used (deleted and changed files fall out), atomically.
 */
export class FileCache {
  private readonly used = new Map<string, CachedFile>();
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly fingerprint: string,
    private readonly key: Uint8Array,
    private readonly stored: Map<string, CachedFile>,
  ) {}

  /** Opens the cache at `file`, signed with `key` (a missing file is an empty cache). */
  static async open(file: string, fingerprint: string, key: Uint8Array, warn: (message: string) => void): Promise<FileCache> {
    const empty = () => new FileCache(file, fingerprint, key, new Map());
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") warn(`cannot read the cache ${file} (${(error as Error).message}); running without it`);
      return empty();
    }
    const payload = bytes.subarray(MAC_BYTES);
    if (bytes.length <= MAC_BYTES || !timingSafeEqual(bytes.subarray(0, MAC_BYTES), sign(key, payload))) {
      warn(`the cache ${file} is not signed with this machine's cache key (written elsewhere, by an older version, or altered); starting afresh`);
      return empty();
    }
    let stored: unknown;
    try {
      stored = deserialize(payload);
    } catch (error) {
      warn(`the cache ${file} is corrupt (${(error as Error).message}); starting afresh`);
      return empty();
    }
    if (!isStoredCache(stored)) {
      warn(`the cache ${file} is not a claimcheck cache or is damaged; starting afresh`);
      return empty();
    }
    if (stored.version !== FORMAT_VERSION || stored.fingerprint !== fingerprint) return empty();
    // A malformed entry is a miss: the file is loaded and validated again, and the entry replaced.
    return new FileCache(file, fingerprint, key, new Map(stored.entries.filter(([k, entry]) => typeof k === "string" && isCachedFile(entry))));
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

  /** Writes the entries this run used, signed, atomically (temporary file, then rename). */
  async save(): Promise<void> {
    if (!this.changed) return;
    const stored: StoredCache = { format: FORMAT, version: FORMAT_VERSION, fingerprint: this.fingerprint, entries: [...this.used] };
    const payload = serialize(stored);
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, Buffer.concat([sign(this.key, payload), payload]));
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

/** The signature of a cache file's payload. */
function sign(key: Uint8Array, payload: Uint8Array): Buffer {
  return createHmac("sha256", key).update(payload).digest();
}

/** The file's frame: format, version, fingerprint and a list of pairs. Entries are checked one by one. */
function isStoredCache(value: unknown): value is StoredCache {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<StoredCache>;
  if (v.format !== FORMAT || typeof v.version !== "number" || typeof v.fingerprint !== "string" || !Array.isArray(v.entries)) return false;
  return v.entries.every((e) => Array.isArray(e) && e.length === 2);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;

function isPosition(v: unknown): boolean {
  return isObject(v) && typeof v.file === "string" && isCount(v.line) && isCount(v.column) && (v.endLine === undefined || isCount(v.endLine)) && (v.endColumn === undefined || isCount(v.endColumn));
}

/** Whether a value has the shape of a Diagnostic as this version writes it. */
export function isDiagnostic(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.ruleId === "string" &&
    typeof v.messageId === "string" &&
    typeof v.message === "string" &&
    (v.severity === "error" || v.severity === "warning") &&
    isObject(v.data) &&
    isPosition(v.at) &&
    (v.related === undefined || (Array.isArray(v.related) && v.related.every((r) => isObject(r) && typeof r.message === "string" && isPosition(r.at))))
  );
}

/** Whether an entry has the shape this version writes; anything else is a miss. */
function isCachedFile(v: unknown): v is CachedFile {
  if (!isObject(v) || typeof v.ok !== "boolean" || !Array.isArray(v.diagnostics) || !v.diagnostics.every(isDiagnostic)) return false;
  if (v.schemaFailed !== undefined && typeof v.schemaFailed !== "boolean") return false;
  if (!v.ok) return v.data === undefined && v.nodes === undefined;
  return v.data !== undefined && (v.nodes === undefined || v.nodes instanceof Int32Array);
}
