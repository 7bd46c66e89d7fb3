import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../bench/generate.mjs";
import { baseOptions } from "../../src/options/run-options.js";
import { FileCache } from "../../src/cache/file-cache.js";
import { cacheFingerprint } from "../../src/cache/fingerprint.js";
import type { RunOptions } from "../../src/options/run-options.js";
import { runCheck } from "../../src/engine/run.js";
import { parsePartialDate } from "../../src/time/partial-date.js";
import { fuzzParameters } from "../fuzz/arbitraries.js";

// A cached run must give exactly the result of a cold run, whatever happened to the files
// since the cache was written: edits, renames, deletions, new files, broken files.

let dir: string;
let cacheDir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-cache-"));
  cacheDir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-cache-store-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

/** The key these tests sign caches with (a run's key comes from src/cache/cache-key.ts). */
const KEY = new TextEncoder().encode("a test key of at least thirty-two characters");

function options(root: string, cacheFile?: string, warnings?: string[], key = KEY): RunOptions {
  const o: RunOptions = { ...baseOptions(root), today: parsePartialDate("2025-11-25")! };
  if (cacheFile) o.cache = { file: cacheFile, key, warn: (m) => warnings?.push(m) };
  return o;
}

async function coldAndCached(root: string, cacheFile: string): Promise<{ cold: string; cached: string; warnings: string[]; timing: Record<string, number> }> {
  const warnings: string[] = [];
  const timing: Record<string, number> = {};
  const cached = JSON.stringify(await runCheck({ ...options(root, cacheFile, warnings), timing }));
  const cold = JSON.stringify(await runCheck(options(root)));
  return { cold, cached, warnings, timing };
}

/** Something a contributor does to the files between two runs. */
type Change =
  | { kind: "edit-claim"; pick: number; text: string }
  | { kind: "edit-source"; pick: number }
  | { kind: "rename"; pick: number }
  | { kind: "delete"; pick: number }
  | { kind: "copy"; pick: number }
  | { kind: "break"; pick: number; junk: string }
  | { kind: "indent-comment"; pick: number }
  | { kind: "restore" };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant("edit-claim" as const), pick: fc.nat(), text: fc.constantFrom("a new rationale", "citaton: typo", "Ünïcode — text") }),
  fc.record({ kind: fc.constant("edit-source" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("rename" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("copy" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("break" as const), pick: fc.nat(), junk: fc.constantFrom(": : :", "\t- x", "&a [*a, *a]", "key: [unclosed") }),
  fc.record({ kind: fc.constant("indent-comment" as const), pick: fc.nat() }),
  fc.constant({ kind: "restore" as const }),
);

async function listYaml(root: string): Promise<string[]> {
  const { globby } = await import("globby");
  return (await globby(["claims/**/*.yaml", "sources/**/*.yaml"], { cwd: root })).sort();
}

async function apply(root: string, change: Change, original: Map<string, string>): Promise<void> {
  const files = await listYaml(root);
  const pick = (list: string[], n: number) => list[n % list.length]!;
  const claims = files.filter((f) => f.startsWith("claims/") && !f.endsWith("article.yaml"));
  const sources = files.filter((f) => f.startsWith("sources/") && !f.endsWith("entities.yaml"));
  switch (change.kind) {
    case "edit-claim": {
      const f = pick(claims, change.pick);
      const text = await readFile(path.join(root, f), "utf8");
      await writeFile(path.join(root, f), change.text.startsWith("citaton") ? text.replace("citations:", "citaton:") : text.replace(/rationale: >\n {2}/, `rationale: >\n  ${change.text}; `));
      break;
    }
    case "edit-source": {
      const f = pick(sources, change.pick);
      const text = await readFile(path.join(root, f), "utf8");
      await writeFile(path.join(root, f), text.replace(/text: \|-\n( +)(\S+)/, "text: |-\n$1Changed $2"));
      break;
    }
    case "rename": {
      const f = pick(claims, change.pick);
      await rename(path.join(root, f), path.join(root, f.replace(/\.yaml$/, "-renamed.yaml")));
      break;
    }
    case "delete":
      await rm(path.join(root, pick(files, change.pick)));
      break;
    case "copy": {
      const f = pick(claims, change.pick);
      await writeFile(path.join(root, f.replace(/\.yaml$/, "-copy.yaml")), await readFile(path.join(root, f)));
      break;
    }
    case "break": {
      const f = pick(files, change.pick);
      await writeFile(path.join(root, f), `${await readFile(path.join(root, f), "utf8")}${change.junk}\n`);
      break;
    }
    case "indent-comment": {
      // Outside the fast parser's subset: `yaml` parses it, and positions come from parsing again.
      const f = pick(claims, change.pick);
      const text = await readFile(path.join(root, f), "utf8");
      await writeFile(path.join(root, f), text.replace("citations:\n", "citations:\n  # an indented comment\n").replace("verdict: supported", "verdict: suported"));
      break;
    }
    case "restore":
      await rm(path.join(root, "claims"), { recursive: true, force: true });
      await rm(path.join(root, "sources"), { recursive: true, force: true });
      for (const [file, text] of original) {
        await mkdir(path.dirname(path.join(root, file)), { recursive: true });
        await writeFile(path.join(root, file), text);
      }
      break;
  }
}

describe("a cached run gives exactly the result of a cold run", () => {
  it("after any sequence of edits, renames, deletions, copies and broken files", async () => {
    const original = generateCorpus(40, { seed: 7 });
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(changeArb, { minLength: 1, maxLength: 5 }), async (changes) => {
        const root = path.join(dir, `round-${round}`);
        const cacheFile = path.join(cacheDir, `round-${round++}.v8`);
        writeCorpus(root, original);
        const first = await coldAndCached(root, cacheFile); // fills the cache
        expect(first.cached).toBe(first.cold);
        expect(first.timing["claims reused"] ?? 0).toBe(0);
        let reused = 0;
        for (const change of changes) {
          await apply(root, change, original);
          const { cold, cached, warnings, timing } = await coldAndCached(root, cacheFile);
          expect(cached).toBe(cold);
          expect(warnings).toEqual([]);
          // Every valid claim is either evaluated or reused, and the claims cited by nothing that changed are reused.
          expect((timing["claims evaluated"] ?? 0) + (timing["claims reused"] ?? 0)).toBe(JSON.parse(cold).claims.filter((c: { citations: unknown[] }) => c.citations.length > 0).length);
          reused += timing["claims reused"] ?? 0;
        }
        // A single edit leaves most of 40 claims untouched: the reuse path really ran.
        if (changes.some((c) => c.kind !== "restore")) expect(reused).toBeGreaterThan(0);
        await rm(root, { recursive: true, force: true });
      }),
      fuzzParameters(8),
    );
  });

  it("hits the cache for unchanged files, also under a new name", async () => {
    const root = path.join(dir, "hits");
    const cacheFile = path.join(cacheDir, "hits.v8");
    writeCorpus(root, generateCorpus(20, { seed: 3 }));
    await runCheck(options(root, cacheFile));
    const claim = (await listYaml(root)).find((f) => f.includes("/c0"))!;
    await rename(path.join(root, claim), path.join(root, claim.replace(".yaml", "-moved.yaml")));
    const timing: Record<string, number> = {};
    await runCheck({ ...options(root, cacheFile), timing });
    // Nothing was parsed: every file, the renamed one included, came from the cache.
    expect(timing.parse).toBeUndefined();
    expect(timing.validate).toBeUndefined();
  });
});

describe("a warm run evaluates only the claims whose dependencies changed", () => {
  it("counts: none after nothing changed, one after one claim changed, the citing claims after one source changed", async () => {
    const root = path.join(dir, "counts");
    const cacheFile = path.join(cacheDir, "counts.v8");
    writeCorpus(root, generateCorpus(40, { seed: 12 }));
    const cold = await runCheck(options(root, cacheFile));
    const total = cold.claims.length;
    const counted = async () => {
      const timing: Record<string, number> = {};
      const result = await runCheck({ ...options(root, cacheFile), timing });
      expect(JSON.stringify(result)).toBe(JSON.stringify(await runCheck(options(root))));
      return { evaluated: timing["claims evaluated"] ?? 0, reused: timing["claims reused"] ?? 0, buckets: timing["cache buckets written"] ?? 0 };
    };
    expect(await counted()).toEqual({ evaluated: 0, reused: total, buckets: 0 });

    const claim = cold.claims[5]!.file;
    const text = await readFile(path.join(root, claim), "utf8");
    await writeFile(path.join(root, claim), text.replace(/rationale: >\n {2}/, "rationale: >\n  Edited. "));
    const oneClaim = await counted();
    expect(oneClaim).toMatchObject({ evaluated: 1, reused: total - 1 });
    // One record changed: one bucket of the store is written, not the whole store.
    expect(oneClaim.buckets).toBe(1);

    // A source that some, not all, claims cite, and that is no article's own publication (whose claims depend on it too).
    const articleSources = new Set(cold.articles.map((a) => a.source));
    const source = cold.sources.find((s) => s.citedBy.length > 0 && s.citedBy.length < total && !articleSources.has(s.id))!;
    // The claims that name it: in a citation, or in an assert's `fact: source#fact`.
    const names = (text: string) => text.split(/[^A-Za-z0-9-]/).includes(source.id);
    let citing = 0;
    for (const c of cold.claims) if (names(await readFile(path.join(root, c.file), "utf8"))) citing++;
    const sourceText = await readFile(path.join(root, source.file), "utf8");
    await writeFile(path.join(root, source.file), sourceText.replace(/title: "/, "title: \"Retitled "));
    expect(citing).toBeGreaterThan(0);
    expect(await counted()).toMatchObject({ evaluated: citing, reused: total - citing });
  });
});

describe("the cache file", () => {
  it("is ignored with a warning when corrupt, and the run is unaffected", async () => {
    const root = path.join(dir, "corrupt");
    writeCorpus(root, generateCorpus(10, { seed: 5 }));
    const cacheFile = path.join(cacheDir, "corrupt.v8");
    for (const junk of [Buffer.from("not a cache"), Buffer.from([0xff, 0x0d, 0x6f, 0x22, 0x01]), Buffer.alloc(0)]) {
      await writeFile(cacheFile, junk);
      const { cold, cached, warnings } = await coldAndCached(root, cacheFile);
      expect(cached).toBe(cold);
      expect(warnings.length).toBe(1);
      expect(warnings[0]).toMatch(/cache .* not signed with this machine's cache key/);
    }
  });

  it("is dropped whole when the tool version, the configuration or the limits change", async () => {
    const root = path.join(dir, "fingerprint");
    writeCorpus(root, generateCorpus(10, { seed: 6 }));
    const cacheFile = path.join(cacheDir, "fingerprint.v8");
    const base = options(root, cacheFile);
    await runCheck(base);
    const same = await FileCache.open(cacheFile, cacheFingerprint(base), KEY, () => {});
    const someKey = (await readFile(path.join(root, "sources/entities.yaml")));
    expect(same.get(same.keyOf(someKey, "entities"))).toBeDefined();
    for (const changed of [
      { ...base, version: "9.9.9" },
      { ...base, rules: { "archive-url": "off" as const } },
      { ...base, limits: { ...base.limits, maxDepth: 10 } },
      { ...base, sources: ["other/**/*.yaml"] },
    ]) {
      const cache = await FileCache.open(cacheFile, cacheFingerprint(changed), KEY, () => {});
      expect(cache.get(cache.keyOf(someKey, "entities"))).toBeUndefined();
    }
  });

  it("is written atomically: no temporary file is left behind", async () => {
    const root = path.join(dir, "atomic");
    writeCorpus(root, generateCorpus(5, { seed: 8 }));
    const folder = path.join(cacheDir, "atomic");
    await runCheck(options(root, path.join(folder, "files.v8")));
    const { readdir } = await import("node:fs/promises");
    expect(await readdir(folder)).toEqual(["files.claims", "files.v8"]);
    // The per-claim records: signed buckets, no temporary file.
    const buckets = await readdir(path.join(folder, "files.claims"));
    expect(buckets.length).toBeGreaterThan(0);
    for (const b of buckets) expect(b).toMatch(/^\d\d\.v8$/);
  });
});
