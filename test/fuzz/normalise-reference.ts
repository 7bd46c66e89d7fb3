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

/** Normalises text and keeps, for every output character, where it came from. */
export function normaliseWithMap(input: string): NormalisedText {
  let text = "";
  const origin: number[] = [];
  let pendingSpace = -1;
  let offset = 0;
  for (const original of input) {
    const at = offset;
    offset += original.length;
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
          origin.push(pendingSpace);
        }
        pendingSpace = -1;
      }
      const mapped = CHAR_MAP[ch] ?? ch;
      for (const out of mapped) {
        text += out;
        origin.push(at);
      }
    }
  }
  return { text, origin };
}

/** Normalises text for comparison (see the module comment). */
export function normalise(input: string): string {
  return normaliseWithMap(input).text;
}
