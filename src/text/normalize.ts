/**
 * The normalisation under which a quote "stands in" a source. Documented in
 * docs/rules/quote-found.md; change both together.
 *
 * 1. Unicode NFKC (ligatures, full-width forms, non-breaking spaces become plain).
 * 2. Curly and angled quotes become straight: ‘ ’ ‚ ‛ ′ → ', “ ” „ ‟ ″ « » → ".
 * 3. Dashes and minus signs (‐ ‑ ‒ – — ― −) become "-"; "…" becomes "...".
 * 4. Soft hyphens and zero-width characters are removed.
 * 5. Every run of whitespace becomes one space; leading and trailing space is dropped.
 * Case, letters, digits and punctuation otherwise stay as they are: a changed word is a miss.
 */

const CHAR_MAP: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u2032": "'",
  "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u201F": '"', "\u2033": '"', "\u00AB": '"', "\u00BB": '"',
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
  "\u2026": "...",
};
const REMOVED = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/;
const SPACE = /\s/;

/** Text after normalisation, with a map from each normalised index back to the original. */
export interface NormalisedText {
  text: string;
  /** `origin[i]` is the UTF-16 offset in the original text of normalised character `i`. */
  origin: number[];
}

/**
 * Recent results with their maps, by input. A map is asked for once a quote is found and its
 * place in the original text is wanted: for an article's claims, one after another as the
 * result marks its sentences. So a few suffice; each holds a number per character of an
 * article, and 256 of them held 40 MB through a 100,000-claim run. First in, first out;
 * results are shared, so callers never change them.
 */
const recent = new Map<string, NormalisedText>();
const RECENT_LIMIT = 16;

/**
 * Recent normalised texts without their maps (a tenth of the memory): room for every source
 * text and article of a 100,000-claim run. A search needs the map only once it has a match.
 */
const recentText = new Map<string, string>();
const RECENT_TEXT_LIMIT = 262_144;

/** Normalises text and keeps, for every output character, where it came from. */
export function normaliseWithMap(input: string): NormalisedText {
  const known = recent.get(input);
  if (known) return known;
  const origin: number[] = [];
  const result = { text: normaliseUncached(input, origin), origin };
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(input, result);
  return result;
}

function normaliseUncached(input: string, origin: number[] | undefined): string {
  let text = "";
  let pendingSpace = -1;
  let offset = 0;
  for (const original of input) {
    const at = offset;
    offset += original.length;
    const code = original.charCodeAt(0);
    if (code < 0x80) {
      // ASCII: NFKC leaves it alone and nothing in CHAR_MAP or REMOVED is ASCII.
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
        if (pendingSpace < 0) pendingSpace = at;
        continue;
      }
      if (pendingSpace >= 0) {
        if (text.length > 0) {
          text += " ";
          origin?.push(pendingSpace);
        }
        pendingSpace = -1;
      }
      text += original;
      origin?.push(at);
      continue;
    }
    const folded = original.normalize("NFKC");
    for (const ch of folded) {
      if (REMOVED.test(ch)) continue;
      if (SPACE.test(ch)) {
        if (pendingSpace < 0) pendingSpace = at;
        continue;
      }
      if (pendingSpace >= 0) {
        if (text.length > 0) {
          text += " ";
          origin?.push(pendingSpace);
        }
        pendingSpace = -1;
      }
      const mapped = CHAR_MAP[ch] ?? ch;
      for (const out of mapped) {
        text += out;
        origin?.push(at);
      }
    }
  }
  return text;
}

/**
 * Normalises text for comparison (see the module comment). Not remembered: quotes, the
 * usual input here, are each normalised once, and would only push the sources' texts out.
 */
export function normalise(input: string): string {
  return recent.get(input)?.text ?? recentText.get(input) ?? normaliseUncached(input, undefined);
}

/** Normalises a text that will be searched again (a source's excerpt, an article): remembered. */
export function normaliseRemembered(input: string): string {
  let text = recentText.get(input) ?? recent.get(input)?.text;
  if (text === undefined) {
    text = normaliseUncached(input, undefined);
    if (recentText.size >= RECENT_TEXT_LIMIT) recentText.delete(recentText.keys().next().value!);
    recentText.set(input, text);
  }
  return text;
}
