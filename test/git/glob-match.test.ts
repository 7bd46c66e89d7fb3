import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob, globBase, matchesGlob, selectedByGlobs } from "../../src/paths/glob-match.js";
import { fuzzParameters } from "../fuzz/arbitraries.js";

// picomatch as tinyglobby uses it (tinyglobby's own dependency): the matcher discovery used
// before ours, and so the meaning our matcher keeps for ordinary globs.
const picomatch = createRequire(createRequire(import.meta.url).resolve("tinyglobby"))("picomatch") as (
  glob: string,
) => (path: string) => boolean;

/** Globs a configuration might hold, and paths a repository might hold, from small pieces. */
const segmentArb = fc.constantFrom("claims", "sources", "a", "b", "x.y", ".hidden", "c1.yaml", "s.yml", "article.yaml", "a-b", "ab", ".x.yaml", "ba");
const pathArb = fc.array(segmentArb, { minLength: 1, maxLength: 5 }).map((s) => s.join("/"));
const globPieceArb = fc.constantFrom(
  "claims", "sources", "a", "b", "*", "**", "*.yaml", "*.{yaml,yml}", "c?.yaml", "[ab]*", "[a-c]", "[^a]*", "{a,b}", "{a,{b,x.y}}", ".hidden", "*b", "a*", "x.y", "*.*",
);
const globArb = fc.array(globPieceArb, { minLength: 1, maxLength: 5 }).map((s) => s.join("/"));

describe("glob matching", () => {
  it("means what picomatch means by an ordinary glob", () => {
    fc.assert(
      fc.property(globArb, fc.array(pathArb, { maxLength: 8 }), (glob, paths) => {
        const theirs = picomatch(glob);
        for (const path of paths) expect(matchesGlob(path, glob), `${glob} on ${path}`).toBe(theirs(path));
      }),
      { ...fuzzParameters(400), interruptAfterTimeLimit: 20_000 },
    );
  });

  it("keeps picomatch's conventions on hidden names, classes and trailing globstars", () => {
    expect(matchesGlob("claims/.hidden/c.yaml", "claims/**/*.yaml")).toBe(false);
    expect(matchesGlob("claims/.hidden/c.yaml", "claims/.hidden/*.yaml")).toBe(true);
    expect(matchesGlob("claims", "claims/**")).toBe(true);
    expect(matchesGlob("claims/a/b", "claims/**")).toBe(true);
    expect(matchesGlob("b.yaml", "[^a]*.yaml")).toBe(true);
    expect(matchesGlob("a.yaml", "[^a]*.yaml")).toBe(false);
    expect(matchesGlob("a*b", "a\\*b")).toBe(true);
    expect(matchesGlob("aXb", "a\\*b")).toBe(false);
    expect(matchesGlob("claims/a.yaml", "./claims/*.yaml")).toBe(true);
  });

  it("selects as a glob list does: any glob, then none of the negated ones", () => {
    const globs = ["claims/**/*.yaml", "!claims/drafts/**"];
    expect(selectedByGlobs("claims/a/c.yaml", globs)).toBe(true);
    expect(selectedByGlobs("claims/drafts/c.yaml", globs)).toBe(false);
    expect(selectedByGlobs("sources/s.yaml", globs)).toBe(false);
  });

  it("finds the folder a walk starts from", () => {
    expect(globBase("claims/**/*.yaml")).toBe("claims");
    expect(globBase("./claims/a/*.yaml")).toBe("claims/a");
    expect(globBase("claims/a.yaml")).toBe("claims");
    expect(globBase("{claims,sources}/**/*.yaml")).toBe("");
    expect(globBase("*.yaml")).toBe("");
  });

  // Each of these made the old RegExp translation (or picomatch) backtrack for seconds to
  // minutes; the bound is the automaton's: one visit per state per character at most.
  const crafted: Array<[string, string, string]> = [
    ["stars between letters", `${"*a".repeat(200)}b`, "a".repeat(2000)],
    ["repeated globstars", `${"**/".repeat(150)}x`, `${"a/".repeat(1000)}y`],
    ["stars written twice", `${"**a".repeat(150)}b`, "a".repeat(2000)],
    ["nested braces", `${"{a,".repeat(150)}a${"}".repeat(150)}b`, "a".repeat(2000)],
    ["a product of braces", `${"{a,aa}".repeat(80)}b`, "a".repeat(2000)],
  ];
  it.each(crafted)("does work linear in the path on a crafted glob: %s", (_, glob, path) => {
    const stats = { steps: 0 };
    expect(matchesGlob(path, glob, stats)).toBe(false);
    const states = compileGlob(glob).instructions.length;
    expect(stats.steps).toBeLessThanOrEqual(2 * (path.length + 1) * states);
  });

  it("never does more than two visits per state per character, on any glob and path", () => {
    const wildGlobArb = fc.string({ unit: fc.constantFrom("*", "**", "/", "a", "b", "?", "{", "}", ",", "[", "]", "^", "\\", ".", "-"), maxLength: 40 });
    const wildPathArb = fc.string({ unit: fc.constantFrom("a", "b", "/", ".", "-"), maxLength: 60 });
    fc.assert(
      fc.property(wildGlobArb, wildPathArb, (glob, path) => {
        const stats = { steps: 0 };
        matchesGlob(path, glob, stats);
        expect(stats.steps).toBeLessThanOrEqual(2 * (path.length + 1) * compileGlob(glob).instructions.length);
      }),
      { ...fuzzParameters(300), interruptAfterTimeLimit: 20_000 },
    );
  });
});

describe("the folder-and-ending shortcut (`claims/**/*.yaml`)", () => {
  it("gives the automaton's answer for every path, hidden segments, empty segments and near misses included", () => {
    const globs = ["claims/**/*.yaml", "./sources/**/*.yaml", "a/b/**/*.yml", ".claims/**/*.yaml", "claims/**/*yaml", "claims/**/*", "claims/**/*.{yaml,yml}", "a/**/*x.{yaml,yml}.b", "a/**/*.{yaml}", "a/**/*.{yaml,{yml,x}}", "a/**/*.{,yaml}"];
    const segments = ["claims", "sources", "a", "b", ".hidden", "x.yaml", ".yaml", "yaml", "x.yml", "", "c", "x.yaml.bak", ".claims", "xx.yaml.b", "x.x", ".yml"];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let compared = 0;
    for (let i = 0; i < 4000; i++) {
      const depth = 1 + Math.floor(next() * 4);
      const path = Array.from({ length: depth }, () => segments[Math.floor(next() * segments.length)]!).join("/");
      for (const glob of globs) {
        // With work counters the automaton itself answers.
        expect(matchesGlob(path, glob), `${glob} against ${JSON.stringify(path)}`).toBe(matchesGlob(path, glob, { steps: 0 }));
        compared++;
      }
    }
    expect(compared).toBe(44_000);
    // And the shortcut does say yes where it should.
    expect(matchesGlob("claims/article/c01.yaml", "claims/**/*.yaml")).toBe(true);
    expect(matchesGlob("claims/.draft/c01.yaml", "claims/**/*.yaml")).toBe(false);
    expect(matchesGlob("claims/article/c01.yml", "claims/**/*.{yaml,yml}")).toBe(true);
  });
});
