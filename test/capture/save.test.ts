import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { glob } from "tinyglobby";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { writeRepoFile } from "../../src/capture/repo-file.js";
import { editRecord } from "../../src/capture/save.js";
import { loadYaml } from "../../src/load/yaml-load.js";
import type { SnapshotRecord } from "../../src/project/types.js";
import { validateDoc } from "../../src/schema/validate.js";
import { REPO_ROOT } from "../helpers/cli.js";

const SNAPSHOT: SnapshotRecord = {
  path: "snapshots/demo-wire.txt",
  sha256: "a".repeat(64),
  "text-sha256": "b".repeat(64),
  retrieved: "2026-01-15T12:00:00Z",
  "final-URL": "https://example.org/demo-wire?page=1#top",
  "http-status": 200,
  "content-type": "text/html; charset=windows-1251",
  encoding: "windows-1251",
};

const RECORD = `# yaml-language-server: $schema=../schema/source.schema.json
id: demo-wire   # the wire report
type: article-newspaper
title: "Agency heads hold first talks since 2018"
URL: https://example.org/demo-wire
language: en
reliability: wire
# Excerpts are verbatim.
excerpts:
  - id: this-meeting
    text: "The heads met at Kennedy Space Center on July 31."
`;

/** The lines of `after` that are not in `before`, and the reverse: what a diff would show. */
function diffLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

function valid(file: string, text: string): string[] {
  const loaded = loadYaml(file, new TextEncoder().encode(text));
  if (!loaded.ok) return loaded.diagnostics.map((d) => d.message);
  return validateDoc(loaded.doc, "source").map((d) => `${d.at.path}: ${d.message}`);
}

describe("editRecord", () => {
  it("adds the snapshot before the excerpts, changing no other line", () => {
    const edited = editRecord(RECORD, SNAPSHOT, undefined);
    const diff = diffLines(RECORD, edited);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual([
      "snapshot:",
      "  path: snapshots/demo-wire.txt",
      `  sha256: ${"a".repeat(64)}`,
      `  text-sha256: ${"b".repeat(64)}`,
      "  retrieved: 2026-01-15T12:00:00Z",
      "  final-URL: https://example.org/demo-wire?page=1#top",
      "  http-status: 200",
      "  content-type: text/html; charset=windows-1251",
      "  encoding: windows-1251",
    ]);
    expect(edited.indexOf("snapshot:")).toBeLessThan(edited.indexOf("# Excerpts are verbatim."));
    expect(parse(edited).snapshot).toEqual(SNAPSHOT);
    expect(valid("sources/demo-wire.yaml", edited)).toEqual([]);
  });

  it("replaces a snapshot where it stands, and puts the archive's address after the URL", () => {
    const once = editRecord(RECORD, SNAPSHOT, undefined);
    const twice = editRecord(once, { ...SNAPSHOT, sha256: "c".repeat(64), mode: "excerpts" }, { url: "https://web.archive.org/web/20260115120000/https://example.org/demo-wire", captured: "2026-01-15T12:00:00Z" });
    const diff = diffLines(once, twice);
    expect(diff.removed).toEqual([`  sha256: ${"a".repeat(64)}`]);
    expect(diff.added).toEqual([
      "archive-URL: https://web.archive.org/web/20260115120000/https://example.org/demo-wire",
      "archive-captured: 2026-01-15T12:00:00Z",
      `  sha256: ${"c".repeat(64)}`,
      "  mode: excerpts",
    ]);
    expect(twice).toContain("URL: https://example.org/demo-wire\narchive-URL: https://web.archive.org/");
    expect(valid("sources/demo-wire.yaml", twice)).toEqual([]);
  });

  it("on every source record of the repository: only snapshot lines change, and the record stays valid", async () => {
    const files = await glob(["sources/*.yaml"], { cwd: REPO_ROOT, ignore: ["sources/entities.yaml"] });
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) {
      const before = await readFile(path.join(REPO_ROOT, file), "utf8");
      const data = parse(before) as { id: string; snapshot?: unknown };
      const edited = editRecord(before, { ...SNAPSHOT, path: `snapshots/${data.id}.txt` }, undefined);
      expect(valid(file, edited), file).toEqual([]);
      const diff = diffLines(before, edited);
      expect(diff.removed.every((l) => l.startsWith("  ")), file).toBe(true);
      expect(diff.added.every((l) => l === "snapshot:" || l.startsWith("  ")), file).toBe(true);
      const { snapshot: _old, ...rest } = parse(before) as Record<string, unknown>;
      const { snapshot, ...restAfter } = parse(edited) as Record<string, unknown>;
      expect(restAfter, file).toEqual(rest);
      expect(snapshot, file).toEqual({ ...SNAPSHOT, path: `snapshots/${data.id}.txt` });
    }
  });
});

describe("writeRepoFile", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  const repo = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-repo-file-"));
    dirs.push(dir);
    const outside = await mkdtemp(path.join(os.tmpdir(), "claimcheck-outside-"));
    dirs.push(outside);
    return { dir, outside };
  };

  it("writes a file inside the repository, making its folder", async () => {
    const { dir } = await repo();
    await writeRepoFile(dir, "sources/snapshots/a.txt", "text\n");
    expect(await readFile(path.join(dir, "sources/snapshots/a.txt"), "utf8")).toBe("text\n");
    await writeRepoFile(dir, "sources/snapshots/a.txt", "new\n");
    expect(await readFile(path.join(dir, "sources/snapshots/a.txt"), "utf8")).toBe("new\n");
  });

  it("refuses paths out of the repository or into .git", async () => {
    const { dir } = await repo();
    await expect(writeRepoFile(dir, "../escape.txt", "x")).rejects.toThrow(/outside the repository/);
    await expect(writeRepoFile(dir, "sources/../../escape.txt", "x")).rejects.toThrow(/outside the repository/);
    await expect(writeRepoFile(dir, ".git/hooks/pre-commit", "x")).rejects.toThrow(/inside \.git/);
  });

  it("refuses a folder that is a symbolic link leading out, and a target that is a link", async () => {
    const { dir, outside } = await repo();
    await mkdir(path.join(dir, "sources"), { recursive: true });
    await symlink(outside, path.join(dir, "sources/snapshots"));
    await expect(writeRepoFile(dir, "sources/snapshots/a.txt", "x")).rejects.toThrow(/leads outside the repository/);
    await writeFile(path.join(outside, "victim.txt"), "keep me");
    await mkdir(path.join(dir, "other"));
    await symlink(path.join(outside, "victim.txt"), path.join(dir, "other/b.txt"));
    await expect(writeRepoFile(dir, "other/b.txt", "x")).rejects.toThrow(/not a regular file/);
    expect(await readFile(path.join(outside, "victim.txt"), "utf8")).toBe("keep me");
  });

  it("leaves a FIFO at the target alone", async () => {
    const { dir } = await repo();
    const made = spawnSync("mkfifo", [path.join(dir, "fifo.txt")], { stdio: "ignore" });
    if (made.status !== 0) return; // no mkfifo: nothing to test here
    await expect(writeRepoFile(dir, "fifo.txt", "x")).rejects.toThrow(/not a regular file/);
  });
});
