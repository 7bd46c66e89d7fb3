import { normalise, normaliseRemembered, normaliseWithMap } from "./normalize.js";

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

/**
 * Finds a quote in a text under the documented normalisation. With a prefix or suffix,
 * only an occurrence whose context matches counts (the context may be cut short by the
 * start or end of the text). Returns the first such occurrence.
 */
export function findQuote(haystack: string, quote: TextQuote): QuoteMatch | undefined {
  const exact = normalise(quote.exact);
  if (exact === "") return undefined;
  const text = normaliseRemembered(haystack);
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
      // Most callers only ask whether the quote is there: the offsets into the original text
      // (which need the normalisation's map) are worked out when first read.
      let offsets: QuoteMatch | undefined;
      const resolve = (): QuoteMatch => (offsets ??= originalOffsets(haystack, index, index + exact.length - 1));
      return {
        get start() {
          return resolve().start;
        },
        get end() {
          return resolve().end;
        },
      };
    }
    from = index + 1;
  }
}

/** Offsets in the original text of normalised characters first..last. */
function originalOffsets(haystack: string, first: number, last: number): QuoteMatch {
  const { origin } = normaliseWithMap(haystack);
  const endOrigin = origin[last]!;
  // The original character at endOrigin may be wider than one code unit.
  const codePoint = haystack.codePointAt(endOrigin) ?? 0;
  return { start: origin[first]!, end: endOrigin + (codePoint > 0xffff ? 2 : 1) };
}

/** The passage of the texts most like the quote, and the first word where they part. */
export interface ClosestPassage {
  /** Index of the text (in the list given) that holds the passage. */
  textIndex: number;
  passage: string;
  /** Share of the quote's words found in the passage, 0 to 1. */
  similarity: number;
  /** First word of the quote that differs, and the passage's word in its place. */
  differs?: { quote: string; passage: string };
}

const WORD = /\S+/g;

/**
 * Finds, across several texts, the window of words most like the quote: same number
 * of words, scored by words in common at the same places, then by words in common anywhere.
 * Used to tell a contributor what the source says where their quote went wrong.
 */
export function closestPassage(texts: readonly string[], quoteText: string): ClosestPassage | undefined {
  const quoteWords = normalise(quoteText).match(WORD) ?? [];
  if (quoteWords.length === 0) return undefined;
  let best: ClosestPassage | undefined;
  let bestScore = -1;
  texts.forEach((text, textIndex) => {
    const words = normalise(text).match(WORD) ?? [];
    const span = Math.min(quoteWords.length, words.length);
    for (let start = 0; start + span <= words.length; start++) {
      let aligned = 0;
      const window = words.slice(start, start + span);
      for (let i = 0; i < span; i++) if (window[i] === quoteWords[i]) aligned++;
      const bag = new Set(window);
      const shared = quoteWords.filter((w) => bag.has(w)).length;
      const score = aligned * 2 + shared;
      if (score > bestScore) {
        bestScore = score;
        const index = quoteWords.findIndex((w, i) => window[i] !== w);
        best = {
          textIndex,
          passage: window.join(" "),
          similarity: shared / quoteWords.length,
          differs: index >= 0 ? { quote: quoteWords[index]!, passage: window[index] ?? "" } : undefined,
        };
      }
      if (span === 0) break;
    }
  });
  return best && best.similarity > 0 ? best : undefined;
}
