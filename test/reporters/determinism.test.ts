import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/model/result.js";
import { reporters } from "../../src/reporters/index.js";
import { makeHostileResult } from "./fixtures.js";
import { plainOptions, shuffled } from "./helpers.js";

// The formats whose order the reporters own. `json` prints the result as the engine
// sorted it and `terminal` belongs to the CLI; both are checked for run-to-run equality.
const SORTING_FORMATS = ["claimreview", "github", "html", "junit", "markdown", "sarif"];

function shuffle(result: RunResult, seed: number): RunResult {
  return {
    ...result,
    articles: shuffled(result.articles, seed).map((a) => ({ ...a, sentences: shuffled(a.sentences, seed + 1) })),
    claims: shuffled(result.claims, seed + 2).map((c) => ({ ...c, diagnostics: shuffled(c.diagnostics, seed + 3) })),
    sources: shuffled(result.sources, seed + 4),
    timeline: shuffled(result.timeline, seed + 5).map((t) => ({ ...t, claims: shuffled(t.claims, seed + 6) })),
    rules: shuffled(result.rules, seed + 7),
    diagnostics: shuffled(result.diagnostics, seed + 8),
  };
}

describe("deterministic output", () => {
  for (const name of Object.keys(reporters)) {
    it(`${name}: two runs over the same input give the same bytes`, () => {
      const reporter = reporters[name]!;
      expect(reporter(makeHostileResult(), plainOptions())).toBe(reporter(makeHostileResult(), plainOptions()));
    });
  }
  for (const name of SORTING_FORMATS) {
    it(`${name}: input in any order gives the same bytes`, () => {
      const reporter = reporters[name]!;
      const expected = reporter(makeHostileResult(), plainOptions());
      for (const seed of [1, 7, 42, 1234]) {
        expect(reporter(shuffle(makeHostileResult(), seed), plainOptions())).toBe(expected);
      }
    });
  }
  it("shuffling really changes the input order", () => {
    const a = makeHostileResult();
    const b = shuffle(makeHostileResult(), 7);
    expect(b.claims.map((c) => c.id)).not.toEqual(a.claims.map((c) => c.id));
  });
  it("no output carries a timestamp of today", () => {
    const year = String(new Date().getUTCFullYear());
    const iso = new Date().toISOString().slice(0, 10);
    for (const name of SORTING_FORMATS) {
      const out = reporters[name]!(makeHostileResult(), plainOptions());
      expect(out.includes(iso), `${name} has no date of today`).toBe(false);
      void year;
    }
  });
});
