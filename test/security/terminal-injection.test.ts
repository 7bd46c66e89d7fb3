import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pc from "picocolors";
import { afterEach, describe, expect, it } from "vitest";
import { describeResultChanges } from "../../src/cli/commands/watch.js";
import type { RunResult } from "../../src/model/result.js";
import { claimFailureMessage } from "../../src/vitest.js";
import { BUILT_CLI } from "../docs/shell.js";
import { REPO_ROOT, runCli } from "../helpers/cli.js";
import { makeRepo, type TempRepo } from "../git/repo.js";

// Output a CI log trusts: no file-derived text may reach the terminal raw. A newline in a
// YAML key or a file name would otherwise let a pull request print `::stop-commands::…` or
// `::error file=…::` lines into the log (muting or faking annotations); ESC, OSC 8 and other
// controls would colour, retitle or link; a bidi override would reorder what a reader sees.

/** A name with every trick: ESC and OSC 8, newlines that start workflow commands, a bidi override. */
const HOSTILE = "x\u001b[2J\u001b]8;;evil.example\u0007ln\n::stop-commands::pwn\r\n::error file=a::fake\u202e";

/** The first thing in `text` that a terminal or CI log must not get, or undefined. */
function problem(text: string): string | undefined {
  const control = text.search(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
  if (control >= 0) return `control character in ${JSON.stringify(text.slice(Math.max(0, control - 60), control + 30))}`;
  const line = text.split("\n").find((l) => l.trimStart().startsWith("::"));
  return line === undefined ? undefined : `workflow command line ${JSON.stringify(line)}`;
}

let repo: TempRepo | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function datasetCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-injection-"));
  dirs.push(dir);
  await cp(path.join(REPO_ROOT, "claims"), path.join(dir, "claims"), { recursive: true });
  await cp(path.join(REPO_ROOT, "sources"), path.join(dir, "sources"), { recursive: true });
  return dir;
}

function runBuilt(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("node", [BUILT_CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: undefined } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("file-derived text never reaches the terminal raw", () => {
  it("the built CLI: hostile file names and a hostile YAML key in a claim (terminal report on stdout)", async () => {
    const dir = await datasetCopy();
    const article = path.join(dir, "claims", "rt-2025-space-cooperation");
    await writeFile(path.join(article, `c-${HOSTILE}.yaml`), `id: c-hostile\n${JSON.stringify(`key${HOSTILE}`)}: 1\n`);
    await writeFile(path.join(dir, "sources", `s-${HOSTILE}.yaml`), "id: [unclosed\n");
    const run = await runBuilt(["--format", "terminal", "--verbose"], dir);
    expect(run.code).toBe(1);
    expect(problem(run.stdout)).toBeUndefined();
    expect(problem(run.stderr)).toBeUndefined();
    // Shown, not dropped: the reader sees what the name holds.
    expect(run.stdout).toContain("c-x␛[2J␛]8;;evil.example␇ln␊::stop-commands::pwn␍␊::error file=a::fake<U+202E>.yaml:");
    expect(run.stdout).toContain('unknown key "keyx␛[2J');
  });

  it("a hostile key in the configuration file: the configuration error is escaped", async () => {
    const dir = await datasetCopy();
    await writeFile(path.join(dir, "claimcheck.config.yaml"), `reports:\n  formats: [${JSON.stringify(`html${HOSTILE}`)}]\n${JSON.stringify(HOSTILE)}: 1\n`);
    const run = await runCli([], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("claimcheck.config.yaml:3:1");
    expect(problem(run.stderr)).toBeUndefined();
    expect(run.stdout).toBe("");
  });

  it("--changed: the selection report names hostile files escaped", async () => {
    repo = await makeRepo();
    await repo.write(`claims/demo/c-${HOSTILE}.yaml`, (await import("node:fs")).readFileSync(path.join(repo.dir, "claims/demo/c1.yaml"), "utf8").replace("id: c1", "id: c9"));
    const run = await runCli(["--changed", "main", "--format", "terminal"], repo.dir);
    expect(run.stderr).toContain("claims/demo/c-x␛[2J");
    expect(problem(run.stderr)).toBeUndefined();
    expect(problem(run.stdout)).toBeUndefined();
  });

  it("explain: a hostile suggestion and hostile ids are escaped", async () => {
    const dir = await datasetCopy();
    // A file whose id does not parse is named by its file's stem, which is then a suggestion.
    await writeFile(path.join(dir, "claims", "rt-2025-space-cooperation", "c-first\n::error::x.yaml"), "id: [unclosed\n");
    const run = await runCli(["explain", "c-first::error::x"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean "c-first␊::error::x"');
    expect(problem(run.stderr)).toBeUndefined();
  });

  it("watch: what changed between two runs names hostile claims and files escaped", () => {
    const claim = (file: string, status: "pass" | "fail") => ({
      id: `id${HOSTILE}`,
      article: "a",
      file,
      text: "t",
      status,
      declared: "supported" as const,
      citations: [],
      diagnostics:
        status === "fail"
          ? [{ ruleId: `r${HOSTILE}`, messageId: "m", data: {}, message: `m${HOSTILE}`, severity: "error" as const, at: { file, line: 1, column: 1 } }]
          : [],
    });
    const result = (claims: ReturnType<typeof claim>[]) =>
      ({ claims, diagnostics: claims.flatMap((c) => c.diagnostics), summary: { claims: claims.length, passed: 0, failed: 0, errors: 0, warnings: 0 } }) as unknown as RunResult;
    const before = result([claim(`claims/a/${HOSTILE}.yaml`, "pass"), claim(`claims/a/gone${HOSTILE}.yaml`, "pass")]);
    const after = result([claim(`claims/a/${HOSTILE}.yaml`, "fail"), claim(`claims/a/new${HOSTILE}.yaml`, "fail")]);
    const out = describeResultChanges(before, after, pc.createColors(false));
    expect(out).toContain("idx␛[2J");
    expect(problem(out)).toBeUndefined();
  });

  it("the vitest plugin: a failing claim's message names hostile ids, files and messages escaped", () => {
    const file = `claims/a/${HOSTILE}.yaml`;
    const message = claimFailureMessage({
      id: `id${HOSTILE}`,
      article: "a",
      file,
      at: { file, line: 1, column: 1 },
      text: "t",
      status: "fail",
      declared: "supported",
      citations: [],
      diagnostics: [
        {
          ruleId: "schema",
          messageId: "m",
          data: {},
          message: `m${HOSTILE}`,
          severity: "error",
          at: { file, line: 1, column: 1 },
          related: [{ message: `r${HOSTILE}`, at: { file, line: 2, column: 1 } }],
        },
      ],
    });
    expect(message).toContain("idx␛[2J");
    expect(problem(message.replaceAll("\n\n", "\n"))).toBeUndefined();
  });
});
