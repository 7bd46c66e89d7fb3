import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshot } from "../../src/load/snapshot.js";
import { runCheck } from "../../src/engine/run.js";
import { baseOptions } from "../../src/options/run-options.js";
import { parsePartialDate } from "../../src/time/partial-date.js";
import { runCli } from "../helpers/cli.js";

// A path written in a file — a source's snapshot — must never lead the runner out of the
// repository: not absolutely, not through "..", not through a symbolic link. The same holds
// for claim and source files that are themselves links out of the repository.

let base: string;
let repo: string;
let outside: string;
const SECRET = "top secret text outside the repository\n";
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), "claimcheck-security-"));
  repo = path.join(base, "repo");
  outside = path.join(base, "outside");
  await mkdir(path.join(repo, "sources", "snapshots"), { recursive: true });
  await mkdir(path.join(repo, "claims", "demo"), { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, "secret.txt"), SECRET);
  await writeFile(path.join(outside, "source.yaml"), "id: leaked\ntype: webpage\ntitle: Outside\nURL: https://example.org/x\nkind: unknown\nstanding: unreliable\n");
  await writeFile(path.join(repo, "sources", "snapshots", "inside.txt"), "inside text\n");
  await symlink(path.join(outside, "secret.txt"), path.join(repo, "sources", "snapshots", "link-out.txt"));
  await symlink(path.join(outside), path.join(repo, "sources", "snapshots", "dir-out"));
  await symlink(path.join(repo, "sources", "snapshots", "inside.txt"), path.join(repo, "sources", "snapshots", "link-in.txt"));
  await symlink(path.join(outside, "source.yaml"), path.join(repo, "sources", "linked-source.yaml"));
  await symlink(outside, path.join(repo, "sources", "linked-dir"));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("readSnapshot keeps to the repository", () => {
  const refused: Array<[string, string]> = [
    ["an absolute path", "/etc/passwd"],
    ["an absolute path to the secret", "ABSOLUTE_SECRET"],
    ["a path up and out", "../../outside/secret.txt"],
    ["a path that climbs out through its own folder", "snapshots/../../../outside/secret.txt"],
    ["a deep climb", "../../../../../../../../../../etc/passwd"],
    ["a symbolic link to a file outside", "snapshots/link-out.txt"],
    ["a path through a symbolic link to a folder outside", "snapshots/dir-out/secret.txt"],
    ["a NUL byte", "snapshots/inside.txt\u0000.png"],
  ];
  it.each(refused)("refuses %s", async (_label, snapshotPath) => {
    const p = snapshotPath === "ABSOLUTE_SECRET" ? path.join(outside, "secret.txt") : snapshotPath;
    const state = await readSnapshot(repo, "sources/a.yaml", p);
    expect(state.ok).toBe(false);
    if (!state.ok) expect(state.problem).toBe("outside");
    expect(JSON.stringify(state)).not.toContain("top secret");
  });

  it("still reads paths that stay inside, through '..' or a link that stays inside", async () => {
    for (const p of ["snapshots/inside.txt", "../sources/snapshots/inside.txt", "snapshots/link-in.txt", "./snapshots/./inside.txt"]) {
      const state = await readSnapshot(repo, "sources/a.yaml", p);
      expect(state).toMatchObject({ ok: true, text: "inside text\n" });
    }
  });

  it("works when the repository root is itself reached through a symbolic link", async () => {
    const alias = path.join(base, "repo-alias");
    await symlink(repo, alias);
    expect(await readSnapshot(alias, "sources/a.yaml", "snapshots/inside.txt")).toMatchObject({ ok: true });
    expect((await readSnapshot(alias, "sources/a.yaml", "snapshots/link-out.txt")).ok).toBe(false);
  });
});

describe("a run refuses snapshot paths that leave the repository", () => {
  it("reports snapshot-valid 'outside' for each, and never reads the outside file", async () => {
    const cases = {
      absolute: path.join(outside, "secret.txt"),
      climb: "../../outside/secret.txt",
      "link-out": "snapshots/link-out.txt",
      "dir-out": "snapshots/dir-out/secret.txt",
    };
    for (const [id, p] of Object.entries(cases)) {
      await writeFile(
        path.join(repo, "sources", `${id}.yaml`),
        `id: ${id}\ntype: webpage\ntitle: T\nURL: https://example.org/${id}\nkind: unknown\nstanding: unreliable\nsnapshot:\n  path: ${JSON.stringify(p)}\n  sha256: ${sha(SECRET)}\n`,
      );
    }
    const result = await runCheck({ ...baseOptions(repo), today: parsePartialDate("2025-11-25")! });
    for (const id of Object.keys(cases)) {
      const findings = result.diagnostics.filter((d) => d.at.file === `sources/${id}.yaml` && d.ruleId === "snapshot-valid");
      expect(findings.map((d) => d.messageId)).toEqual(["outside"]);
    }
    // The secret's hash was written down as the expected one: a read would have "matched" it.
    expect(JSON.stringify(result)).not.toContain("top secret");
    expect(result.diagnostics.some((d) => d.messageId === "hashMismatch")).toBe(false);
  });

  it("does not read claim or source files that are symbolic links out of the repository", async () => {
    const result = await runCheck({ ...baseOptions(repo), today: parsePartialDate("2025-11-25")! });
    const files = new Set([...result.sources.map((s) => s.file), ...result.diagnostics.map((d) => d.at.file)]);
    expect([...files].some((f) => f.includes("linked-source") || f.includes("linked-dir"))).toBe(false);
    expect(result.sources.some((s) => s.id === "leaked")).toBe(false);
  });
});

describe("folders a glob starts in, linked out of the repository", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "claimcheck-linked-"));
    await mkdir(path.join(root, "repo", "sources"), { recursive: true });
    await mkdir(path.join(root, "elsewhere", "art"), { recursive: true });
    await writeFile(path.join(root, "elsewhere", "art", "c1.yaml"), `id: c1\ntext: "${SECRET.trim()}"\n`);
    await writeFile(path.join(root, "elsewhere", "leaked.yaml"), `id: leaked\ntitle: "${SECRET.trim()}"\n`);
    await writeFile(path.join(root, "repo", "sources", "entities.yaml"), "entities: {}\n");
    // claims/ itself is a link to a folder outside the repository.
    await symlink(path.join(root, "elsewhere"), path.join(root, "repo", "claims"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("are refused with one finding each; nothing under them is read or echoed (through the CLI)", async () => {
    const repoDir = path.join(root, "repo");
    await writeFile(path.join(repoDir, "claimcheck.config.yaml"), 'sources: ["sources/**/*.yaml", "claims/**/*.yaml"]\n');
    const out = path.join(root, "result.json");
    const run = await runCli(["--format", "terminal", "--format", `json=${out}`], repoDir);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain("top secret");
    const result = JSON.parse(await readFile(out, "utf8")) as { diagnostics: Array<{ at: { file: string }; messageId: string; message: string }> };
    expect(JSON.stringify(result)).not.toContain("top secret");
    const refused = result.diagnostics.filter((d) => d.messageId === "linkedFolder");
    expect(refused.map((d) => [d.at.file, d.message])).toEqual([["claims", 'folder "claims" leaves the repository through a symbolic link; nothing in it is read']]);
    expect(run.stdout).toContain('folder "claims" leaves the repository through a symbolic link');
  });
});

describe("snapshot paths into .git and other risky places", () => {
  const TOKEN = "AUTHORIZATION: basic c2VjcmV0LXRva2Vu";
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "claimcheck-gitdir-"));
    await mkdir(path.join(root, ".git"), { recursive: true });
    await writeFile(path.join(root, ".git", "config"), `[http "https://github.com/"]\n\textraheader = ${TOKEN}\n`);
    await mkdir(path.join(root, "node_modules", ".cache", "claimcheck"), { recursive: true });
    await writeFile(path.join(root, "node_modules", ".cache", "claimcheck", "files.v8"), TOKEN);
    await writeFile(path.join(root, ".env"), `TOKEN=${TOKEN}\n`);
    await mkdir(path.join(root, "sources", "snapshots"), { recursive: true });
    await mkdir(path.join(root, "claims", "a"), { recursive: true });
    await symlink(path.join(root, ".git", "config"), path.join(root, "sources", "snapshots", "innocent.txt"));
    await symlink(path.join(root, ".git"), path.join(root, "sources", "snapshots", "meta"));
    await writeFile(path.join(root, "sources", "entities.yaml"), "entities: {}\n");
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("are refused, and no hint ever shows what they hold (through the CLI)", async () => {
    const cases: Record<string, string> = {
      "up-into-git": "../.git/config",
      "into-git": ".git/config",
      "round-trip": "../sources/../.git/config",
      "upper-case": "../.GIT/config",
      "link-to-config": "snapshots/innocent.txt",
      "link-to-git": "snapshots/meta/config",
      "cache-file": "../node_modules/.cache/claimcheck/files.v8",
      "dotenv": "../.env",
    };
    const citations: string[] = [];
    for (const [id, p] of Object.entries(cases)) {
      await writeFile(
        path.join(root, "sources", `${id}.yaml`),
        `id: ${id}\ntype: webpage\ntitle: T\nURL: https://example.org/${id}\nkind: unknown\nstanding: unreliable\nsnapshot:\n  path: ${JSON.stringify(p)}\n  sha256: ${sha("x")}\n`,
      );
      // A misquote of the line with the token: a read snapshot would show the token in the closest-passage hint.
      citations.push(`  - source: ${id}\n    quote: "extraheader = AUTHORIZATION: basic GUESSED"`);
    }
    await writeFile(path.join(root, "claims", "a", "c1.yaml"), `id: c1\ntext: t\nas-of: "2025-01-01"\nverdict: supported\nrationale: r\ncitations:\n${citations.join("\n")}\n`);
    const out = path.join(root, "result.json");
    const run = await runCli(["--format", "terminal", "--format", `json=${out}`], root);
    expect(run.stdout + run.stderr).not.toContain("c2VjcmV0");
    const text = await readFile(out, "utf8");
    expect(text).not.toContain("c2VjcmV0");
    const result = JSON.parse(text) as { diagnostics: Array<{ at: { file: string; line: number }; ruleId: string; messageId: string; message: string }> };
    for (const id of Object.keys(cases)) {
      const findings = result.diagnostics.filter((d) => d.at.file === `sources/${id}.yaml` && d.ruleId === "snapshot-valid");
      expect(findings.map((d) => d.messageId), id).toEqual(["refused"]);
      expect(findings[0]!.at.line, id).toBe(8); // the snapshot's path line
    }
    expect(result.diagnostics.find((d) => d.at.file === "sources/up-into-git.yaml")!.message).toBe('snapshot path "../.git/config" leads into .git; it is not read');
    expect(result.diagnostics.find((d) => d.at.file === "sources/link-to-config.yaml")!.message).toBe(
      'snapshot path "snapshots/innocent.txt" leads into the git folder through a symbolic link; it is not read',
    );
  });
});
