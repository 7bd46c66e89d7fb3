import { readFile } from "node:fs/promises";
import path from "node:path";
import { discover } from "../load/discover.js";
import type { RunOptions } from "../options/run-options.js";
import { readSnapshot } from "../load/snapshot.js";
import type { LoadedDoc } from "../load/document.js";
import { loadYaml } from "../load/yaml-load.js";
import type { SnapshotState, SourceRecord } from "../project/types.js";
import { validateDoc } from "../schema/validate.js";

/** A source record `capture` and `recheck` can work on: it loaded and matches its schema. */
export interface SourceEntry {
  id: string;
  /** Relative to the root, forward slashes. */
  file: string;
  record: SourceRecord;
  doc: LoadedDoc;
  /** The stored snapshot, read and hashed, when the record names one. */
  snapshot?: SnapshotState;
}

export interface SourceRecords {
  sources: SourceEntry[];
  /** Source files that do not load or do not match the schema: the ordinary check reports them. */
  broken: string[];
}

/**
 * Every source record of the project, as the ordinary check finds them (the same globs,
 * loader, schema and snapshot reader). The network commands read records on their own
 * rather than through a whole check run: they need only the sources, and the positions of
 * their keys.
 */
export async function loadSourceRecords(options: RunOptions): Promise<SourceRecords> {
  const files = (await discover(options.root, options.claims, options.sources)).filter((f) => f.role === "source");
  const sources: SourceEntry[] = [];
  const broken: string[] = [];
  for (const { file } of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(options.root, file));
    } catch {
      broken.push(file);
      continue;
    }
    const loaded = loadYaml(file, bytes, options.limits);
    if (!loaded.ok || validateDoc(loaded.doc, "source").length > 0) {
      broken.push(file);
      continue;
    }
    const record = loaded.doc.data as SourceRecord;
    const snapshot = record.snapshot ? await readSnapshot(options.root, file, record.snapshot.path) : undefined;
    sources.push({ id: record.id, file, record, doc: loaded.doc, snapshot });
  }
  return { sources: sources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), broken };
}
