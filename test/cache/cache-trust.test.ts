import { createHash, createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../bench/generate.mjs";
import { cacheKeyFile } from "../../src/cache/cache-key.js";
import { cacheFingerprint } from "../../src/cache/fingerprint.js";
import { baseOptions } from "../../src/options/run-options.js";
import type { RunOptions } from "../../src/options/run-options.js";
import { runCheck } from "../../src/engine/run.js";
import { bucketOf } from "../../src/cache/bucket-store.js";
import { claimKeys, resultFingerprint } from "../../src/engine/incremental.js";
import { loadRepository } from "../../src/load/load-files.js";
import { graphOfLoaded } from "../../src/project/graph.js";
import type { RunResult } from "../../src/model/result.js";
import { parsePartialDate } from "../../src/time/partial-date.js";
import { runCli } from "../helpers/cli.js";
import { makeRepo, type TempRepo } from "../git/repo.js";

// A cache entry says "these bytes load and validate like this". A cache file written by
// anyone but this machine's earlier runs — committed in a pull request, say — must never be
// believed: it could map a broken claim's bytes to a passing entry.

const KEY = new TextEncoder().encode("the key of this machine, 32 chars or more");
let dir: string;
let repo: TempRepo | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-cache-trust-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await repo?.cleanup();
  repo = undefined;
});

function options(root: string, cacheFile: string, warnings: string[] = [], key = KEY): RunOptions {
  return { ...baseOptions(root), today: parsePartialDate("2025-11-25")!, cache: { file: cacheFile, key, warn: (m) => warnings.push(m) } };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Stored {
  format: string;
  version: number;
  fingerprint: string;
  entries: Array<[string, Record<string, unknown>]>;
}

/** A corpus, a good cache of it, and one of its claims broken afterwards. */
async function brokenAfterCaching(): Promise<{ root: string; cacheFile: string; claim: string; good: Buffer; broken: Buffer; cold: RunResult }> {
  const root = path.join(dir, "corpus");
  writeCorpus(root, generateCorpus(6, { seed: 9, defects: false }));
  const cacheFile = path.join(dir, "cache", "files.v8");
  await runCheck(options(root, cacheFile));
  const claim = (await import("globby")).globbySync("claims/*/c*.yaml", { cwd: root }).sort()[0]!;
  const good = await readFile(path.join(root, claim));
  // Broken: a misspelt key fails the schema, and the claim fails.
  const broken = Buffer.from(good.toString("utf8").replace("citations:", "citaton:"));
  await writeFile(path.join(root, claim), broken);
  const cold = await runCheck({ ...baseOptions(root), today: parsePartialDate("2025-11-25")! });
  expect(cold.claims.find((c) => c.file === claim)!.status).toBe("fail");
  return { root, cacheFile, claim, good, broken, cold };
}

/** The entries of a cache file this machine wrote (past its 32-byte signature). */
async function ownEntries(cacheFile: string): Promise<Stored> {
  return deserialize((await readFile(cacheFile)).subarray(32)) as Stored;
}

describe("a crafted cache file cannot make a broken claim pass", () => {
  it("an unsigned cache (the format an attacker can write) that maps the broken bytes to a good entry is refused", async () => {
    const { root, cacheFile, claim, good, broken, cold } = await brokenAfterCaching();
    const stored = await ownEntries(cacheFile);
    const goodEntry = stored.entries.find(([k]) => k === `${sha256(good)}:claim`)![1];
    // The forgery: the broken file's hash now points at the good file's outcome, with the
    // right fingerprint (which is no secret: version, schemas, configuration).
    const forged: Stored = { ...stored, entries: [...stored.entries, [`${sha256(broken)}:claim`, goodEntry]] };
    for (const bytes of [serialize({ ...forged, version: 1 }), Buffer.concat([createHmac("sha256", "another key").update(serialize(forged)).digest(), serialize(forged)])]) {
      await writeFile(cacheFile, bytes);
      const warnings: string[] = [];
      const result = await runCheck(options(root, cacheFile, warnings));
      expect(result.claims.find((c) => c.file === claim)!.status).toBe("fail");
      expect(JSON.stringify(result)).toBe(JSON.stringify(cold));
      expect(warnings).toEqual([expect.stringMatching(/is not signed with this machine's cache key/)]);
    }
  });

  it("a cache signed with another key (another machine, another user) is a miss, with a warning", async () => {
    const { root, cacheFile, cold } = await brokenAfterCaching();
    const warnings: string[] = [];
    const result = await runCheck(options(root, cacheFile, warnings, new TextEncoder().encode("somebody else's key, also 32 chars long")));
    expect(JSON.stringify(result)).toBe(JSON.stringify(cold));
    // One warning for the file cache, one for the per-claim records.
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w).toMatch(/not signed with this machine's cache key/);
  });

  it("malformed entries in a properly signed cache are misses: no crash, no skipped validation", async () => {
    const { root, cacheFile, claim, broken, cold } = await brokenAfterCaching();
    const stored = await ownEntries(cacheFile);
    const malformed: Array<Record<string, unknown>> = [
      { ok: true, diagnostics: [] }, // no data: would have skipped validation
      { ok: true, data: { id: "x" }, diagnostics: "none" },
      { ok: true, data: {}, diagnostics: [{ ruleId: "schema", at: null }] },
      { ok: true, data: {}, diagnostics: [], nodes: "not a table" },
      { ok: "yes", diagnostics: [] },
      { ok: false, diagnostics: [], data: { id: "x" } },
    ];
    for (const entry of malformed) {
      const payload = serialize({ ...stored, entries: [...stored.entries.filter(([k]) => !k.endsWith(":claim") || !k.startsWith(sha256(broken))), [`${sha256(broken)}:claim`, entry]] });
      await writeFile(cacheFile, Buffer.concat([createHmac("sha256", KEY).update(payload).digest(), payload]));
      const warnings: string[] = [];
      const result = await runCheck(options(root, cacheFile, warnings));
      expect(JSON.stringify(result), JSON.stringify(entry)).toBe(JSON.stringify(cold));
      expect(result.claims.find((c) => c.file === claim)!.status).toBe("fail");
      expect(warnings).toEqual([]);
    }
    // The fingerprint the file carries is the run's own: the entries above were really looked at.
    expect(stored.fingerprint).toBe(cacheFingerprint(options(root, cacheFile)));
  });
});

describe("a crafted per-claim record cannot make a broken claim pass", () => {
  it("a bucket holding a passing record for the broken claim's file, unsigned, signed elsewhere or malformed, is a miss", async () => {
    const { root, cacheFile, claim, cold } = await brokenAfterCaching();
    const folder = path.join(path.dirname(cacheFile), "files.claims");
    const n = bucketOf(claim);
    const bucket = path.join(folder, `${String(n).padStart(2, "0")}.v8`);
    const stored = deserialize((await readFile(bucket)).subarray(32)) as { entries: Array<[string, Record<string, unknown>]> };
    const good = stored.entries.find(([file]) => file === claim)![1];
    // The forgery: the record of the good bytes, under the key the broken bytes give (the key is
    // no secret: it is a digest of files anyone can read), so only the signature stands in the way.
    const opts = options(root, cacheFile);
    const loaded = await loadRepository({ ...opts, cache: undefined });
    const key = claimKeys(graphOfLoaded(loaded), loaded, resultFingerprint(opts)).get(claim)!;
    const forged = { ...stored, entries: stored.entries.map(([f, r]) => [f, f === claim ? { ...good, key } : r]) };
    const payload = serialize(forged);
    for (const bytes of [payload, Buffer.concat([createHmac("sha256", "another key").update(payload).digest(), payload])]) {
      await writeFile(bucket, bytes);
      const warnings: string[] = [];
      const result = await runCheck(options(root, cacheFile, warnings));
      expect(JSON.stringify(result)).toBe(JSON.stringify(cold));
      expect(warnings).toEqual([expect.stringMatching(/is not signed with this machine's cache key/)]);
    }
    // Signed with this machine's key but malformed: a miss, no crash, no warning.
    for (const record of [{ ...good, key, findings: "none" }, { ...good, key, result: null }, { ...good, key, used: [["x", "y"]] }]) {
      const bad = serialize({ ...forged, entries: forged.entries.map(([f, r]) => [f, f === claim ? record : r]) });
      await writeFile(bucket, Buffer.concat([createHmac("sha256", KEY).update(bad).digest(), bad]));
      const warnings: string[] = [];
      const result = await runCheck(options(root, cacheFile, warnings));
      expect(JSON.stringify(result)).toBe(JSON.stringify(cold));
      expect(warnings).toEqual([]);
    }
  });
});

describe("where the cache and its key may be", () => {
  it("refuses a --cache-location that git tracks (exit 2), and takes an untracked one", async () => {
    repo = await makeRepo();
    const env = { XDG_CACHE_HOME: path.join(dir, "cache-home") };
    await repo.write("build-cache/files.v8", "committed by a pull request");
    repo.commitAll("a cache in the repository");
    const tracked = await runCli(["--cache-location", "build-cache", "--format", "json"], repo.dir, env);
    expect(tracked.code).toBe(2);
    expect(tracked.stderr).toContain("claimcheck: the cache build-cache/files.v8 is tracked by git");
    // The default location too, when a pull request commits a file there.
    await repo.write("node_modules/.cache/claimcheck/files.v8", "committed too");
    repo.commitAll("a cache at the default place");
    expect((await runCli(["--cache", "--format", "json"], repo.dir, env)).code).toBe(2);
    const untracked = await runCli(["--cache-location", "other-cache", "--format", "json"], repo.dir, env);
    expect(untracked.code).toBe(0);
    expect(existsSync(path.join(repo.dir, "other-cache", "files.v8"))).toBe(true);
  });

  it("makes the key once, mode 0600, under XDG_CACHE_HOME, and the next run hits the cache", async () => {
    const root = path.join(dir, "corpus");
    writeCorpus(root, generateCorpus(4, { seed: 2, defects: false }));
    const env = { XDG_CACHE_HOME: path.join(dir, "cache-home") };
    const keyFile = cacheKeyFile(env);
    expect(keyFile).toBe(path.join(dir, "cache-home", "claimcheck", "cache-key"));
    const first = await runCli(["--cache-location", path.join(dir, "c"), "--format", "json"], root, env);
    expect(first.code).toBe(0);
    const key = await readFile(keyFile);
    expect(key.length).toBe(32);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const second = await runCli(["--cache-location", path.join(dir, "c"), "--format", "json"], root, { ...env, CLAIMCHECK_TIMING: path.join(dir, "timing.json") });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe("");
    expect(await readFile(keyFile)).toEqual(key);
    // Nothing was parsed: every file came from the cache the first run signed.
    expect(JSON.parse(await readFile(path.join(dir, "timing.json"), "utf8")).parse).toBeUndefined();
  });

  it("refuses a key that the repository could hold or anyone could guess", async () => {
    const root = path.join(dir, "corpus");
    writeCorpus(root, generateCorpus(2, { seed: 2, defects: false }));
    const inside = await runCli(["--cache", "--format", "json"], root, { XDG_CACHE_HOME: path.join(root, ".cache") });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/the cache key .* would lie inside the repository/);
    expect(existsSync(path.join(root, ".cache"))).toBe(false);
    const short = await runCli(["--cache", "--format", "json"], root, { CLAIMCHECK_CACHE_KEY: "secret" });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("CLAIMCHECK_CACHE_KEY is shorter than 32 characters");
    // A long one is used as given, and no key file is made.
    const home = path.join(dir, "unused-home");
    const given = await runCli(["--cache-location", path.join(dir, "c2"), "--format", "json"], root, { CLAIMCHECK_CACHE_KEY: "k".repeat(40), XDG_CACHE_HOME: home });
    expect(given.code).toBe(0);
    expect(existsSync(home)).toBe(false);
  });

  it("a key file that cannot be made costs the cache, not the run", async () => {
    const root = path.join(dir, "corpus");
    writeCorpus(root, generateCorpus(2, { seed: 2, defects: false }));
    const blocked = path.join(dir, "blocked");
    await writeFile(blocked, "a file where the cache home's folder should be");
    await mkdir(path.join(dir, "c3"));
    const run = await runCli(["--cache-location", path.join(dir, "c3"), "--format", "json"], root, { XDG_CACHE_HOME: blocked });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^claimcheck: cannot use the cache key .*; running without the cache\n$/);
    expect(existsSync(path.join(dir, "c3", "files.v8"))).toBe(false);
  });
});
