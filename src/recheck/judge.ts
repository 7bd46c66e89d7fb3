import type { NoAnswer, PageReading, StatusAnswer } from "../capture/read-page.js";
import { fullText, textSha256 } from "../capture/snapshot-text.js";
import type { SourceEntry } from "../capture/source-records.js";
import type { RecheckStatus, VanishedExcerpt } from "../model/result.js";
import { closestNote } from "../text/closest-note.js";
import { findQuote } from "../text/find-quote.js";
import type { DriftFinding } from "./messages.js";

export type { DriftFinding } from "./messages.js";


/** What a recheck concluded about one page. */
export interface Judgement {
  status: RecheckStatus;
  findings: DriftFinding[];
}

/** Statuses that say the page is no longer there. */
const GONE_STATUSES = new Set([404, 410]);

/**
 * Judges what a page says now against its source record. Pure: the page was fetched and
 * read already. Gone and changed-with-an-excerpt-gone are errors (gone only when the source
 * keeps no archived copy); anything the tool could not see is a warning, never a failure.
 */
export function judgePage(entry: SourceEntry, page: PageReading | StatusAnswer | NoAnswer): Judgement {
  const base = { source: entry.id, file: entry.file, url: entry.record.URL };
  const archive = entry.record["archive-URL"];
  const gone = (detail: string, httpStatus?: number): Judgement => ({
    status: { ...base, outcome: "gone", detail, httpStatus },
    findings: archive
      ? [{ messageId: "goneArchived", severity: "warning", data: { source: entry.id, detail, archive } }]
      : [{ messageId: "gone", severity: "error", data: { source: entry.id, detail } }],
  });
  const notChecked = (detail: string, httpStatus?: number): Judgement => ({
    status: { ...base, outcome: "could-not-check", detail, httpStatus },
    findings: [{ messageId: "couldNotCheck", severity: "warning", data: { source: entry.id, detail } }],
  });

  if (!page.ok && page.kind === "failure") return page.reason === "dns" ? gone(page.detail) : notChecked(`${page.detail}`);
  if (!page.ok) return GONE_STATUSES.has(page.status) ? gone(`HTTP ${page.status}`, page.status) : notChecked(page.detail, page.status);

  const text = fullText(page.lines);
  const vanished: VanishedExcerpt[] = [];
  const findings: DriftFinding[] = [];
  for (const excerpt of entry.record.excerpts ?? []) {
    if (findQuote(text, { exact: excerpt.text })) continue;
    const closest = closestNote([text], excerpt.text, { quote: "excerpt", source: "page" });
    vanished.push(closest.passage === undefined ? { excerpt: excerpt.id } : { excerpt: excerpt.id, closest: closest.passage });
    findings.push({ messageId: "excerptGone", severity: "error", data: { source: entry.id, excerpt: excerpt.id, passage: closest.passage, closest: closest.note } });
  }
  if (page.paywalled && vanished.length > 0) {
    return notChecked(`the page declares itself paywalled, and ${vanished.length} of its excerpts ${vanished.length === 1 ? "is" : "are"} not in what it served`, page.status);
  }
  const textChanged = changedSinceSnapshot(entry, text);
  const expectedUrl = entry.record.snapshot?.["final-URL"] ?? entry.record.URL;
  const moved = !sameUrl(page.finalUrl, expectedUrl);
  if (moved) findings.unshift({ messageId: "moved", severity: "warning", data: { source: entry.id, url: expectedUrl, finalUrl: page.finalUrl } });
  if (textChanged && vanished.length === 0) findings.push({ messageId: "textChanged", severity: "warning", data: { source: entry.id } });
  const outcome = vanished.length > 0 || textChanged ? "changed" : moved ? "moved" : "still-says-it";
  const status: RecheckStatus = { ...base, outcome, httpStatus: page.status };
  if (page.finalUrl !== entry.record.URL) status.finalUrl = page.finalUrl;
  if (textChanged !== undefined) status.textChanged = textChanged;
  if (vanished.length > 0) status.vanished = vanished;
  return { status, findings };
}

/**
 * Whether the page's text differs from the snapshot's: by `text-sha256` where capture
 * recorded it (the only way in excerpts mode), else by the stored text itself. Undefined
 * when there is nothing to compare with.
 */
function changedSinceSnapshot(entry: SourceEntry, text: string): boolean | undefined {
  const recorded = entry.record.snapshot?.["text-sha256"];
  if (recorded !== undefined) return recorded !== textSha256(text);
  if (entry.record.snapshot?.mode === "excerpts" || !entry.snapshot?.ok) return undefined;
  return textSha256(entry.snapshot.text) !== textSha256(text);
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
