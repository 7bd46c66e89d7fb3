/**
 * CLI conventions through the built command line (dist/cli.js, what `npx claimcheck` runs):
 * "did you mean" for unknown flags and commands, `--quiet`, and paths of sources, snapshots,
 * the registry and article maps as selections.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDataset, REPO_ROOT } from "../helpers/cli.js";
import { runBuilt } from "../network/built-cli.js";

interface JsonResult {
  summary: { claims: number; errors: number; warnings: number };
  claims: Array<{ id: string; file: string; article: string; citations: Array<{ source: string }>; diagnostics: Array<{ severity: string }> }>;
  diagnostics: Array<{ severity: string; ruleId: string; at: { file: string } }>;
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "claimcheck-conventions-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

let reports = 0;
/** Runs the built CLI over the project's own dataset with a JSON report in the scratch folder; returns the run and the report. */
async function check(args: string[], cwd = REPO_ROOT): Promise<{ code: number; stdout: string; stderr: string; result?: JsonResult }> {
  const file = path.join(scratch, `result-${reports++}.json`);
  const run = await runBuilt([...args, "--format", `json=${file}`], cwd);
  const text = await readFile(file, "utf8").catch(() => undefined);
  return { ...run, ...(text === undefined ? {} : { result: JSON.parse(text) as JsonResult }) };
}

describe("unknown flags and commands", () => {
  it.each([
    [["--wach"], 'unknown option "--wach" — did you mean "--watch"?'],
    [["--max-warning=3"], 'unknown option "--max-warning" — did you mean "--max-warnings"?'],
    [["-watch"], 'unknown option "-watch" — did you mean "--watch"?'],
    [["--qiuet"], 'unknown option "--qiuet" — did you mean "--quiet"?'],
    [["--frobnicate"], 'unknown option "--frobnicate"'],
    [["-x"], 'unknown option "-x"'],
    [["--config"], '"--config" needs a value'],
    [["--config", "--verbose"], '"--config" needs a value, not the option "--verbose" (a value that starts with "-" is written --config=--verbose)'],
    [["--watch=yes"], '"--watch" takes no value'],
    [["chek"], 'unknown command "chek" — did you mean "check"?'],
    [["explian", "c01"], 'unknown command "explian" — did you mean "explain"?'],
    [["mirgate"], 'unknown command "mirgate" — did you mean "migrate"?'],
  ])("%j: one clear line and the usage hint, exit 2", async (argv, message) => {
    const run = await runBuilt(argv, REPO_ROOT);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`claimcheck: ${message}\nRun "claimcheck --help" for usage.\n`);
  });

  it("knows every command --help lists, for its suggestions", async () => {
    const { HELP } = await import("../../src/cli/help.js");
    const { COMMANDS } = await import("../../src/cli/args.js");
    const usage = HELP.slice(HELP.indexOf("Usage"), HELP.indexOf("Options"));
    const listed = [...usage.matchAll(/^ {2}claimcheck (?:\[(\w+)\]|(\w+))/gm)].map((m) => m[1] ?? m[2]);
    expect(listed.length).toBeGreaterThan(5);
    expect([...COMMANDS].sort()).toEqual([...new Set(listed)].sort());
  });

  it("names the subcommand's help for its own flags", async () => {
    const merge = await runBuilt(["merge", "--verbos"], REPO_ROOT);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toBe('claimcheck: unknown option "--verbos" — did you mean "--verbose"?\nRun "claimcheck merge --help" for usage.\n');
    const migrate = await runBuilt(["migrate", "--dryrun"], REPO_ROOT);
    expect(migrate.stderr).toBe('claimcheck: unknown option "--dryrun" — did you mean "--dry-run"?\nRun "claimcheck migrate --help" for usage.\n');
    const capture = await runBuilt(["capture", "--mising"], REPO_ROOT);
    expect(capture.stderr).toBe('claimcheck: unknown option "--mising" — did you mean "--missing"?\nRun "claimcheck capture --help" for usage.\n');
  });

  it("takes an existing path for a path, however near a command's name", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      // A folder named like a mistyped command, holding an article's claims.
      await mkdir(path.join(dir, "claims", "chek"));
      const c = await readFile(path.join(REPO_ROOT, "claims/rt-2025-space-cooperation/c04-first-heads-meeting-since-2018.yaml"), "utf8");
      await writeFile(path.join(dir, "claims", "chek", "c04-first-heads-meeting-since-2018.yaml"), c);
      const run = await check(["claims/chek"], dir);
      expect(run.stderr).not.toContain("unknown command");
      expect(run.result?.claims.map((claim) => claim.file)).toEqual(["claims/chek/c04-first-heads-meeting-since-2018.yaml"]);
      const fromInside = await check(["chek"], path.join(dir, "claims"));
      expect(fromInside.stderr).not.toContain("unknown command");
    } finally {
      await cleanup();
    }
  });
});

describe("--quiet", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await copyDataset());
    // One claim broken: an error beside the dataset's warnings.
    const file = path.join(dir, "claims/rt-2025-space-cooperation/c04-first-heads-meeting-since-2018.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("took place in October 2018", "took place in October 2019"));
  });
  afterAll(() => cleanup());

  it("reports errors only: no warning in the terminal or the reports; the summary line stays", async () => {
    const loud = await check(["--format", "terminal"], dir);
    expect(loud.code).toBe(1);
    expect(loud.stdout).toContain("warning");
    expect(loud.result!.summary.warnings).toBeGreaterThan(0);

    const quiet = await check(["--quiet", "--format", "terminal"], dir);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain("warning  ");
    expect(quiet.stdout).toContain("quote not found");
    expect(quiet.stdout).toMatch(/1 failed, 1 error, 0 warnings\n/);
    expect(quiet.result!.summary).toMatchObject({ errors: loud.result!.summary.errors, warnings: 0 });
    expect(quiet.result!.diagnostics.length).toBe(loud.result!.summary.errors);
    expect(quiet.result!.diagnostics.every((d) => d.severity === "error")).toBe(true);
    expect(quiet.result!.claims.flatMap((c) => c.diagnostics).every((d) => d.severity === "error")).toBe(true);
  });

  it("does not count warnings toward --max-warnings", async () => {
    const loud = await check(["--max-warnings", "0", "claims/rt-2025-space-cooperation/c04-first-heads-meeting-since-2018.yaml"]);
    expect(loud.code).toBe(1);
    expect(loud.stderr).toMatch(/warnings, more than --max-warnings 0/);
    const quiet = await check(["--quiet", "--max-warnings", "0", "claims/rt-2025-space-cooperation/c04-first-heads-meeting-since-2018.yaml"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain("max-warnings");
  });
});

describe("paths of sources, snapshots, the registry and article maps select the claims that depend on them", () => {
  let full: JsonResult;
  beforeAll(async () => {
    full = (await check([])).result!;
  });

  it("a source record: the claims citing it, and the record's own findings", async () => {
    // The oracle is the full run's citations, not the project graph.
    const counts = new Map<string, number>();
    for (const claim of full.claims) for (const id of new Set(claim.citations.map((c) => c.source))) counts.set(id, (counts.get(id) ?? 0) + 1);
    const [source] = [...counts].find(([, n]) => n === 2)!;
    const citing = full.claims.filter((c) => c.citations.some((x) => x.source === source)).map((c) => c.id);
    const run = await check([`sources/${source}.yaml`]);
    expect(run.code).toBe(0);
    expect(run.result!.claims.map((c) => c.id)).toEqual(citing);
    expect(run.stderr).toContain(`selected 2 of 18 claims by the paths given:\n  sources/${source}.yaml: source "${source}"; 2 claims depend on it\n`);
    const own = full.diagnostics.filter((d) => d.at.file === `sources/${source}.yaml`);
    expect(own.length).toBeGreaterThan(0);
    expect(run.result!.diagnostics.filter((d) => d.at.file === `sources/${source}.yaml`)).toEqual(own);
  });

  it("the registry: the claims that name its entries (here, all of them)", async () => {
    const run = await check(["sources/entities.yaml"]);
    expect(run.code).toBe(0);
    expect(run.result!.claims.map((c) => c.id)).toEqual(full.claims.map((c) => c.id));
    expect(run.stderr).toContain("sources/entities.yaml: the registry; 18 claims name its entries");
  });

  it("an article's snapshot and its map: the article's claims", async () => {
    const article = full.claims[0]!.article;
    const ofArticle = full.claims.filter((c) => c.article === article).map((c) => c.id);
    const snapshot = await check([`sources/snapshots/${article}.txt`]);
    expect(snapshot.result!.claims.map((c) => c.id)).toEqual(ofArticle);
    expect(snapshot.stderr).toContain(`sources/snapshots/${article}.txt: the snapshot of source "${article}"; 18 claims depend on it`);
    const map = await check([`claims/${article}/article.yaml`]);
    expect(map.result!.claims.map((c) => c.id)).toEqual(ofArticle);
    expect(map.stderr).toContain(`the map of article "${article}"`);
  });

  it("a claim and a folder of claims need no word; a path naming nothing is bad usage", async () => {
    const one = await check(["claims/rt-2025-space-cooperation/c04-first-heads-meeting-since-2018.yaml"]);
    expect(one.result!.claims.map((c) => c.id)).toEqual(["c04-first-heads-meeting-since-2018"]);
    expect(one.stderr).not.toContain("selected");
    const none = await check(["sources/no-such-source.yaml"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('claimcheck: "sources/no-such-source.yaml" names no claim, source, registry, article map or snapshot of the project\n');
  });
});

describe("configuration globs go through our own matcher, not picomatch (docs/design.md)", () => {
  it("matches the glob that made picomatch 4 backtrack for 82 s, at once", { timeout: 30_000 }, async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const article = "claims/rt-2025-space-cooperation";
      await writeFile(path.join(dir, article, "a".repeat(40)), "id: x\n");
      // The input measured in docs/design.md: twelve "*a" and a "b", against forty "a"s.
      await writeFile(path.join(dir, "claimcheck.config.yaml"), `claims: ["${article}/${"*a".repeat(12)}b", "${article}/c04-*.yaml"]\n`);
      const run = await check([], dir);
      // The other claims are left out, so their sources are orphans (exit 1): what matters is which claims the globs chose.
      expect(run.stderr).toMatch(/^reports written: \S+\n$/);
      expect(run.result!.claims.map((c) => c.id)).toEqual(["c04-first-heads-meeting-since-2018"]);
    } finally {
      await cleanup();
    }
  });
});
