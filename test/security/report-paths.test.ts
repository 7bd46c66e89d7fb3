import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILT_CLI } from "../docs/shell.js";
import { REPO_ROOT, runCli } from "../helpers/cli.js";

// Where reports land. A committed configuration (and the tree itself) comes from a pull
// request: with a path of its choosing and a newline in a YAML key, a plain `npx claimcheck`
// could write attacker-chosen lines into a file an interpreter later runs (a Python .pth in
// the user's site folder, a git hook). Paths from the configuration and every default path
// stay inside the repository and out of .git; a path outside comes only from the command
// line. And a report that cannot be written is a one-line error, exit 2, with no success
// line before it and no temporary file after it.

let base: string;
let repo: string;
let outside: string;

afterEach(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

async function setUp(): Promise<void> {
  base = await mkdtemp(path.join(os.tmpdir(), "claimcheck-report-paths-"));
  repo = path.join(base, "repo");
  outside = path.join(base, "outside");
  await mkdir(outside);
  await cp(path.join(REPO_ROOT, "claims"), path.join(repo, "claims"), { recursive: true });
  await cp(path.join(REPO_ROOT, "sources"), path.join(repo, "sources"), { recursive: true });
}

async function config(text: string): Promise<void> {
  await writeFile(path.join(repo, "claimcheck.config.yaml"), text);
}

/** Every file under `dir`, relative, sorted. */
async function listTree(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return ((await readdir(dir, { recursive: true })) as string[]).sort();
}

describe("report paths from the configuration stay inside the repository", () => {
  const refused: Array<[string, (outside: string) => string, RegExp]> = [
    ["an absolute path", (o) => `${o}/site.pth`, /report path ".*site\.pth" is absolute/],
    ["a path up and out", () => "../outside/site.pth", /climbs out with "\.\."/],
    ["a path that climbs out from a folder", () => "reports/../../outside/site.pth", /climbs out with "\.\."/],
    ["a path into .git (its hooks run code)", () => ".git/hooks/pre-commit", /leads into \.git/],
    ["a path into .GIT on a case-insensitive file system", () => "sub/.GIT/config", /leads into \.git/],
    ["a Windows path", () => "C:\\Users\\x\\site.pth", /is absolute/],
    ["a backslash climb", () => "reports\\..\\..\\site.pth", /climbs out/],
  ];
  it.each(refused)("refuses %s: a configuration error at file:line:col, exit 2, nothing written", async (_label, file, message) => {
    await setUp();
    const target = file(outside);
    await config(`# reports\nreports:\n  formats:\n    - terminal\n    - ${JSON.stringify(`markdown=${target}`)}\n`);
    const run = await runCli([], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/invalid configuration in claimcheck.config.yaml:\n {2}claimcheck.config.yaml:5:7 {2}/);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(await listTree(outside)).toEqual([]);
    expect(existsSync(path.join(repo, ".git"))).toBe(false);
  });

  it("refuses a configured path through a symbolic link that leads out of the repository", async () => {
    await setUp();
    await symlink(outside, path.join(repo, "reports"));
    await config("reports:\n  formats: [terminal, markdown=reports/site.pth]\n");
    const run = await runCli([], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("claimcheck.config.yaml:2:23  report path \"reports/site.pth\" leads out of the repository through the symbolic link reports");
    expect(await listTree(outside)).toEqual([]);
  });

  it("refuses a configured path through a symbolic link into .git", async () => {
    await setUp();
    await mkdir(path.join(repo, ".git", "hooks"), { recursive: true });
    await symlink(path.join(repo, ".git", "hooks"), path.join(repo, "hooks"));
    await config("reports:\n  formats: [terminal, markdown=hooks/pre-commit]\n");
    const run = await runCli([], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("leads into .git through the symbolic link hooks");
    expect(await listTree(path.join(repo, ".git"))).toEqual(["hooks"]);
  });

  it("a committed reports folder that links out stops the default reports too (exit 2, nothing written outside)", async () => {
    await setUp();
    await symlink(outside, path.join(repo, "reports"));
    const run = await runCli([], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^claimcheck: cannot write reports\/result\.json: report path "reports\/result\.json" leads out of the repository through the symbolic link reports/m);
    expect(run.stdout).toBe("");
    expect(await listTree(outside)).toEqual([]);
  });

  it("a committed link in place of a report file is replaced, not followed", async () => {
    await setUp();
    await writeFile(path.join(outside, "victim.txt"), "untouched\n");
    await mkdir(path.join(repo, "reports"));
    await symlink(path.join(outside, "victim.txt"), path.join(repo, "reports", "summary.md"));
    const run = await runCli([], repo);
    expect(run.code).toBe(0);
    expect(await readFile(path.join(outside, "victim.txt"), "utf8")).toBe("untouched\n");
    expect(await readFile(path.join(repo, "reports", "summary.md"), "utf8")).toContain("claimcheck");
  });

  it("paths inside the repository are fine, relative to the root whatever the working directory", async () => {
    await setUp();
    await config("reports:\n  formats: [terminal, markdown=out/nested/summary.md, json=./result.json]\n");
    const elsewhere = path.join(base, "elsewhere");
    await mkdir(elsewhere);
    const run = await runCli(["--root", repo], elsewhere);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(repo, "out", "nested", "summary.md"))).toBe(true);
    expect(existsSync(path.join(repo, "result.json"))).toBe(true);
    expect(await listTree(elsewhere)).toEqual([]);
  });

  it("a path outside the repository may come from the command line", async () => {
    await setUp();
    const run = await runCli(["--format", `json=${path.join(outside, "result.json")}`, "--format", "markdown=../outside/summary.md"], repo);
    expect(run.code).toBe(0);
    expect(await listTree(outside)).toEqual(["result.json", "summary.md"]);
  });
});

describe("a report that cannot be written", () => {
  /** The checks of every write failure: one line, exit 2, no success line, no temporary file left. */
  async function expectCleanFailure(run: { code: number; stdout: string; stderr: string }, shown: string, reason: RegExp, folder: string): Promise<void> {
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^claimcheck: cannot write ${shown.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: ${reason.source}$`));
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toContain("✔");
    expect((await listTree(folder)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }

  it("a folder in the file's place", async () => {
    await setUp();
    await mkdir(path.join(repo, "reports", "summary.md"), { recursive: true });
    const run = await runCli(["--format", "terminal", "--format", "markdown=reports/summary.md"], repo);
    await expectCleanFailure(run, "reports/summary.md", /a folder stands where the file should be/, repo);
  });

  it("a file in the place of a folder on the way", async () => {
    await setUp();
    await writeFile(path.join(repo, "reports"), "a file, not a folder\n");
    const run = await runCli(["--format", "terminal", "--format", "markdown=reports/summary.md"], repo);
    await expectCleanFailure(run, "reports/summary.md", /a file stands where a folder on the way should be/, repo);
  });

  it("the built CLI: every other report is still written, and each failure is its own line", async () => {
    await setUp();
    await mkdir(path.join(repo, "reports", "index.html"), { recursive: true });
    await mkdir(path.join(repo, "reports", "summary.md"), { recursive: true });
    const run = spawnSync("node", [BUILT_CLI], { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: undefined } });
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      "claimcheck: cannot write reports/index.html: a folder stands where the file should be",
      "claimcheck: cannot write reports/summary.md: a folder stands where the file should be",
    ]);
    expect(run.stdout).toBe("");
    expect(existsSync(path.join(repo, "reports", "result.json"))).toBe(true);
    expect((await listTree(repo)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.runIf(process.getuid?.() !== 0)("a folder without write permission (not as root, who may write anywhere)", async () => {
    await setUp();
    const locked = path.join(base, "locked");
    await mkdir(locked, { mode: 0o555 });
    const run = await runCli(["--format", "terminal", "--format", `json=${path.join(locked, "r.json")}`], repo);
    await expectCleanFailure(run, path.join(locked, "r.json"), /permission denied/, locked);
  });

  // /dev/full's device numbers (char 1 7): every write fails with ENOSPC. Made in a temporary
  // folder, never the machine's own; mknod needs root.
  it.runIf(process.getuid?.() === 0)("a full disk: the built CLI says so in one line, exit 2, no success line", async () => {
    await setUp();
    const full = path.join(base, "full");
    expect(spawnSync("mknod", ["-m", "666", full, "c", "1", "7"]).status).toBe(0);
    const run = spawnSync("node", [BUILT_CLI, "--format", "terminal", "--format", `json=${full}`], { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    await expectCleanFailure({ code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr }, full, /no space left on the device/, base);
  });

  // A read-only file system, mounted in a private mount namespace (unshare -m) over a folder
  // of our temporary tree, so nothing outside this one process sees it. Needs root.
  const canMount = process.getuid?.() === 0 && spawnSync("unshare", ["-m", "true"]).status === 0;
  it.runIf(canMount)("a read-only file system: the built CLI says so in one line, exit 2", async () => {
    await setUp();
    const readOnly = path.join(repo, "reports");
    await mkdir(readOnly);
    const script = 'mount -t tmpfs -o ro tmpfs "$1" && cd "$2" && exec node "$3" --format terminal --format markdown=reports/summary.md';
    const run = spawnSync("unshare", ["-m", "sh", "-c", script, "sh", readOnly, repo, BUILT_CLI], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    await expectCleanFailure({ code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr }, "reports/summary.md", /the file system is read-only/, readOnly);
  });
});
