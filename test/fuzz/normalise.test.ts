import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestPassage, findQuote } from "../../src/text/find-quote.js";
import { normalise, normaliseWithMap } from "../../src/text/normalize.js";
import { fuzzParameters } from "./arbitraries.js";
import { closestPassage as closestReference, findQuote as findReference } from "./find-quote-reference.js";
import { normaliseWithMap as referenceWithMap } from "./normalise-reference.js";

// The quote normalisation was made faster (remembered results, an ASCII shortcut, the map back
// to the original made only for a match). These properties hold it to the original
// implementation, kept verbatim beside this test.
const textArb = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("a", "b", " ", "  ", "\n", "\t", "’", "“", "”", "—", "…", "\u00ad", "\u200b", "ﬁ", "Ａ", "é", "e\u0301", "😀", "\u00a0", "-", "«"), maxLength: 40 }),
);

describe("quote normalisation matches the original implementation", () => {
  it("normalises to the same text and the same map", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const reference = referenceWithMap(text);
        expect(normaliseWithMap(text)).toEqual(reference);
        expect(normalise(text)).toBe(reference.text);
        // Asked again (now remembered), the answer is the same.
        expect(normaliseWithMap(text)).toEqual(reference);
      }),
      fuzzParameters(300),
    );
  });

  it("finds the same quotes at the same places", () => {
    fc.assert(
      fc.property(textArb, textArb, fc.option(textArb), fc.option(textArb), fc.nat(), (haystack, quote, prefix, suffix, cut) => {
        // Quotes taken from the haystack itself, so that matches happen.
        const inside = haystack.slice(cut % (haystack.length + 1), (cut % (haystack.length + 1)) + 12);
        for (const exact of [quote, inside]) {
          const q = { exact, prefix: prefix ?? undefined, suffix: suffix ?? undefined };
          expect(findQuote(haystack, q)).toEqual(findReference(haystack, q));
          expect(findQuote(haystack, { exact })).toEqual(findReference(haystack, { exact }));
        }
        expect(closestPassage([haystack], quote)).toEqual(closestReference([haystack], quote));
      }),
      fuzzParameters(300),
    );
  });
});
