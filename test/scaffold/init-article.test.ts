import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/model/result.js";
import { PACKAGE_WORKFLOW } from "../../src/scaffold/package-files.js";
import { runCli } from "../helpers/cli.js";

const SEED_ARTICLE = "/work/shared/seed/article.txt";
const ARTICLE_TEXT = existsSync(SEED_ARTICLE)
  ? await readFile(SEED_ARTICLE, "utf8")
  : "Space: A realm of cooperation\nThe heads of two agencies met on Thursday. They spoke for an hour.\n";

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "claimcheck-init-")));
  // A repository's top: the search for a project never leaves it.
  await mkdir(path.join(dir, "project", ".git"), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("claimcheck init", () => {
  it("writes the project's files, copies the package's workflow, and ignores reports/", async () => {
    const project = path.join(dir, "project");
    const run = await runCli(["init"], project);
    expect(run.code).toBe(0);
    for (const file of ["claimcheck.config.yaml", "sources/entities.yaml", ".github/workflows/claimcheck.yml", "README.md", ".gitignore"]) {
      expect(run.stdout).toContain(`created ${file}`);
    }
    expect(await readFile(path.join(project, ".github/workflows/claimcheck.yml"), "utf8")).toBe(await readFile(PACKAGE_WORKFLOW, "utf8"));
    expect((await readFile(path.join(project, ".gitignore"), "utf8")).split("\n")).toEqual(expect.arrayContaining(["reports/", "node_modules/"]));
    // With no article yet, a check says what to add (and is no silent pass).
    const check = await runCli([], project);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain("claimcheck new article");
  });

  it("never overwrites: a second init changes nothing and exits 2, naming the files", async () => {
    const project = path.join(dir, "project");
    await writeFile(path.join(project, "README.md"), "# mine\n");
    await writeFile(path.join(project, ".gitignore"), "dist/\nreports\n");
    const first = await runCli(["init"], project);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("kept README.md (it exists; not overwritten)");
    expect(await readFile(path.join(project, "README.md"), "utf8")).toBe("# mine\n");
    // Existing lines stay; only the missing one is added.
    expect(await readFile(path.join(project, ".gitignore"), "utf8")).toMatch(/^dist\/\nreports\n\n# claimcheck: .*\nnode_modules\/\n$/);
    const config = await readFile(path.join(project, "claimcheck.config.yaml"), "utf8");
    const second = await runCli(["init"], project);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("claimcheck.config.yaml and sources/entities.yaml already exist");
    expect(await readFile(path.join(project, "claimcheck.config.yaml"), "utf8")).toBe(config);
  });

  it("refuses inside another project, and -C starts one elsewhere", async () => {
    const project = path.join(dir, "project");
    expect((await runCli(["init"], project)).code).toBe(0);
    await mkdir(path.join(project, "sources", "deep"), { recursive: true });
    const inside = await runCli(["init"], path.join(project, "sources", "deep"));
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain(`inside the claimcheck project at ${project}`);
    expect(existsSync(path.join(project, "sources", "deep", "claimcheck.config.yaml"))).toBe(false);
    const elsewhere = await runCli(["init", "-C", path.join(dir, "other")], project);
    expect(elsewhere.code).toBe(0);
    expect(existsSync(path.join(dir, "other", "claimcheck.config.yaml"))).toBe(true);
  });
});

describe("claimcheck new article", () => {
  it("records the snapshot's sha256 as the check computes it: the first run is green, from any folder", async () => {
    const project = path.join(dir, "project");
    await runCli(["init"], project);
    const textFile = path.join(dir, "article.txt");
    await writeFile(textFile, ARTICLE_TEXT);
    const made = await runCli(["new", "article", "--url", "https://example.org/news/space-talks", "--snapshot", textFile, "--published", "2025-08-02"], project);
    expect(made.code).toBe(0);
    const id = "example-org-space-talks";
    const expected = createHash("sha256").update(ARTICLE_TEXT).digest("hex");
    expect(made.stdout).toContain(`created sources/${id}.yaml (snapshot sha256 ${expected})`);
    expect(made.stdout).toContain(`created claims/${id}/article.yaml`);
    expect(await readFile(path.join(project, "sources", "snapshots", `${id}.txt`), "utf8")).toBe(ARTICLE_TEXT);
    const record = await readFile(path.join(project, "sources", `${id}.yaml`), "utf8");
    expect(record).toContain(`title: "${ARTICLE_TEXT.split("\n")[0]}"`);

    const run = await runCli(["--format", "json"], path.join(project, "claims", id));
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as RunResult;
    expect(result.summary.errors).toBe(0);
    expect(result.diagnostics.map((d) => d.ruleId)).not.toContain("snapshot-valid");

    // The same command again refuses, naming what exists.
    const again = await runCli(["new", "article", "--url", "https://example.org/news/space-talks", "--snapshot", textFile], project);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`sources/${id}.yaml, claims/${id}/article.yaml, sources/snapshots/${id}.txt already exist; nothing was written`);
  });

  it("a changed snapshot reports the actual hash and the command that records it; rehash makes the run green", async () => {
    const project = path.join(dir, "project");
    await runCli(["init"], project);
    await mkdir(path.join(project, "texts"));
    await writeFile(path.join(project, "texts", "a.txt"), ARTICLE_TEXT);
    // A file inside the project is referred to where it is, not copied.
    const made = await runCli(["new", "article", "--id", "my-article", "--title", "My article", "--url", "https://example.org/a", "--snapshot", "texts/a.txt"], project);
    expect(made.code).toBe(0);
    expect(await readFile(path.join(project, "sources", "my-article.yaml"), "utf8")).toContain("  path: ../texts/a.txt\n");
    await appendFile(path.join(project, "texts", "a.txt"), "A corrected line.\n");
    const actual = createHash("sha256").update(`${ARTICLE_TEXT}A corrected line.\n`).digest("hex");
    const failing = await runCli(["--format", "json"], project);
    expect(failing.code).toBe(1);
    const finding = (JSON.parse(failing.stdout) as RunResult).diagnostics.find((d) => d.ruleId === "snapshot-valid");
    expect(finding?.messageId).toBe("hashMismatch");
    expect(finding?.data).toMatchObject({ actual, source: "my-article" });
    expect(finding?.message).toContain("claimcheck rehash my-article");

    const rehash = await runCli(["rehash", "my-article"], path.join(project, "claims"));
    expect(rehash.code).toBe(0);
    expect(rehash.stdout).toContain(`→ ${actual}`);
    expect((await runCli(["--format", "json"], project)).code).toBe(0);
    expect((await runCli(["rehash", "my-articel"], project)).stderr).toContain('did you mean "my-article"');
  });

  it("says what is missing without a terminal, and refuses a snapshot that is not there", async () => {
    const project = path.join(dir, "project");
    await runCli(["init"], project);
    const missing = await runCli(["new", "article"], project);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("new article needs --url, --snapshot");
    const absent = await runCli(["new", "article", "--url", "https://example.org/a", "--snapshot", "nope.txt"], project);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('--snapshot: no file "nope.txt"');
  });
});
