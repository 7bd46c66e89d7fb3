import { normalise, normaliseWithMap } from "./normalise-reference.js";

/**
 * References for src/text/find-quote.ts, written for obviousness, not speed.
 *
 * findQuote: the original implementation (indexOf, then every occurrence checked by slicing
 * the text around it), against which the linear-time search is held.
 *
 * closestPassage: the score's definition, applied to every window of every text. It shares no
 * code with the production search (which counts equal word pairs through an index of the quote
 * and slides a window of word counts).
 */

/** A W3C TextQuoteSelector: the exact text, with optional context either side. */
export interface TextQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Where a quote was found, as UTF-16 offsets into the original (unnormalised) text. */
export interface QuoteMatch {
  start: number;
  end: number;
}

export function findQuote(haystack: string, quote: TextQuote): QuoteMatch | undefined {
  const exact = normalise(quote.exact);
  if (exact === "") return undefined;
  const { text, origin } = normaliseWithMap(haystack);
  const prefix = quote.prefix ? normalise(quote.prefix) : "";
  const suffix = quote.suffix ? normalise(quote.suffix) : "";
  let from = 0;
  for (;;) {
    const index = text.indexOf(exact, from);
    if (index < 0) return undefined;
    const before = text.slice(0, index).trimEnd();
    const after = text.slice(index + exact.length).trimStart();
    const prefixOk = prefix === "" || before.endsWith(prefix) || prefix.endsWith(before);
    const suffixOk = suffix === "" || after.startsWith(suffix) || suffix.startsWith(after);
    if (prefixOk && suffixOk) {
      const last = index + exact.length - 1;
      const endOrigin = origin[last]!;
      // The original character at endOrigin may be wider than one code unit.
      const codePoint = haystack.codePointAt(endOrigin) ?? 0;
      return { start: origin[index]!, end: endOrigin + (codePoint > 0xffff ? 2 : 1) };
    }
    from = index + 1;
  }
}

/** One window of one text, scored. */
export interface ScoredWindow {
  textIndex: number;
  start: number;
  /** The window's words. */
  words: string[];
  /** Words equal to the quote's word at the same place. */
  aligned: number;
  /** The quote's words (each as often as the quote has it) that occur anywhere in the window. */
  shared: number;
  /** 2 × aligned + shared: the score production maximises. */
  score: number;
}

/** Every window of every text: as many words as the quote (or the whole text, if it is shorter). */
export function allWindows(texts: readonly string[], quoteText: string): ScoredWindow[] {
  const quote = normalise(quoteText).split(" ").filter((w) => w !== "");
  const out: ScoredWindow[] = [];
  texts.forEach((text, textIndex) => {
    const words = normalise(text).split(" ").filter((w) => w !== "");
    const size = Math.min(quote.length, words.length);
    for (let start = 0; start + size <= words.length; start++) {
      const window = words.slice(start, start + size);
      let aligned = 0;
      for (let i = 0; i < size; i++) if (window[i] === quote[i]) aligned += 1;
      let shared = 0;
      for (const word of quote) if (window.includes(word)) shared += 1;
      out.push({ textIndex, start, words: window, aligned, shared, score: 2 * aligned + shared });
      if (size === 0) break;
    }
  });
  return out;
}

/** What production should answer: the first window with the highest score, described as production describes it. */
export function closestPassage(texts: readonly string[], quoteText: string) {
  const quote = normalise(quoteText).split(" ").filter((w) => w !== "");
  if (quote.length === 0) return undefined;
  let best: ScoredWindow | undefined;
  for (const window of allWindows(texts, quoteText)) if (!best || window.score > best.score) best = window;
  if (!best || best.shared === 0) return undefined;
  const differsAt = quote.findIndex((word, i) => best!.words[i] !== word);
  return {
    textIndex: best.textIndex,
    passage: best.words.join(" "),
    similarity: best.shared / quote.length,
    differs: differsAt >= 0 ? { quote: quote[differsAt]!, passage: best.words[differsAt] ?? "" } : undefined,
  };
}
