/**
 * The derivation table of docs/assertions.md ("Deriving a verdict"), tested exhaustively for
 * groups of one, two and three parts against a table written out by hand here — not computed
 * the way src/assert/truth.ts computes it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Verdict } from "../../src/model/result.js";
import { relate, type Quantity, type Relation } from "../../src/assert/quantity.js";
import { combine } from "../../src/assert/truth.js";

const V: Verdict[] = ["supported", "refuted", "mixed", "unverifiable"];
const S = "supported", R = "refuted", M = "mixed", U = "unverifiable";

// Rows: first part; columns: second part, in the order S, R, M, U.
const ALL_PAIRS: Record<string, Verdict[]> = {
  supported: [S, M, M, M],
  refuted: [M, R, M, M],
  mixed: [M, M, M, M],
  unverifiable: [M, M, M, U],
};
const ANY_PAIRS: Record<string, Verdict[]> = {
  supported: [S, S, S, S],
  refuted: [S, R, M, U],
  mixed: [S, M, M, M],
  unverifiable: [S, U, M, U],
};

describe("the derivation table", () => {
  it("one part: the group takes its verdict", () => {
    for (const v of V) {
      expect(combine("all", [v])).toBe(v);
      expect(combine("any", [v])).toBe(v);
    }
  });

  it("two parts: every combination, as the table in docs/assertions.md says", () => {
    for (const a of V) {
      V.forEach((b, j) => {
        expect(combine("all", [a, b]), `all(${a}, ${b})`).toBe(ALL_PAIRS[a]![j]);
        expect(combine("any", [a, b]), `any(${a}, ${b})`).toBe(ANY_PAIRS[a]![j]);
      });
    }
  });

  it("three parts: every combination equals folding the two-part table, in any order", () => {
    const pair = (table: Record<string, Verdict[]>, a: Verdict, b: Verdict) => table[a]![V.indexOf(b)]!;
    for (const a of V) {
      for (const b of V) {
        for (const c of V) {
          for (const [kind, table] of [["all", ALL_PAIRS], ["any", ANY_PAIRS]] as const) {
            const folded = pair(table, pair(table, a, b), c);
            expect(combine(kind, [a, b, c]), `${kind}(${a}, ${b}, ${c})`).toBe(folded);
            expect(combine(kind, [c, a, b])).toBe(folded);
            expect(combine(kind, [b, c, a])).toBe(folded);
          }
        }
      }
    }
  });

  it("the docs page carries the same two-part tables", async () => {
    const { readFile } = await import("node:fs/promises");
    const page = await readFile(new URL("../../docs/assertions.md", import.meta.url), "utf8");
    const short: Record<string, string> = { supported: "S", refuted: "R", mixed: "M", unverifiable: "U" };
    for (const [kind, table] of [["all", ALL_PAIRS], ["any", ANY_PAIRS]] as const) {
      for (const a of V) expect(page, `${kind} row ${a}`).toContain(`| ${kind} | ${short[a]} | ${table[a]!.map((v) => short[v]).join(" | ")} |`);
    }
  });
});

describe("comparisons over intervals are sound", () => {
  // An interval, and amounts drawn from inside it: whatever relate() says must hold for all of them.
  const interval = fc
    .record({ low: fc.integer({ min: -20, max: 20 }), width: fc.integer({ min: 0, max: 10 }), lowOpen: fc.boolean(), highOpen: fc.boolean() })
    .filter((r) => r.width > 0 || (!r.lowOpen && !r.highOpen))
    .map((r): Quantity => ({ low: r.low, high: r.low + r.width, lowOpen: r.lowOpen, highOpen: r.highOpen }));
  const members = (q: Quantity): number[] => {
    const out: number[] = [];
    for (let x = q.low; x <= q.high; x += 0.5) if ((x > q.low || !q.lowOpen) && (x < q.high || !q.highOpen)) out.push(x);
    return out;
  };
  const holds: Record<Relation, (a: number, b: number) => boolean> = {
    eq: (a, b) => a === b,
    ne: (a, b) => a !== b,
    lt: (a, b) => a < b,
    lte: (a, b) => a <= b,
    gt: (a, b) => a > b,
    gte: (a, b) => a >= b,
  };

  it("true only when every pair of amounts holds, false only when none does", () => {
    fc.assert(
      fc.property(interval, interval, fc.constantFrom<Relation>("eq", "ne", "lt", "lte", "gt", "gte"), (a, b, r) => {
        const truth = relate(a, r, b);
        const pairs = members(a).flatMap((x) => members(b).map((y) => holds[r](x, y)));
        if (truth === true) expect(pairs.every(Boolean)).toBe(true);
        if (truth === false) expect(pairs.some(Boolean)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
