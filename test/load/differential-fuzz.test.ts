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

  it("with comment lines indented like the line after them (which the fast parser accepts)", () => {
    const aligned = fc.tuple(ordinaryYamlArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 1 })), { minLength: 1, maxLength: 4 })).map(([text, inserts]) => {
      const lines = text.split("\n");
      for (const [at, shift] of inserts) {
        const i = at % lines.length;
        const indent = Math.max(0, (/^ */.exec(lines[i]!)?.[0].length ?? 0) + shift);
        lines.splice(i, 0, `${" ".repeat(indent)}# note`);
      }
      return lines.join("\n");
    });
    expect(agreeing(aligned, 300)).toBeGreaterThan(20);
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
    // Comments: taken by a collection that goes on (accepted), or stretching one that ends (left to yaml).
    check("entities:\n  # people\n  a:\n    label: A\n    aliases:\n      - x\n  # more people\n  b:\n    label: B\n# properties\nproperties: {}\n");
    check("a:\n  b:\n    c: 1\n    # deep\n  # mid\n# top\nd: 1\n");
    check("a:\n  - x\n  # c\n");
    check("a:\n  b: 1\n  # trailing\nc: 2\n");
    check("# note\nid:\n# note\n# note\n# note\n");
  });
});
