import { readFile } from "node:fs/promises";
import path from "node:path";
import { sha256 } from "../capture/snapshot-text.js";
import type { SourceEntry } from "../capture/source-records.js";
import { writeFileAtomic } from "../paths/write-file-atomic.js";
import type { Judgement } from "./judge.js";

/**
 * What a recheck remembers between runs, so the next one can ask "has this page changed
 * since?" (`If-None-Match`, `If-Modified-Since`) and, on 304 Not Modified, keep its
 * reading without downloading the page again. Kept in the cache folder (a file the command
 * owns, never committed): losing it costs one full download per page, nothing else.
 */
export interface RecheckMemory {
  version: 1;
  /** By source id. */
  pages: Record<string, PageMemory>;
}

export interface PageMemory {
  etag?: string;
  lastModified?: string;
  /** What the reading depended on in the record (URL, snapshot, excerpts): a changed record is read afresh. */
  fingerprint: string;
  judgement: Judgement;
}

/** Where the memory lives unless `--state` says otherwise, relative to the root. */
export const DEFAULT_STATE_FILE = "node_modules/.cache/claimcheck/recheck-state.json";

export async function readMemory(file: string): Promise<RecheckMemory> {
  try {
    const value = JSON.parse(await readFile(file, "utf8")) as Partial<RecheckMemory> | null;
    if (value && value.version === 1 && value.pages && typeof value.pages === "object") return { version: 1, pages: value.pages };
  } catch {
    // Missing or unreadable: start afresh.
  }
  return { version: 1, pages: Object.create(null) as Record<string, PageMemory> };
}

export async function writeMemory(file: string, memory: RecheckMemory): Promise<void> {
  await writeFileAtomic(path.resolve(file), `${JSON.stringify(memory)}\n`);
}

/** The parts of a record a reading depends on. */
export function fingerprint(entry: SourceEntry): string {
  const { URL, snapshot, excerpts } = entry.record;
  return sha256(JSON.stringify([URL, snapshot?.["final-URL"], snapshot?.["text-sha256"], snapshot?.sha256, snapshot?.mode, (excerpts ?? []).map((e) => [e.id, e.text])]));
}

/** The conditional headers for a page the last recheck read, when the record has not changed since. */
export function conditionalHeaders(memory: PageMemory | undefined, entry: SourceEntry): Record<string, string> {
  if (!memory || memory.fingerprint !== fingerprint(entry)) return {};
  const headers: Record<string, string> = {};
  if (memory.etag) headers["if-none-match"] = memory.etag;
  if (memory.lastModified) headers["if-modified-since"] = memory.lastModified;
  return headers;
}
