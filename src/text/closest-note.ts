import { closestPassage } from "./find-quote.js";

/** Most characters of a source's text a hint shows: a quote's neighbourhood, never a file. */
export const HINT_CHARS = 160;
/** Most characters of one word a hint shows. */
const WORD_CHARS = 40;

/** What a finding says about a quote that was not found: the nearest passage, and the note that shows it. */
export interface ClosestNote {
  /**
   * The passage most like the quote, cut to a few words around the first word that differs
   * and to HINT_CHARS. Only this window goes into a finding's data: a source's text (a
   * snapshot may be any file of the repository) never reaches a report beyond a quote's
   * neighbourhood.
   */
  passage?: string;
  /** `; closest passage: "…" (quote has "x" where the source has "y")`; empty when nothing is close. */
  note: string;
  /** The search would cost more than its budget (src/text/find-quote.ts) and was not made. */
  gaveUp?: boolean;
}

/** The closest passage to a quote across texts, as quote-found, excerpt-in-snapshot and recheck report it. */
export function closestNote(texts: readonly string[], quote: string, words: { quote: string; source: string } = { quote: "quote", source: "source" }): ClosestNote {
  const closest = closestPassage(texts, quote);
  if (!closest) return { note: "" };
  if ("gaveUp" in closest) return { note: "", gaveUp: true };
  const differs = closest.differs
    ? ` (${words.quote} has "${shortWord(closest.differs.quote)}" where the ${words.source} has "${shortWord(closest.differs.passage)}")`
    : "";
  const shown = around(closest.passage, closest.differs?.passage);
  return { passage: shown, note: `; closest passage: "${shown}"${differs}` };
}

/** A long passage cut to a few words either side of the word that differs, and to HINT_CHARS. */
function around(passage: string, word: string | undefined, reach = 6): string {
  const words = passage.split(" ");
  const whole = words.length <= reach * 2 + 2;
  const at = Math.max(0, word === undefined ? 0 : words.indexOf(word));
  const from = whole ? 0 : Math.max(0, at - reach);
  const to = whole ? words.length : Math.min(words.length, at + reach + 1);
  let shown = words.slice(from, to).map(shortWord).join(" ");
  let cut = to < words.length;
  if (shown.length > HINT_CHARS) {
    shown = shown.slice(0, HINT_CHARS);
    const code = shown.charCodeAt(shown.length - 1);
    if (code >= 0xd800 && code <= 0xdbff) shown = shown.slice(0, -1);
    cut = true;
  }
  return `${from > 0 ? "… " : ""}${shown}${cut ? " …" : ""}`;
}

/** A word longer than WORD_CHARS, cut with an ellipsis (a "word" is anything between spaces). */
function shortWord(word: string): string {
  if (word.length <= WORD_CHARS) return word;
  const code = word.charCodeAt(WORD_CHARS - 1);
  return `${word.slice(0, code >= 0xd800 && code <= 0xdbff ? WORD_CHARS - 1 : WORD_CHARS)}…`;
}
