import { mkdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDataset, REPO_ROOT, runCli, scratchNullDevice } from "../helpers/cli.js";

describe("claimcheck command line", () => {
  // Reports these tests do not read go to a null device made in a temporary folder.
  let sink: Awaited<ReturnType<typeof scratchNullDevice>>;
  beforeAll(async () => {
    sink = await scratchNullDevice();
  });
  afterAll(() => sink.cleanup());

  it("--help prints usage and exits 0", async () => {
    const run = await runCli(["--help"], REPO_ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage");
    expect(run.stdout).toContain("explain <claim-id>");
  });

  it("--version prints the package version", async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    const run = await runCli(["--version"], REPO_ROOT);
    expect(run).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it.each([
    [["--frobnicate"], 'unknown option "--frobnicate"'],
    [["--format", "htlm"], 'unknown format "htlm" — did you mean "html"?'],
    [["--format", "json="], "needs a file name"],
    [["--max-warnings", "many"], "--max-warnings takes a whole number"],
    [["explain"], "explain takes one claim id"],
    [["explain", "c04-first-heads-meeting-since-2019"], 'did you mean "c04-first-heads-meeting-since-2018"?'],
    [["check", "claims/no-such-article"], '"claims/no-such-article" names no claim, source, registry, article map or snapshot of the project'],
  ])("bad usage %j exits 2 with a clear message", async (argv, message) => {
    const run = await runCli(["--format", `json=${sink.file}`, ...argv], REPO_ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("exits 2 when there is no claim to check, rather than passing on nothing", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      // A project whose claims/ is empty: it says where it looked and what to add.
      await rm(path.join(dir, "claims"), { recursive: true });
      await mkdir(path.join(dir, "claims"));
      const run = await runCli(["--format", "terminal"], path.join(dir, "sources"));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("no claim files found under");
      expect(run.stderr).toContain("claimcheck new article");
    } finally {
      await cleanup();
    }
  });

  it("exits 1 when warnings exceed --max-warnings, and 0 within it", async () => {
    const over = await runCli(["--format", `json=${sink.file}`, "--max-warnings", "0"], REPO_ROOT);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("more than --max-warnings 0");
    const within = await runCli(["--format", `json=${sink.file}`, "--max-warnings", "1000"], REPO_ROOT);
    expect(within.code).toBe(0);
  });

  it("checks only the claims under the given paths", async () => {
    const run = await runCli(["check", "claims/rt-2025-space-cooperation/c04-first-heads-meeting-since-2018.yaml", "--format", "json"], REPO_ROOT);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { claims: Array<{ id: string; citations: Array<{ source: string }> }>; diagnostics: Array<{ at: { file: string } }> };
    expect(result.claims.map((c) => c.id)).toEqual(["c04-first-heads-meeting-since-2018"]);
    // Findings outside the claim come only from what it depends on: the sources it cites.
    const cited = new Set(result.claims[0]!.citations.map((c) => `sources/${c.source}.yaml`));
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => cited.has(d.at.file))).toBe(true);
  });

  it("explain prints each step: what was expected, what was found, and the deciding fact", async () => {
    const run = await runCli(["explain", "c14-us-committed-2030-possible-2032"], REPO_ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("declared mixed · derived mixed");
    expect(run.stdout).toMatch(/value us-2030 → supported \(expected supported\)/);
    expect(run.stdout).toContain("expected: us-iss-segment committed-until = 2030");
    expect(run.stdout).toMatch(/value us-2032 → unverifiable \(expected unverifiable\)/);
    expect(run.stdout).toContain("later developments (do not decide):");
    expect(run.stdout).toContain("spokesman-2026-03-06-nasa-directive-iss-2032#");
  });

  it("explain says when facts fall short of the evidence standard, instead of flagging a mismatch", async () => {
    const run = await runCli(["explain", "c06-borisov-phone-only"], REPO_ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("value visits-deferred → supported on evidence short of the standard, so unverifiable (expected unverifiable)");
    expect(run.stdout).toContain("last-before no-face-to-face → supported (expected supported)");
    expect(run.stdout).not.toContain("!)");
  });

  it("writes several formats in one run, creating the folder", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const run = await runCli(["--format", "terminal", "--format", "json=out/deep/result.json", "--format", "junit=out/junit.xml"], dir);
      expect(run.code).toBe(0);
      const json = JSON.parse(await readFile(path.join(dir, "out/deep/result.json"), "utf8")) as { summary: { claims: number } };
      expect(json.summary.claims).toBe(18);
      expect(await readFile(path.join(dir, "out/junit.xml"), "utf8")).toContain("<testsuites");
      expect(run.stderr).toContain("reports written: out/deep/result.json, out/junit.xml");
    } finally {
      await cleanup();
    }
  });

  it("a plain run writes every file report into reports/", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const run = await runCli([], dir);
      expect(run.code).toBe(0);
      for (const file of ["index.html", "result.json", "junit.xml", "claimcheck.sarif", "summary.md", "claimreview.jsonld"]) {
        expect((await readFile(path.join(dir, "reports", file), "utf8")).length, file).toBeGreaterThan(100);
      }
    } finally {
      await cleanup();
    }
  });

  it("adds GitHub annotations when GITHUB_ACTIONS=true", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const run = await runCli([], dir, { GITHUB_ACTIONS: "true" });
      expect(run.stdout).toMatch(/^::warning file=sources\/.+\.yaml,line=\d+/m);
    } finally {
      await cleanup();
    }
  });

  // mknod needs root, which CI has.
  it.runIf(process.getuid?.() === 0)("writes through a device instead of renaming a file over it", async () => {
    expect(sink.isDevice).toBe(true);
    const run = await runCli(["--format", `json=${sink.file}`], REPO_ROOT);
    expect(run.code).toBe(0);
    const after = await stat(sink.file);
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.isFile()).toBe(false);
  });

  it("respects NO_COLOR and FORCE_COLOR", async () => {
    const plain = await runCli(["--format", "terminal"], REPO_ROOT, { NO_COLOR: "1" });
    expect(plain.stdout).not.toContain("\u001b[");
    const forced = await runCli(["--format", "terminal"], REPO_ROOT, { NO_COLOR: "", FORCE_COLOR: "1" });
    expect(forced.stdout).toContain("\u001b[");
  });
});
