import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../bench/generate.mjs";
import { fileReader } from "../../src/cli/file-reader.js";
import type { ClaimResult, RunResult } from "../../src/model/result.js";
import { reporters } from "../../src/reporters/index.js";
import { parseShard, shardOfFile } from "../../src/shard/partition.js";
import { copyDataset, runCli } from "../helpers/cli.js";

// Sharded runs, merged, must give exactly the unsharded result — byte for byte as JSON, and
// every report made from it.

let corpus: string;
let dataset: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  corpus = await mkdtemp(path.join(os.tmpdir(), "claimcheck-shard-"));
  const files = generateCorpus(120, { seed: 11, defects: true });
  // Findings outside claim files too: an orphan source, a source with a schema error, a broken map.
  files.set("sources/orphan-source.yaml", "id: orphan-source\ntype: webpage\ntitle: Nobody cites me\nURL: https://example.org/orphan\nreliability: low\n");
  files.set("sources/bad-source.yaml", "id: bad-source\ntype: webpage\ntitle: Misspelt\nURL: https://example.org/bad\nreliablity: low\n");
  files.set("claims/article-0001/c-broken.yaml", "id: c-broken\ntext: [unclosed\n");
  writeCorpus(corpus, files);
  dataset = await copyDataset();
});
afterAll(async () => {
  await rm(corpus, { recursive: true, force: true });
  await dataset.cleanup();
});

const FORMATS = Object.keys(reporters).filter((f) => f !== "github");

async function unsharded(root: string, format: string): Promise<string> {
  const out = path.join(root, `whole.${format}`);
  await runCli(["--format", `${format}=${out}`], root, { GITHUB_ACTIONS: "false" });
  return readFile(out, "utf8");
}

async function shardsThenMerge(root: string, count: number, format: string): Promise<{ merged: string; shards: string[] }> {
  const shards: string[] = [];
  for (let i = 1; i <= count; i++) {
    const out = path.join(root, `shard-${i}-of-${count}.json`);
    const run = await runCli(["--shard", `${i}/${count}`, "--format", `json=${out}`], root);
    expect(run.stderr).not.toMatch(/Error|at .*\.ts/);
    shards.push(out);
  }
  const out = path.join(root, `merged-${count}.${format}`);
  const merge = await runCli(["merge", ...shards, "--format", `${format}=${out}`], root);
  expect(merge.code === 0 || merge.code === 1).toBe(true);
  return { merged: await readFile(out, "utf8"), shards };
}

describe("claimcheck --shard i/n and claimcheck merge", () => {
  for (const count of [1, 2, 3, 7]) {
    it(`merging ${count} shards gives the unsharded JSON byte for byte (generated corpus)`, async () => {
      const { merged } = await shardsThenMerge(corpus, count, "json");
      expect(merged).toBe(await unsharded(corpus, "json"));
    });
  }

  it("merging shards gives the unsharded JSON byte for byte (the project's own dataset)", async () => {
    const { merged } = await shardsThenMerge(dataset.dir, 3, "json");
    expect(merged).toBe(await unsharded(dataset.dir, "json"));
  });

  it.each(FORMATS)("any report can be made from the merged result: %s", async (format) => {
    const { merged } = await shardsThenMerge(corpus, 3, format);
    expect(merged).toBe(await unsharded(corpus, format));
  });

  it("reports every claim in exactly one shard, and findings outside claim files in shard 1 only", async () => {
    const count = 4;
    const { shards } = await shardsThenMerge(corpus, count, "json");
    const results = await Promise.all(shards.map(async (f) => JSON.parse(await readFile(f, "utf8"))));
    const whole = JSON.parse(await unsharded(corpus, "json"));
    const files = results.flatMap((r: { claims: Array<{ file: string }> }) => r.claims.map((c) => c.file)).sort();
    expect(files).toEqual(whole.claims.map((c: { file: string }) => c.file).sort());
    results.forEach((r: { diagnostics: Array<{ at: { file: string } }> }, i: number) => {
      const outside = r.diagnostics.filter((d) => !d.at.file.startsWith("claims/") || d.at.file.endsWith("/article.yaml"));
      if (i === 0) expect(outside.length).toBeGreaterThan(0);
      else expect(outside).toEqual([]);
    });
    // Every shard has some claims: the hash spreads them.
    for (const r of results) expect(r.claims.length).toBeGreaterThan(0);
  });

  it("a shard evaluates only its own claims (counted, not timed)", async () => {
    const timingFile = path.join(corpus, "shard-timing.json");
    const whole = JSON.parse(await unsharded(corpus, "json")) as RunResult;
    // Claims that passed their schema have an as-of date in the result; only those are evaluated.
    const valid = whole.claims.filter((c) => c.asOf !== undefined);
    let sum = 0;
    for (let i = 1; i <= 3; i++) {
      await runCli(["--shard", `${i}/3`, "--format", `json=${path.join(corpus, "counted.json")}`], corpus, { CLAIMCHECK_TIMING: timingFile });
      const evaluated = (JSON.parse(await readFile(timingFile, "utf8")) as Record<string, number>)["claims evaluated"];
      expect(evaluated).toBe(valid.filter((c) => shardOfFile(c.file, 3) === i).length);
      expect(evaluated).toBeLessThan(valid.length);
      sum += evaluated!;
    }
    expect(sum).toBe(valid.length);
  });

  it("partitions by a stable hash of the path", () => {
    expect(shardOfFile("claims/a/c1.yaml", 4)).toBe(shardOfFile("claims/a/c1.yaml", 4));
    for (let n = 1; n <= 9; n++) {
      const s = shardOfFile("claims/x/y.yaml", n);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(n);
    }
  });

  it("refuses a bad --shard", async () => {
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1", "-1/2"]) {
      const run = await runCli([`--shard=${bad}`], corpus);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--shard takes i\/n/);
    }
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
  });
});

describe("claimcheck merge refuses what it cannot combine", () => {
  it("a missing shard, a shard given twice, other versions, and files that are not results", async () => {
    const { shards } = await shardsThenMerge(corpus, 3, "json");
    const missing = await runCli(["merge", shards[0]!, shards[2]!, "--format", "json"], corpus);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/in none of the results .* is a shard missing\?/);

    const twice = await runCli(["merge", ...shards, shards[1]!, "--format", "json"], corpus);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/is in result 2 and in result 4/);

    const other = JSON.parse(await readFile(shards[1]!, "utf8"));
    other.tool.version = "0.0.0-other";
    const otherFile = path.join(corpus, "other-version.json");
    await writeFile(otherFile, JSON.stringify(other));
    const versions = await runCli(["merge", shards[0]!, otherFile, shards[2]!, "--format", "json"], corpus);
    expect(versions.code).toBe(2);
    expect(versions.stderr).toMatch(/merge results of one version/);

    const junk = path.join(corpus, "junk.json");
    await writeFile(junk, "{\"hello\": 1}");
    const notResult = await runCli(["merge", junk], corpus);
    expect(notResult.code).toBe(2);
    expect(notResult.stderr).toMatch(/junk.json is not a claimcheck result as schema\/result.schema.json describes it: \/ must have required property/);

    const none = await runCli(["merge"], corpus);
    expect(none.code).toBe(2);
  });
});

describe("claimcheck merge checks each shard before trusting it", () => {
  // Shards come from one trusted workflow and merge is no security boundary (docs/security.md);
  // still, a damaged or foreign file is a clear error, never a TypeError, and merge never
  // prints a file outside the repository in a code frame.

  async function shardsWith(edit: (shard: RunResult) => void): Promise<string[]> {
    const { shards } = await shardsThenMerge(corpus, 2, "json");
    const first = JSON.parse(await readFile(shards[0]!, "utf8")) as RunResult;
    edit(first);
    const edited = path.join(corpus, "edited-shard.json");
    await writeFile(edited, JSON.stringify(first));
    return [edited, shards[1]!];
  }

  const malformed: Array<[string, (shard: RunResult) => void, RegExp]> = [
    ["a claim without its diagnostics", (r) => void delete (r.claims[0] as Partial<ClaimResult>).diagnostics, /\/claims\/0 must have required property 'diagnostics'/],
    ["a diagnostic whose position is not an object", (r) => void ((r.diagnostics[0] as unknown as { at: unknown }).at = "somewhere"), /\/diagnostics\/0\/at must be object/],
    ["a status that is no status", (r) => void ((r.claims[0] as unknown as { status: string }).status = "maybe"), /\/claims\/0\/status must be equal to one of the allowed values \(pass, fail\)/],
    ["a summary that is null", (r) => void ((r as unknown as { summary: unknown }).summary = null), /\/summary must be object/],
    ["lists that are not lists", (r) => void ((r as unknown as { claims: unknown }).claims = { 0: 1 }), /\/claims must be array/],
  ];
  it.each(malformed)("%s: exit 2, naming the file and the place", async (_label, edit, message) => {
    const shards = await shardsWith(edit);
    const run = await runCli(["merge", ...shards, "--format", "json"], corpus);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^claimcheck: .*edited-shard.json is not a claimcheck result as schema\/result.schema.json describes it: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/TypeError|at .*\.[jt]s:\d+/);
  });

  it("a diagnostic whose file is outside the repository: refused, and the file is never printed", async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), "claimcheck-shard-outside-"));
    try {
      const secret = path.join(outside, "secret.txt");
      await writeFile(secret, "TOP SECRET line one\nTOP SECRET line two\n");
      const relative = path.relative(corpus, secret);
      for (const file of [secret, relative, ".git/config", `claims/../${relative}`]) {
        const shards = await shardsWith((r) => {
          const d = r.diagnostics.find((x) => x.severity === "error")!;
          d.at.file = file;
        });
        const run = await runCli(["merge", ...shards, "--format", "terminal"], corpus);
        expect(run.code, file).toBe(2);
        expect(run.stderr).toMatch(/\/diagnostics\/\d+\/at\/file names ".*", which is not a file of the repository/);
        expect(run.stdout + run.stderr).not.toContain("TOP SECRET");
      }
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("the code frame reader itself reads no file outside the repository, even through a link", async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), "claimcheck-shard-outside-"));
    const link = path.join(corpus, "sources", "link-out.yaml");
    try {
      await writeFile(path.join(outside, "secret.txt"), "TOP SECRET\n");
      await symlink(path.join(outside, "secret.txt"), link);
      const read = fileReader(corpus);
      expect(read("sources/link-out.yaml")).toBeUndefined();
      expect(read(path.join(outside, "secret.txt"))).toBeUndefined();
      expect(read(`../${path.basename(outside)}/secret.txt`)).toBeUndefined();
      expect(read("sources/orphan-source.yaml")).toContain("id: orphan-source");
    } finally {
      await rm(link, { force: true });
      await rm(outside, { recursive: true, force: true });
    }
  });
});
