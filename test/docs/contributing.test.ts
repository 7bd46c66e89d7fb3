/**
 * CONTRIBUTING.md's walkthrough cannot rot: its shell blocks are run, in order, in a
 * temporary git repository holding a copy of the project's claims/ and sources/ (and schema/,
 * for the modelines), with `npx claimcheck` standing for the built command line. A block
 * must exit 0, or the code its `# exits N` comment names; a `text` block after it lists lines
 * its output must contain.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.js";
import { runShell, type ShellRun } from "./shell.js";

const WALKTHROUGH = "## Your first claim, step by step";
/** Commands of the walkthrough the test does not run: the temporary copy uses this checkout's install. */
const SETUP_ONLY = new Set(["npm ci"]);

interface Block {
  lang: string;
  body: string;
  /** 1-based line of the opening fence in CONTRIBUTING.md. */
  line: number;
}

function walkthroughBlocks(markdown: string): Block[] {
  const start = markdown.indexOf(`\n${WALKTHROUGH}\n`);
  if (start < 0) throw new Error(`CONTRIBUTING.md has no "${WALKTHROUGH}" section`);
  const rest = markdown.slice(start + 1);
  const end = rest.indexOf("\n## ", WALKTHROUGH.length);
  const section = end < 0 ? rest : rest.slice(0, end);
  const offset = markdown.slice(0, start + 1).split("\n").length - 1;
  const blocks: Block[] = [];
  const lines = section.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.startsWith("```")) body.push(lines[j++]!);
    blocks.push({ lang: open[1]!, body: `${body.join("\n")}\n`, line: offset + i + 1 });
    i = j;
  }
  return blocks;
}

async function gitCopy(): Promise<{ dir: string; env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
  const top = await mkdtemp(path.join(os.tmpdir(), "claimcheck-contributing-"));
  const dir = path.join(top, "claimcheck");
  for (const entry of ["claims", "sources", "schema", ".gitignore", "claimcheck.config.yaml"]) {
    if (existsSync(path.join(REPO_ROOT, entry))) await cp(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  await writeFile(path.join(top, "gitconfig"), "");
  const env = {
    GIT_AUTHOR_NAME: "New Contributor",
    GIT_AUTHOR_EMAIL: "newcomer@example.org",
    GIT_COMMITTER_NAME: "New Contributor",
    GIT_COMMITTER_EMAIL: "newcomer@example.org",
    GIT_CONFIG_GLOBAL: path.join(top, "gitconfig"),
    GIT_CONFIG_NOSYSTEM: "1",
  };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env: { ...process.env, ...env } });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "the project as cloned");
  return { dir, env, cleanup: () => rm(top, { recursive: true, force: true }) };
}

describe("CONTRIBUTING.md", () => {
  it("walks a newcomer from a clone to a green run with a new claim and source, and shows a red run naming file and line", async () => {
    const markdown = await readFile(path.join(REPO_ROOT, "CONTRIBUTING.md"), "utf8");
    const blocks = walkthroughBlocks(markdown);
    const { dir, env, cleanup } = await gitCopy();
    const runs: Array<ShellRun & { expectedCode: number; line: number }> = [];
    const skipped: string[] = [];
    try {
      let last: (ShellRun & { expectedCode: number; line: number }) | undefined;
      for (const block of blocks) {
        if (block.lang === "sh") {
          const lines = block.body.split("\n");
          skipped.push(...lines.filter((l) => SETUP_ONLY.has(l.trim())));
          const script = lines.filter((l) => !SETUP_ONLY.has(l.trim())).join("\n");
          if (script.trim() === "") {
            last = undefined;
            continue;
          }
          const expectedCode = Number(/# exits (\d+)/.exec(script)?.[1] ?? 0);
          const run = await runShell(script, dir, env);
          last = { ...run, expectedCode, line: block.line };
          runs.push(last);
          expect(run.code, `CONTRIBUTING.md:${block.line} exits ${expectedCode}\n${script}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`).toBe(expectedCode);
        } else if (block.lang === "text") {
          if (!last) throw new Error(`CONTRIBUTING.md:${block.line}: a text block that follows no command`);
          const output = last.stdout + last.stderr;
          for (const line of block.body.split("\n").map((l) => l.trim()).filter(Boolean)) {
            expect(output, `CONTRIBUTING.md:${block.line}: the output of the command at line ${last.line} shows "${line}"`).toContain(line);
          }
        }
      }

      expect(skipped).toEqual(["npm ci"]);
      const commands = runs.map((r) => r.command).join("\n");
      for (const step of ["npx claimcheck new source", "npx claimcheck new entity", "npx claimcheck new claim", "npx claimcheck explain", "npx claimcheck --changed main"]) {
        expect(commands).toContain(step);
      }

      // The red run: exactly one failing check, and the documented output names file, line and column.
      const red = runs.filter((r) => r.expectedCode === 1);
      expect(red).toHaveLength(1);
      const redText = blocks.find((b) => b.lang === "text" && b.line > red[0]!.line)!;
      expect(redText.body).toMatch(/^claims\/[^:\s]+\.yaml:\d+:\d+ {2}error {2}quote not found/m);

      // The run after it, and the last full run, are green with the new claim in them.
      const fullRuns = runs.filter((r) => /^npx claimcheck\s*$/m.test(r.command));
      expect(fullRuns.at(-1)!.code).toBe(0);
      const result = JSON.parse(await readFile(path.join(dir, "reports/result.json"), "utf8")) as {
        claims: Array<{ id: string; status: string }>;
        summary: { failed: number; errors: number };
      };
      expect(result.claims.find((c) => c.id === "c19-apollo-soyuz-anniversary-2025")?.status).toBe("pass");
      expect(result.summary).toMatchObject({ failed: 0, errors: 0 });

      // And the walkthrough's commit holds the new claim, source and entity.
      const committed = execFileSync("git", ["show", "--name-only", "--format=", "HEAD"], { cwd: dir, encoding: "utf8" }).trim().split("\n");
      expect(committed.sort()).toEqual([
        "claims/rt-2025-space-cooperation/c19-apollo-soyuz-anniversary-2025.yaml",
        "sources/entities.yaml",
        "sources/interfax-2025-07-15-krikalev-gala.yaml",
      ]);
    } finally {
      await cleanup();
    }
  }, 180_000);
});
