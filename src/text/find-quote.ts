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
 *
 * Linear in the text and the quote: V8's indexOf takes time text × quote on some inputs (a
 * quote of 5,000 "a", one "b" and 5,000 "a" against 4 MB of "a": 19 s), so it is used only
 * where that product is small, and a Knuth–Morris–Pratt scan elsewhere; contexts are checked
 * against tables made in one pass each, not by slicing the text at every occurrence.
 */
export function findQuote(haystack: string, quote: TextQuote): QuoteMatch | undefined {
  const exact = normalise(quote.exact);
  if (exact === "") return undefined;
  const text = normaliseRemembered(haystack);
  const prefix = quote.prefix ? normalise(quote.prefix) : "";
  const suffix = quote.suffix ? normalise(quote.suffix) : "";
  let found = -1;
  if (prefix === "" && suffix === "") {
    found = indexOfLinear(text, exact);
  } else {
    const prefixEnds = prefix === "" ? undefined : occurrenceMarks(text, prefix, "end");
    const suffixStarts = suffix === "" ? undefined : occurrenceMarks(text, suffix, "start");
    forEachOccurrence(text, exact, (index) => {
      let before = index;
      while (before > 0 && SPACE.test(text[before - 1]!)) before--;
      let after = index + exact.length;
      while (after < text.length && SPACE.test(text[after]!)) after++;
      // The context stands beside the quote, or is cut short by the start or end of the text.
      const prefixOk = !prefixEnds || prefixEnds[before] === 1 || (before <= prefix.length && prefix.endsWith(text.slice(0, before)));
      const suffixOk = !suffixStarts || suffixStarts[after] === 1 || (text.length - after <= suffix.length && suffix.startsWith(text.slice(after)));
      if (prefixOk && suffixOk) found = index;
      return found >= 0;
    });
  }
  if (found < 0) return undefined;
  // Most callers only ask whether the quote is there: the offsets into the original text
  // (which need the normalisation's map) are worked out when first read.
  const index = found;
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

const SPACE = /\s/;

/**
 * Above this product of text and pattern length, indexOf is not trusted to stay fast: it costs
 * at most a few milliseconds below it, whatever the input.
 */
export const INDEX_OF_PRODUCT_LIMIT = 4_000_000;

/** The first index of `pattern` in `text`, or -1, in time linear in both. */
export function indexOfLinear(text: string, pattern: string): number {
  if (text.length * pattern.length <= INDEX_OF_PRODUCT_LIMIT) return text.indexOf(pattern);
  // Fast in practice: find the pattern's first few characters (indexOf of a short piece costs at
  // most piece × text), and check a bounded number of candidates in full.
  const piece = pattern.slice(0, PIECE);
  let from = 0;
  for (let tries = 0; tries < CANDIDATES; tries++) {
    const at = text.indexOf(piece, from);
    if (at < 0 || text.startsWith(pattern, at)) return at;
    from = at + 1;
  }
  // Many near misses: the text repeats the pattern's start. Knuth–Morris–Pratt from here.
  let first = -1;
  forEachOccurrence(text.slice(from), pattern, (index) => {
    first = from + index;
    return true;
  });
  return first;
}

/** Length of the piece indexOfLinear looks for first, and how many of its occurrences it checks in full. */
const PIECE = 32;
const CANDIDATES = 64;

/** Knuth–Morris–Pratt: calls `visit` with each occurrence's index, in order, until it returns true. */
function forEachOccurrence(text: string, pattern: string, visit: (index: number) => boolean): void {
  const m = pattern.length;
  const border = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && pattern.charCodeAt(i) !== pattern.charCodeAt(k)) k = border[k - 1]!;
    if (pattern.charCodeAt(i) === pattern.charCodeAt(k)) k++;
    border[i] = k;
  }
  for (let i = 0, k = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    while (k > 0 && c !== pattern.charCodeAt(k)) k = border[k - 1]!;
    if (c === pattern.charCodeAt(k)) k++;
    if (k === m) {
      if (visit(i - m + 1)) return;
      k = border[k - 1]!;
    }
  }
}

/** A mark at each offset where `pattern` ends (or starts) in `text`: one pass, whatever the count. */
function occurrenceMarks(text: string, pattern: string, at: "start" | "end"): Uint8Array {
  const marks = new Uint8Array(text.length + 1);
  forEachOccurrence(text, pattern, (index) => {
    marks[at === "start" ? index : index + pattern.length] = 1;
    return false;
  });
  return marks;
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

/** The search stopped at its budget before it could compare every window: no passage is offered. */
export interface ClosestGaveUp {
  gaveUp: true;
}

/**
 * Most units of work one search may do (a word read, or a pair of equal words, one in the quote
 * and one in a text): tens of milliseconds. An ordinary misquote against a long article's
 * snapshot needs a small fraction of it; a long quote of words the source repeats thousands of
 * times would need billions.
 */
export const CLOSEST_PASSAGE_BUDGET = 4_000_000;

const WORD = /\S+/g;

/**
 * Finds, across several texts, the window of words most like the quote: same number of words
 * as the quote (or the whole text, if shorter), scored by twice the words equal at the same
 * place plus the quote's words found anywhere in the window; the first window with the best
 * score wins. Used to tell a contributor what the source says where their quote went wrong.
 *
 * Comparing the quote with every window word by word cost words × quote length (40 long quotes
 * against long excerpts: over two minutes). Here, each word of a text is looked up in an index
 * of the quote's words: every pair of equal words adds one to the window where they line up,
 * and a window sliding over the text keeps the count of the quote's words inside it. The work
 * is the texts' length plus the number of equal pairs, counted before any is made; over the
 * budget, the search gives up rather than guess, and says so.
 */
export function closestPassage(
  texts: readonly string[],
  quoteText: string,
  options: { budget?: number; stats?: { work: number } } = {},
): ClosestPassage | ClosestGaveUp | undefined {
  const quoteWords = tokens(quoteText).list;
  if (quoteWords.length === 0) return undefined;
  const budget = options.budget ?? CLOSEST_PASSAGE_BUDGET;
  const tokenised = texts.map(tokens);
  // Per text: each distinct word of the text, by its id, with how often the quote has it.
  const inQuote = tokenised.map(({ dict }) => {
    const count = new Int32Array(dict.size);
    for (const w of quoteWords) {
      const id = dict.get(w);
      if (id !== undefined) count[id]!++;
    }
    return count;
  });
  let work = quoteWords.length;
  tokenised.forEach(({ ids }, t) => {
    const count = inQuote[t]!;
    work += ids.length;
    for (let p = 0; p < ids.length; p++) work += count[ids[p]!]!;
  });
  if (options.stats) options.stats.work += work;
  if (work > budget) return { gaveUp: true };

  let best: { textIndex: number; start: number; span: number; shared: number } | undefined;
  let bestScore = -1;
  tokenised.forEach(({ ids, dict }, textIndex) => {
    const count = inQuote[textIndex]!;
    const n = ids.length;
    const span = Math.min(quoteWords.length, n);
    const windows = n - span + 1;
    // Where each word stands in the quote, grouped by id (offsets into one array).
    const first = new Int32Array(dict.size + 1);
    for (let id = 0; id < dict.size; id++) first[id + 1] = first[id]! + count[id]!;
    const places = new Int32Array(first[dict.size]!);
    const filled = first.slice(0, dict.size);
    quoteWords.forEach((w, i) => {
      const id = dict.get(w);
      if (id !== undefined) places[filled[id]!++] = i;
    });
    // Words equal at the same place, per window start: each equal pair votes for its window.
    const aligned = new Int32Array(windows);
    for (let p = 0; p < n; p++) {
      const id = ids[p]!;
      for (let k = first[id]!; k < first[id + 1]!; k++) {
        const i = places[k]!;
        const start = p - i;
        if (i < span && start >= 0 && start < windows) aligned[start]!++;
      }
    }
    // The quote's words (counted as often as the quote has them) present in the sliding window.
    const inWindow = new Int32Array(dict.size);
    let shared = 0;
    for (let k = 0; k < span; k++) if (inWindow[ids[k]!]!++ === 0) shared += count[ids[k]!]!;
    for (let start = 0; start < windows; start++) {
      const score = aligned[start]! * 2 + shared;
      if (score > bestScore) {
        bestScore = score;
        best = { textIndex, start, span, shared };
      }
      if (start + span < n) {
        const out = ids[start]!;
        if (--inWindow[out]! === 0) shared -= count[out]!;
        const into = ids[start + span]!;
        if (inWindow[into]!++ === 0) shared += count[into]!;
      }
    }
  });
  if (!best || best.shared === 0) return undefined;
  const window = tokenised[best.textIndex]!.list.slice(best.start, best.start + best.span);
  const index = quoteWords.findIndex((w, i) => window[i] !== w);
  return {
    textIndex: best.textIndex,
    passage: window.join(" "),
    similarity: best.shared / quoteWords.length,
    differs: index >= 0 ? { quote: quoteWords[index]!, passage: window[index] ?? "" } : undefined,
  };
}

/** A text's words under the quote normalisation, each also as a number (its id in `dict`). */
interface Tokens {
  list: string[];
  ids: Int32Array;
  dict: Map<string, number>;
}

/** Recent texts' words, by text: the same excerpts and snapshots are searched once per citation. */
const recentTokens = new Map<string, Tokens>();
const RECENT_TOKENS_LIMIT = 64;

/** The words of a text. Shared: callers never change them. */
function tokens(text: string): Tokens {
  const known = recentTokens.get(text);
  if (known) return known;
  // Remembered: findQuote has normalised (or will normalise) the same source text.
  const list = normaliseRemembered(text).match(WORD) ?? [];
  const dict = new Map<string, number>();
  const ids = new Int32Array(list.length);
  list.forEach((w, i) => {
    let id = dict.get(w);
    if (id === undefined) {
      id = dict.size;
      dict.set(w, id);
    }
    ids[i] = id;
  });
  const made = { list, ids, dict };
  if (recentTokens.size >= RECENT_TOKENS_LIMIT) recentTokens.delete(recentTokens.keys().next().value!);
  recentTokens.set(text, made);
  return made;
}
