import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";

const FORMAT = "claimcheck-bucket";
const FORMAT_VERSION = 1;
/** Length of the signature that leads a bucket file. */
const MAC_BYTES = 32;
/** Buckets per store: a one-claim edit rewrites one or two of them (docs/design.md, "Incremental checks"). */
export const BUCKETS = 64;

interface StoredBucket {
  format: typeof FORMAT;
  version: number;
  fingerprint: string;
  bucket: number;
  entries: Array<[string, unknown]>;
}

/**
 * A signed key–value store in a folder of bucket files (`00.v8` … `63.v8`), each holding the
 * entries whose key hashes to it. Opening reads every bucket; saving rewrites only the buckets
 * whose entries changed — one set, one dropped — atomically, so a warm run after a small edit
 * writes a small part of the store, not all of it.
 *
 * Like the file cache (file-cache.ts), every bucket is signed (HMAC-SHA256) with the key kept
 * outside the repository: a bucket whose signature does not match is not even deserialised; one
 * of another version or fingerprint is empty; an entry that fails `isEntry` is a miss. Any of
 * these is a warning at most, never a crash and never a wrong answer.
 */
export class BucketStore<T> {
  private readonly changedBuckets = new Set<number>();

  private constructor(
    readonly folder: string,
    private readonly fingerprint: string,
    private readonly key: Uint8Array,
    private readonly buckets: Array<Map<string, T>>,
  ) {}

  static async open<T>(folder: string, fingerprint: string, key: Uint8Array, isEntry: (value: unknown) => value is T, warn: (message: string) => void): Promise<BucketStore<T>> {
    const problems: string[] = [];
    /** Buckets whose file exists but was not believed or is out of date: the next save replaces them. */
    const stale: number[] = [];
    const buckets = await Promise.all(
      Array.from({ length: BUCKETS }, async (_, n) => {
        const entries = new Map<string, T>();
        let bytes: Buffer;
        try {
          bytes = await readFile(bucketFile(folder, n));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") problems.push(`cannot read ${bucketFile(folder, n)} (${(error as Error).message})`);
          return entries;
        }
        const payload = bytes.subarray(MAC_BYTES);
        if (bytes.length <= MAC_BYTES || !timingSafeEqual(bytes.subarray(0, MAC_BYTES), sign(key, payload))) {
          problems.push(`${bucketFile(folder, n)} is not signed with this machine's cache key`);
          stale.push(n);
          return entries;
        }
        let stored: unknown;
        try {
          stored = deserialize(payload);
        } catch (error) {
          problems.push(`${bucketFile(folder, n)} is corrupt (${(error as Error).message})`);
          stale.push(n);
          return entries;
        }
        if (!isBucket(stored, n)) {
          problems.push(`${bucketFile(folder, n)} is not a claimcheck cache bucket`);
          stale.push(n);
          return entries;
        }
        if (stored.version !== FORMAT_VERSION || stored.fingerprint !== fingerprint) {
          stale.push(n);
          return entries;
        }
        for (const [id, entry] of stored.entries) if (typeof id === "string" && bucketOf(id) === n && isEntry(entry)) entries.set(id, entry);
        if (entries.size !== stored.entries.length) stale.push(n);
        return entries;
      }),
    );
    if (problems.length > 0) warn(`the cache ${folder}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more buckets)` : ""}; those entries start afresh`);
    const store = new BucketStore<T>(folder, fingerprint, key, buckets);
    for (const n of stale) store.changedBuckets.add(n);
    return store;
  }

  get(id: string): T | undefined {
    return this.buckets[bucketOf(id)]!.get(id);
  }

  set(id: string, entry: T): void {
    const n = bucketOf(id);
    this.buckets[n]!.set(id, entry);
    this.changedBuckets.add(n);
  }

  /** Drops every entry whose id `keep` refuses (a deleted claim's, say). */
  retain(keep: (id: string) => boolean): void {
    this.buckets.forEach((entries, n) => {
      for (const id of entries.keys()) {
        if (keep(id)) continue;
        entries.delete(id);
        this.changedBuckets.add(n);
      }
    });
  }

  /** How many buckets the next save writes (for the benchmark and tests). */
  get pendingBuckets(): number {
    return this.changedBuckets.size;
  }

  /** Writes the changed buckets, each signed and atomically (temporary file, then rename); an empty one is removed. */
  async save(): Promise<number> {
    if (this.changedBuckets.size === 0) return 0;
    await mkdir(this.folder, { recursive: true });
    let written = 0;
    for (const n of [...this.changedBuckets].sort((a, b) => a - b)) {
      const file = bucketFile(this.folder, n);
      const entries = this.buckets[n]!;
      if (entries.size === 0) {
        await rm(file, { force: true });
        continue;
      }
      const stored: StoredBucket = { format: FORMAT, version: FORMAT_VERSION, fingerprint: this.fingerprint, bucket: n, entries: [...entries] };
      const payload = serialize(stored);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await writeFile(temporary, Buffer.concat([sign(this.key, payload), payload]));
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      written++;
    }
    this.changedBuckets.clear();
    return written;
  }
}

export function bucketFile(folder: string, n: number): string {
  return path.join(folder, `${String(n).padStart(2, "0")}.v8`);
}

/** The bucket of an id: the first byte of its sha256, modulo the bucket count. */
export function bucketOf(id: string): number {
  return createHash("sha256").update(id).digest()[0]! % BUCKETS;
}

function sign(key: Uint8Array, payload: Uint8Array): Buffer {
  return createHmac("sha256", key).update(payload).digest();
}

function isBucket(value: unknown, n: number): value is StoredBucket {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<StoredBucket>;
  return (
    v.format === FORMAT &&
    typeof v.version === "number" &&
    typeof v.fingerprint === "string" &&
    v.bucket === n &&
    Array.isArray(v.entries) &&
    v.entries.every((e) => Array.isArray(e) && e.length === 2)
  );
}
