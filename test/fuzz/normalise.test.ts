import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestPassage, findQuote, INDEX_OF_PRODUCT_LIMIT, indexOfLinear } from "../../src/text/find-quote.js";
import { normalise, normaliseWithMap } from "../../src/text/normalize.js";
import { fuzzParameters } from "./arbitraries.js";
import { allWindows, closestPassage as closestReference, findQuote as findReference } from "./find-quote-reference.js";
import { normaliseWithMap as referenceWithMap } from "./normalise-reference.js";

// The quote normalisation was made faster (remembered results, an ASCII shortcut, the map back
// to the original made only for a match), and the quote search linear. These properties hold
// them to the original implementations, kept beside this test (normalise-reference.ts and the
// findQuote of find-quote-reference.ts), and the closest-passage search to a brute force.
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
      }),
      fuzzParameters(300),
    );
  });
});

describe("closestPassage finds the best window, by brute force's measure", () => {
  // The property: on inputs small enough for the search's budget, production's answer is the
  // first window (texts in order, then start) whose score (2 × words equal at the same place +
  // the quote's words found anywhere in it) is the highest of all windows of all texts, as the
  // reference computes by scoring every window; described the same way (passage, similarity,
  // first differing word). With a budget too small, production gives up instead; it never
  // answers anything else.
  const vocabulary = fc.constantFrom("the", "last", "meeting", "took", "place", "in", "October", "November", "2018,", "at", "Baikonur", "NASA’s", "a", "a", "a");
  const wordsArb = (max: number) => fc.array(vocabulary, { maxLength: max }).map((w) => w.join(" "));
  const textsArb = fc.array(fc.oneof(wordsArb(30), textArb), { minLength: 1, maxLength: 3 });
  const quoteArb = fc.oneof(wordsArb(8), textArb);

  it("equals the reference's best window", () => {
    fc.assert(
      fc.property(textsArb, quoteArb, (texts, quote) => {
        const reference = closestReference(texts, quote);
        const found = closestPassage(texts, quote);
        expect(found).toEqual(reference);
        if (reference) {
          const best = Math.max(...allWindows(texts, quote).map((w) => w.score));
          const chosen = allWindows(texts, quote).find((w) => w.textIndex === reference.textIndex && w.words.join(" ") === reference.passage);
          expect(chosen?.score).toBe(best);
        }
      }),
      { ...fuzzParameters(400), interruptAfterTimeLimit: 20_000 },
    );
  });

  it("gives up under a small budget, or still answers exactly; its work is counted before it is done", () => {
    fc.assert(
      fc.property(textsArb, quoteArb, fc.integer({ min: 1, max: 60 }), (texts, quote, budget) => {
        const stats = { work: 0 };
        const found = closestPassage(texts, quote, { budget, stats });
        if (found && "gaveUp" in found) expect(stats.work).toBeGreaterThan(budget);
        else {
          expect(found).toEqual(closestReference(texts, quote));
          expect(stats.work).toBeLessThanOrEqual(budget);
        }
      }),
      { ...fuzzParameters(400), interruptAfterTimeLimit: 20_000 },
    );
  });
});

describe("the linear search agrees with indexOf where it replaces it", () => {
  it("finds the same first index in long texts of a small alphabet (Knuth–Morris–Pratt's side of the limit)", () => {
    const piece = fc.constantFrom("a", "b", "ab", "aab");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1500, maxLength: 2500 }), fc.array(piece, { minLength: 1500, maxLength: 2000 }), fc.nat(), (t, p, cut) => {
        const text = t.join("");
        const absent = p.join("");
        const present = text.slice(cut % 500, (cut % 500) + 1600);
        for (const pattern of [absent, present]) {
          expect(text.length * pattern.length).toBeGreaterThan(INDEX_OF_PRODUCT_LIMIT);
          expect(indexOfLinear(text, pattern)).toBe(text.indexOf(pattern));
        }
      }),
      { ...fuzzParameters(60), interruptAfterTimeLimit: 20_000 },
    );
  });
});
