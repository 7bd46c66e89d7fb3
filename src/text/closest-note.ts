import { closestPassage } from "./find-quote.js";

/** What a finding says about a quote that was not found: the nearest passage, and the note that shows it. */
export interface ClosestNote {
  /** The passage of the texts most like the quote, whole. */
  passage?: string;
  /**
   * `; closest passage: "…" (quote has "x" where the source has "y")`, the passage cut to a few
   * words around the first word that differs; empty when nothing is close.
   */
  note: string;
}

/** The closest passage to a quote across texts, as quote-found, excerpt-in-snapshot and recheck report it. */
export function closestNote(texts: readonly string[], quote: string, words: { quote: string; source: string } = { quote: "quote", source: "source" }): ClosestNote {
  const closest = closestPassage(texts, quote);
  if (!closest) return { note: "" };
  const differs = closest.differs ? ` (${words.quote} has "${closest.differs.quote}" where the ${words.source} has "${closest.differs.passage}")` : "";
  return { passage: closest.passage, note: `; closest passage: "${around(closest.passage, closest.differs?.passage)}"${differs}` };
}

/** A long passage cut to a few words either side of the word that differs. */
function around(passage: string, word: string | undefined, reach = 6): string {
  const words = passage.split(" ");
  if (words.length <= reach * 2 + 2) return passage;
  const at = Math.max(0, word === undefined ? 0 : words.indexOf(word));
  const from = Math.max(0, at - reach);
  const to = Math.min(words.length, at + reach + 1);
  return `${from > 0 ? "… " : ""}${words.slice(from, to).join(" ")}${to < words.length ? " …" : ""}`;
}
