import { createHash } from "node:crypto";
import { BucketStore } from "../cache/bucket-store.js";
import { cacheFingerprint } from "../cache/fingerprint.js";
import { claimStoreFolder } from "../cache/location.js";
import type { LoadedFile } from "../load/loaded-file.js";
import type { RunOptions } from "../options/run-options.js";
import { addCount, timed } from "../options/timing.js";
import { filesOfClaim, graphOfLoaded, snapshotFile, type ProjectGraph } from "../project/graph.js";
import { isClaimRecord, type ClaimRecord } from "./claim-record.js";

/**
 * Incremental checks: with the cache on, each claim's findings of the per-claim rules, what
 * project-wide rules read of its evaluation, and its result are kept (a ClaimRecord, in a
 * bucketed store beside the file cache), under a key made of the bytes of every file the
 * project graph says the claim depends on and the configuration. The next run evaluates only
 * the claims whose key changed (src/engine/run.ts, checkRepository); project-wide rules run over
 * the whole index as always, reading the kept summaries. The result is byte for byte a cold
 * run's (test/cache/cache.test.ts).
 */
export interface Reuse {
  store: BucketStore<ClaimRecord>;
  /** Every claim file's key this run. */
  keys: Map<string, string>;
  /** The kept records whose key is this run's, by claim file. */
  records: Map<string, ClaimRecord>;
}

/** Opens the claim store of the run's cache and picks the records whose key still holds. */
export async function openReuse(loaded: readonly LoadedFile[], options: RunOptions, cache: NonNullable<RunOptions["cache"]>): Promise<Reuse> {
  const fingerprint = resultFingerprint(options);
  const store = await timed(options.timing, "cache", () =>
    BucketStore.open(claimStoreFolder(cache.file), fingerprint, cache.key, isClaimRecord, cache.warn ?? (() => {})),
  );
  const keys = claimKeys(graphOfLoaded(loaded), loaded, fingerprint);
  const records = new Map<string, ClaimRecord>();
  for (const [file, key] of keys) {
    const record = store.get(file);
    if (record && record.key === key) records.set(file, record);
  }
  return { store, keys, records };
}

/** Keeps this run's new records and drops those of claims that are gone; writes the changed buckets. */
export async function saveReuse(reuse: Reuse, fresh: ReadonlyMap<string, ClaimRecord>, options: RunOptions, cache: NonNullable<RunOptions["cache"]>): Promise<void> {
  const { store, keys } = reuse;
  for (const [file, record] of fresh) {
    const key = keys.get(file);
    if (key !== undefined && record.result !== undefined) store.set(file, { ...record, key });
  }
  // Records of claims that are gone fall out; a shard keeps the other shards' records.
  store.retain((file) => keys.has(file));
  try {
    const written = await timed(options.timing, "cache", () => store.save());
    addCount(options.timing, "cache buckets written", written);
  } catch (error) {
    cache.warn?.(`could not write the cache ${store.folder}: ${(error as Error).message}`);
  }
}

/**
 * What every claim's result depends on besides the files: the file cache's fingerprint (tool
 * version, schemas, globs, limits, rule settings), the evidence standard and today's date.
 */
export function resultFingerprint(options: RunOptions): string {
  return createHash("sha256")
    .update(`${cacheFingerprint(options)}\0${JSON.stringify(options.evidence ?? {})}\0${JSON.stringify(options.today)}`)
    .digest("hex");
}

/** Each claim file's key: the fingerprint, and the path and content digest of every file it depends on. */
export function claimKeys(graph: ProjectGraph, loaded: readonly LoadedFile[], fingerprint: string): Map<string, string> {
  const digests = fileDigests(graph, loaded);
  const keys = new Map<string, string>();
  for (const claim of graph.claims) {
    const hash = createHash("sha256").update(fingerprint);
    for (const file of filesOfClaim(graph, claim)) hash.update(`\0${file}\0${digests.get(file) ?? "absent"}`);
    keys.set(claim.file, hash.digest("hex"));
  }
  return keys;
}

/**
 * A digest of each loaded file as the run read it: its text when it parsed, else its
 * findings; and of each snapshot, by the digest its source's loading took of it.
 */
function fileDigests(graph: ProjectGraph, loaded: readonly LoadedFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of loaded) {
    const seen = l.doc ? `text ${l.doc.text}` : `unparsed ${JSON.stringify(l.diagnostics)}`;
    out.set(l.file.file, createHash("sha256").update(seen).digest("hex"));
    if (l.valid?.kind === "source" && l.valid.snapshot) {
      const snapshot = snapshotFile(graph.files.get(l.file.file)!);
      const state = l.valid.snapshot;
      if (snapshot !== undefined) out.set(snapshot, state.ok ? `sha256 ${state.sha256}` : `${state.problem} ${state.detail}`);
    }
  }
  return out;
}
