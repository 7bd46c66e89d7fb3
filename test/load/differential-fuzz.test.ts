import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParameters, ordinaryYamlArb, subsetYamlArb, yamlTextArb } from "../fuzz/arbitraries.js";
import { compareLoaders } from "../fuzz/compare-loaders.js";

// The fast loader must give exactly what loadYaml gives — outcome, diagnostics, data, and the
// position of every node and key — on any input. Where it takes a file itself, this is what
// proves it right; where it gives up, this proves the fallback is taken.
const encoder = new TextEncoder();

function check(text: string): { fast: boolean } {
  const { fast, differences } = compareLoaders("fuzz.yaml", encoder.encode(text));
  if (differences.length > 0) throw new Error(`${JSON.stringify(text)}\n${differences.slice(0, 5).join("\n")}`);
  return { fast };
}

function agreeing(arb: fc.Arbitrary<string>, runs: number): number {
  let fast = 0;
  fc.assert(
    fc.property(arb, (text) => {
      if (check(text).fast) fast++;
    }),
    fuzzParameters(runs),
  );
  return fast;
}

describe("the fast loader and yaml agree on generated documents", () => {
  it("written the way our files are, with ordinary keys and values", () => {
    // The fast parser must take a good share, or the property proves little about it.
    expect(agreeing(ordinaryYamlArb, 300)).toBeGreaterThan(50);
  });

  it("written the way our files are, with tricky keys and values", () => {
    expect(agreeing(subsetYamlArb, 300)).toBeGreaterThan(0);
  });

  it("in every style yaml's own stringifier writes, edited with comments, blank lines and stray characters", () => {
    agreeing(yamlTextArb, 200);
  });

  it("on random text made of YAML's special characters", () => {
    const unit = fc.constantFrom("a", "b", ":", " ", "\n", "-", "#", "'", '"', "[", "]", "{", "}", ",", "|", ">", "1", "é", "\t", "&", "*");
    agreeing(fc.string({ unit, maxLength: 80 }), 300);
  });

  it("on the cases that once differed", () => {
    // An empty value with a comment: yaml stretches its range over the next line's indentation.
    check("a:\n  b:\n    - # c\n  c: 1\n");
    check("k: # c\nz: 1\n");
    check("a:\n  - b: 1\n    # c\n  - d\n");
    check("c: |+\n  k\n\n\nd: end");
    check("b: >-\n  f1\n  f2\n\n  f3\n");
  });
});
