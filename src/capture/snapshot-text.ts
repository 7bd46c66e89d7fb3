import { createHash } from "node:crypto";
import { findQuote } from "../text/find-quote.js";
import { normalise } from "../text/normalize.js";

/** The text of a page as a snapshot file holds it: one normalised line per paragraph, ending in a newline. */
export function fullText(lines: readonly string[]): string {
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The fingerprint of a page's whole text, independent of how it is broken into lines: the
 * sha256 of its UTF-8 bytes under quote-found's normalisation (one line, single spaces).
 * `snapshot.text-sha256` records it; recheck compares it to tell whether the page changed.
 */
export function textSha256(text: string): string {
  return sha256(normalise(text));
}

/** Marks text left out between two windows of an excerpts-only snapshot. */
export const GAP = "[...]";

/**
 * An excerpts-only snapshot: for each excerpt found in the page's text, a window of
 * `windowChars` characters either side of it (widened to whole words), windows that touch
 * merged, and `[...]` where text was left out. Excerpts not found get no window; the
 * excerpt-in-snapshot rule then reports them.
 */
export function excerptWindows(text: string, excerpts: ReadonlyArray<{ text: string }>, windowChars: number): string {
  const ranges: Array<[number, number]> = [];
  for (const excerpt of excerpts) {
    const match = findQuote(text, { exact: excerpt.text });
    if (!match) continue;
    ranges.push([wordStart(text, Math.max(0, match.start - windowChars)), wordEnd(text, Math.min(text.length, match.end + windowChars))]);
  }
  if (ranges.length === 0) return "";
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [ranges[0]!];
  for (const [start, end] of ranges.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const body = text.replace(/\n$/, "");
  const pieces = merged.map(([start, end]) => body.slice(start, Math.min(end, body.length)).trim());
  const lead = merged[0]![0] > 0 ? `${GAP}\n` : "";
  const tail = merged[merged.length - 1]![1] < body.length ? `\n${GAP}` : "";
  return `${lead}${pieces.join(`\n${GAP}\n`)}${tail}\n`;
}

const isSpace = (ch: string | undefined) => ch === " " || ch === "\n";

/** The start of the word that holds `offset` (text here is normalised: spaces and newlines only). */
function wordStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && !isSpace(text[at - 1])) at--;
  return at;
}

/** The end of the word that holds the character before `offset`. */
function wordEnd(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && !isSpace(text[at])) at++;
  return at;
}
