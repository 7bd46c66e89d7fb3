import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../bench/generate.mjs";
import { baseOptions } from "../../src/options/run-options.js";
import { runCheck } from "../../src/engine/run.js";
import type { RunResult } from "../../src/model/result.js";
import { parsePartialDate } from "../../src/time/partial-date.js";
import { fuzzParameters, subsetYamlArb, yamlTextArb } from "./arbitraries.js";

// Hostile input never crashes the runner, and never costs another file its result.

let root: string;
let baseline: RunResult;
const files = generateCorpus(8, { seed: 31, defects: false });
const claimFiles = [...files.keys()].filter((f) => f.startsWith("claims/") && !f.endsWith("article.yaml")).sort();
const options = () => ({ ...baseOptions(root), today: parsePartialDate("2025-11-25")! });

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "claimcheck-hostile-"));
  writeCorpus(root, files);
  baseline = await runCheck(options());
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const encoder = new TextEncoder();

/** Bytes an attacker or an accident might put in a file. */
const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  yamlTextArb.map((t) => encoder.encode(t)),
  subsetYamlArb.map((t) => encoder.encode(t)),
  // A valid claim, mutated byte by byte.
  fc.tuple(fc.constantFrom(...claimFiles), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })).map(([file, edits]) => {
    const bytes = encoder.encode(files.get(file)!);
    for (const [at, value] of edits) bytes[at % bytes.length] = value;
    return bytes;
  }),
  // Deep nesting, of maps, lists and flow collections.
  fc.integer({ min: 50, max: 20_000 }).map((n) => encoder.encode(`id: x\nv: ${"[".repeat(n)}${"]".repeat(n)}\n`)),
  fc.integer({ min: 50, max: 2_000 }).map((n) => encoder.encode(Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n"))),
  fc.integer({ min: 20, max: 3_000 }).map((n) => encoder.encode(`${"- ".repeat(n)}x\n`)),
  // Huge strings, under and over the size limit.
  fc.integer({ min: 10_000, max: 1_500_000 }).map((n) => encoder.encode(`id: x\ntext: "${"a".repeat(n)}"\n`)),
  // What made the loader's old comment pattern backtrack exponentially: lines of # and a stray line.
  fc.tuple(fc.integer({ min: 1, max: 4_000 }), fc.constantFrom("x", "\n x", " #\n:", "\t")).map(([n, tail]) => encoder.encode(`${"#".repeat(n)}\n${tail}`)),
  // Thousands of findings in one file (unknown keys), capped per file.
  fc.integer({ min: 100, max: 5_000 }).map((n) => encoder.encode(`id: x\n${Array.from({ length: n }, (_, i) => `k${i}: 1`).join("\n")}\n`)),
  // Alias fans.
  fc.integer({ min: 2, max: 12 }).map((n) => encoder.encode(`a: &a [x, x]\n${Array.from({ length: n }, (_, i) => `b${i}: &b${i} [${i === 0 ? "*a, *a" : `*b${i - 1}, *b${i - 1}`}]`).join("\n")}\n`)),
);

function claimResultsBy(result: RunResult): Map<string, string> {
  return new Map(result.claims.map((c) => [c.file, JSON.stringify(c)]));
}

describe("hostile files", () => {
  it("added as a new claim or source file: no crash, and every other claim keeps its result", async () => {
    const before = claimResultsBy(baseline);
    await fc.assert(
      fc.asyncProperty(hostileBytes, fc.constantFrom("claims/article-0000/zz-hostile.yaml", "sources/zz-hostile.yaml"), async (bytes, file) => {
        await writeFile(path.join(root, file), bytes);
        try {
          const result = await runCheck(options());
          const hostileValid = !result.diagnostics.some((d) => d.at.file === file && (d.ruleId === "parse" || d.ruleId === "schema"));
          const after = claimResultsBy(result);
          for (const [claimFile, json] of before) {
            expect(after.has(claimFile)).toBe(true);
            // A hostile file that is a valid document may take part in cross-claim checks;
            // one that is not is never even indexed, so nothing else may change.
            if (!hostileValid) expect(after.get(claimFile)).toBe(json);
          }
          expect(result.summary.files).toBe(baseline.summary.files + 1);
          JSON.stringify(result); // the result is always serialisable
        } finally {
          await rm(path.join(root, file), { force: true });
        }
      }),
      // Bounded per run by count, and overall by time: a slow input ends the hunt, never CI.
      { ...fuzzParameters(60), interruptAfterTimeLimit: 120_000 },
    );
  });

  it("in place of a valid claim: no crash, and every claim is still reported", async () => {
    await fc.assert(
      fc.asyncProperty(hostileBytes, fc.constantFrom(...claimFiles), async (bytes, file) => {
        const original = await readFile(path.join(root, file));
        await writeFile(path.join(root, file), bytes);
        try {
          const result = await runCheck(options());
          expect(result.claims.map((c) => c.file).sort()).toEqual(claimFiles);
        } finally {
          await writeFile(path.join(root, file), original);
        }
      }),
      { ...fuzzParameters(40), interruptAfterTimeLimit: 120_000 },
    );
  });
});
