import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import pc from "picocolors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../bench/generate.mjs";
import { loadProject } from "../../src/load/load-project.js";
import { baseOptions } from "../../src/options/run-options.js";
import { discover } from "../../src/load/discover.js";
import { checkLoaded } from "../../src/engine/run.js";
import { reporters } from "../../src/reporters/index.js";
import { parsePartialDate } from "../../src/time/partial-date.js";
import { fuzzParameters } from "../fuzz/arbitraries.js";
import { copyDataset, REPO_ROOT, runCli } from "../helpers/cli.js";

// The same input gives byte-identical output: in any file order, on a second run, in a
// second process, with or without the cache.

let corpus: string;
let dataset: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  corpus = await mkdtemp(path.join(os.tmpdir(), "claimcheck-determinism-"));
  const files = generateCorpus(60, { seed: 51, defects: true });
  // Findings of every kind, so their order is exercised too.
  files.set("sources/orphan.yaml", "id: orphan\ntype: webpage\ntitle: Nobody cites me\nURL: https://example.org/o\nreliability: low\n");
  files.set("claims/article-0000/zz-dup.yaml", files.get([...files.keys()].find((f) => f.includes("/c000001-"))!)!);
  writeCorpus(corpus, files);
  dataset = await copyDataset();
});
afterAll(async () => {
  await rm(corpus, { recursive: true, force: true });
  await dataset.cleanup();
});

const today = parsePartialDate("2025-11-25")!;

describe("determinism", () => {
  it("the built CLI gives the same bytes with the loading worker thread as without it", async () => {
    const { execFileSync } = await import("node:child_process");
    const { existsSync } = await import("node:fs");
    const cli = path.join(REPO_ROOT, "dist", "cli.js");
    // npm test builds first; the worker only exists in the build (dist/load/load-worker.js).
    expect(existsSync(path.join(REPO_ROOT, "dist", "load", "load-worker.js"))).toBe(true);
    const run = (workers: string) => {
      const out = path.join(corpus, `workers-${workers}.json`);
      try {
        execFileSync(process.execPath, [cli, "--format", `json=${out}`], { cwd: corpus, env: { ...process.env, CLAIMCHECK_WORKERS: workers, NO_COLOR: "1" }, stdio: "ignore" });
      } catch {
        // exit code 1: the corpus has failing claims on purpose
      }
      return readFile(out, "utf8");
    };
    expect(await run("1")).toBe(await run("0"));
  });

  for (const [name, root] of [["generated corpus", () => corpus], ["the project's dataset", () => dataset.dir]] as const) {
    it(`${name}: files loaded in any order give the same result, in every format`, async () => {
      const options = { ...baseOptions(root()), today };
      const files = await discover(options.root, options.claims, options.sources);
      const render = (result: ReturnType<typeof checkLoaded>) =>
        Object.entries(reporters)
          .map(([format, reporter]) => `== ${format}\n${reporter(result, { colors: pc.createColors(false), verbose: true })}`)
          .join("\n");
      const baseline = render(checkLoaded(await loadProject(files, options), options));
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }), async (shuffled) => {
          const loaded = await loadProject(shuffled, options);
          expect(render(checkLoaded(loaded, options))).toBe(baseline);
        }),
        fuzzParameters(6),
      );
    });
  }

  it("a second run, a second process-like run with the cache, and a run in another folder print the same bytes", async () => {
    const formats = Object.keys(reporters).filter((f) => f !== "github");
    const outputs = async (root: string, extra: string[], tag: string) => {
      const out: string[] = [];
      for (const format of formats) {
        const file = path.join(root, `${tag}.${format}`);
        await runCli(["--format", `${format}=${file}`, ...extra], root);
        out.push(await readFile(file, "utf8"));
      }
      return out;
    };
    const first = await outputs(corpus, [], "first");
    expect(await outputs(corpus, [], "second")).toEqual(first);
    const cacheDir = path.join(corpus, ".cache-test");
    expect(await outputs(corpus, ["--cache-location", cacheDir], "cache-cold")).toEqual(first);
    expect(await outputs(corpus, ["--cache-location", cacheDir], "cache-warm")).toEqual(first);
    // The same files under another absolute path: nothing in any report depends on it.
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), "claimcheck-determinism-elsewhere-"));
    try {
      writeCorpus(elsewhere, new Map(await Promise.all(
        (await (await import("globby")).globby(["claims/**", "sources/**"], { cwd: corpus })).map(async (f) => [f, await readFile(path.join(corpus, f), "utf8")] as [string, string]),
      )));
      expect(await outputs(elsewhere, [], "moved")).toEqual(first);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
