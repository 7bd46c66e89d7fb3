import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { datesMeant, findDates } from "../../src/text/dates-in-text.js";
import { findName } from "../../src/text/entities-in-text.js";
import { findNumbers } from "../../src/text/numbers-in-text.js";
import { normalise } from "../../src/text/normalize.js";
import { formatPartialDate } from "../../src/time/partial-date.js";
import { fuzzParameters } from "./arbitraries.js";

// The recognisers of dates, numbers and names that fact-grounded uses: a date or number
// written in any supported form, inside arbitrary words, is found with its value; nothing,
// however hostile, makes them throw or point outside the text. Each input is bounded in
// size, and each property in the number of cases and in time.
const bounded = (runs: number) => ({ ...fuzzParameters(runs), interruptAfterTimeLimit: 20_000 });

const filler = fc.constantFrom("", "the", "met on", "и", "в", "(", "—", "it said", "“", ",", "report:");
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_RU_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
const MONTHS_RU_PREPOSITIONAL = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"];

const dateArb = fc
  .record({ year: fc.integer({ min: 1000, max: 2999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map((d) => ({ ...d, precision: "day" as const }));

describe("dates written in any supported form are found", () => {
  it("day-precision forms", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 5 }), filler, filler, ({ year, month, day }, form, before, after) => {
        const pad = (n: number) => String(n).padStart(2, "0");
        const written = [
          `${day} ${MONTHS_EN[month - 1]} ${year}`,
          `${MONTHS_EN[month - 1]} ${day}, ${year}`,
          `${pad(day)}.${pad(month)}.${year}`,
          `${year}-${pad(month)}-${pad(day)}`,
          `${day} ${MONTHS_RU_GENITIVE[month - 1]} ${year} года`,
          `${MONTHS_EN[month - 1]!.slice(0, 3)}. ${day}, ${year}`,
        ][form]!;
        const text = `${before} ${written} ${after}`;
        const found = findDates(text).flatMap((m) => datesMeant(m, undefined).map(formatPartialDate));
        expect(found).toContain(`${year}-${pad(month)}-${pad(day)}`);
      }),
      bounded(300),
    );
  });

  it("month-precision forms", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 2 }), filler, ({ year, month }, form, before) => {
        const written = [`${MONTHS_EN[month - 1]} ${year}`, `в ${MONTHS_RU_PREPOSITIONAL[month - 1]} ${year}`, `${year}-${String(month).padStart(2, "0")}`][form]!;
        const found = findDates(`${before} ${written}.`).flatMap((m) => datesMeant(m, undefined).map(formatPartialDate));
        expect(found).toContain(`${year}-${String(month).padStart(2, "0")}`);
      }),
      bounded(200),
    );
  });
});

describe("numbers written in any supported form are found", () => {
  it("grouped with commas, spaces, no-break and thin spaces, or not at all", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.constantFrom(",", " ", "\u00a0", "\u2009", "\u202f", ""), filler, (n, separator, before) => {
        const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, separator);
        const found = findNumbers(`${before} ${grouped} tonnes`).map((m) => m.value);
        expect(found).toContain(n);
      }),
      bounded(300),
    );
  });

  it("with a bound before and a scale after", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom(["more than", "over"], ["about", "about"], ["up to", "at-most"], ["около", "about"], ["свыше", "over"]),
        fc.constantFrom(["million", 1e6], ["billion", 1e9], ["thousand", 1e3], ["млн", 1e6]),
        (n, [words, kind], [scale, factor]) => {
          const [mention] = findNumbers(`${words} ${n} ${scale}`);
          expect(mention).toMatchObject({ value: n * (factor as number), figure: n, bound: { words, kind } });
        },
      ),
      bounded(200),
    );
  });
});

describe("names are found in any case, between any words", () => {
  it("a name stands in a text built around it", () => {
    const word = fc.stringMatching(/^[A-Za-zА-Яа-я]{2,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), filler, filler, fc.boolean(), (words, before, after, upper) => {
        const name = words.join(" ");
        const written = upper ? name.toUpperCase() : name.toLowerCase();
        expect(findName(`${before} ${written}, ${after}`, name)).toBe(true);
      }),
      bounded(300),
    );
  });
});

describe("hostile text", () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: "grapheme", maxLength: 100 }),
    fc.string({ unit: fc.constantFrom("1", "2", "0", ",", ".", "-", " ", "\u00a0", "July", "июля", "more than", "million", "$", "Thursday", "last", "year", "%", "e\u0301"), maxLength: 120 }),
  );

  it("never throws and never points outside the normalised text", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const normalised = normalise(text);
        for (const m of findDates(text)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(normalised.length);
          expect(normalised.slice(m.start, m.end)).toBe(m.text);
          datesMeant(m, { year: 2025, month: 7, day: 31, precision: "day" });
        }
        for (const n of findNumbers(text)) {
          expect(n.start).toBeGreaterThanOrEqual(0);
          expect(n.end).toBeLessThanOrEqual(normalised.length);
          expect(Number.isNaN(n.value)).toBe(false);
        }
        findName(text, text.slice(0, 10));
      }),
      bounded(400),
    );
  });
});
