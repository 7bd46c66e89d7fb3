import path from "node:path";
import { YamlEditError, YamlEditor } from "../edit/yaml-editor.js";
import { loadYaml } from "../load/yaml-load.js";
import type { CaptureMode, SnapshotRecord } from "../project/types.js";
import { validateDoc } from "../schema/validate.js";
import type { PageReading } from "./read-page.js";
import { writeRepoFile } from "./repo-file.js";
import { excerptWindows, fullText, sha256, textSha256 } from "./snapshot-text.js";
import type { SourceEntry } from "./source-records.js";

export type { CaptureMode };

export interface SaveOptions {
  root: string;
  mode: CaptureMode;
  /** Characters kept each side of an excerpt, in excerpts mode. */
  windowChars: number;
  retrieved: Date;
  archive?: { url: string; captured: string };
}

export type SaveOutcome = { ok: true; snapshotFile: string; characters: number } | { ok: false; detail: string };

/**
 * Stores a page's text as the source's snapshot and records it in the source file. The
 * record is edited in place (src/edit/yaml-editor.ts: comments, key order and quoting
 * survive) and checked against the schema before anything is written.
 */
export async function saveCapture(entry: SourceEntry, page: PageReading, options: SaveOptions): Promise<SaveOutcome> {
  const text = fullText(page.lines);
  const stored = options.mode === "excerpts" ? excerptWindows(text, entry.record.excerpts ?? [], options.windowChars) : text;
  const relativePath = entry.record.snapshot?.path ?? `snapshots/${entry.id}.txt`;
  const snapshotFile = path.posix.normalize(path.posix.join(path.posix.dirname(entry.file), relativePath));
  const snapshot: SnapshotRecord = {
    path: relativePath,
    sha256: sha256(stored),
    ...(options.mode === "excerpts" ? { mode: "excerpts" as const } : {}),
    "text-sha256": textSha256(text),
    retrieved: options.retrieved.toISOString().replace(/\.\d{3}Z$/, "Z"),
    "final-URL": page.finalUrl,
    "http-status": page.status,
    "content-type": page.contentType,
    encoding: page.encoding,
  };
  let edited: string;
  try {
    edited = editRecord(entry.doc.text, snapshot, options.archive);
  } catch (error) {
    if (error instanceof YamlEditError) return { ok: false, detail: `${entry.file} could not be edited in place: ${error.message}` };
    throw error;
  }
  const problem = schemaProblem(entry.file, edited);
  if (problem) return { ok: false, detail: `the page's details would not fit the source schema (${problem}); nothing was written` };
  try {
    await writeRepoFile(options.root, snapshotFile, stored);
    await writeRepoFile(options.root, entry.file, edited);
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
  return { ok: true, snapshotFile, characters: stored.length };
}

/** The record's text with its snapshot (and archive address) set. */
export function editRecord(text: string, snapshot: SnapshotRecord, archive: { url: string; captured: string } | undefined): string {
  const editor = new YamlEditor(text);
  // A new snapshot goes before the excerpts and facts, where a reader meets it with the URL's details.
  const before = ["excerpts", "facts"].find((key) => editor.has([key]));
  editor.set(["snapshot"], snapshot, editor.has(["snapshot"]) || before === undefined ? {} : { before });
  if (archive) {
    editor.set(["archive-URL"], archive.url, editor.has(["archive-URL"]) ? {} : { after: "URL" });
    editor.set(["archive-captured"], archive.captured, editor.has(["archive-captured"]) ? {} : { after: "archive-URL" });
  }
  return editor.text;
}

function schemaProblem(file: string, text: string): string | undefined {
  const loaded = loadYaml(file, new TextEncoder().encode(text));
  if (!loaded.ok) return loaded.diagnostics[0]?.message ?? "it does not load";
  const problems = validateDoc(loaded.doc, "source");
  return problems.length > 0 ? `${problems[0]!.at.path ?? ""}: ${problems[0]!.message}` : undefined;
}
