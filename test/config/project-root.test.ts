import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/config/project-root.js";
import { copyDataset, runCli } from "../helpers/cli.js";

describe("findProjectRoot", () => {
  let top: string;
  beforeEach(async () => {
    top = await realpath(await mkdtemp(path.join(os.tmpdir(), "claimcheck-root-")));
  });
  afterEach(async () => {
    await rm(top, { recursive: true, force: true });
  });

  it("finds the nearest folder holding claims/ from a folder inside it", async () => {
    const project = path.join(top, "project");
    await mkdir(path.join(project, "claims", "an-article"), { recursive: true });
    expect(await findProjectRoot(path.join(project, "claims", "an-article"))).toEqual({ root: project, foundBy: "claims" });
    expect(await findProjectRoot(path.join(project, "claims"))).toEqual({ root: project, foundBy: "claims" });
    expect(await findProjectRoot(project)).toEqual({ root: project, foundBy: "claims" });
  });

  it("finds the configuration file before a claims/ folder further up", async () => {
    const outer = path.join(top, "outer");
    const inner = path.join(outer, "checks");
    await mkdir(path.join(outer, "claims"), { recursive: true });
    await mkdir(path.join(inner, "sources"), { recursive: true });
    await writeFile(path.join(inner, "claimcheck.config.yaml"), "articles: fact-checks\n");
    expect(await findProjectRoot(path.join(inner, "sources"))).toEqual({ root: inner, foundBy: "config" });
  });

  it("stops at the first folder holding .git: a project above the repository is not this one's", async () => {
    const parent = path.join(top, "parent");
    const repo = path.join(parent, "repo");
    await mkdir(path.join(parent, "claims"), { recursive: true });
    await mkdir(path.join(repo, ".git"), { recursive: true });
    await mkdir(path.join(repo, "docs"), { recursive: true });
    expect(await findProjectRoot(path.join(repo, "docs"))).toEqual({ root: path.join(repo, "docs"), foundBy: "cwd" });
    // A .git file (a worktree or submodule) is a repository's top too.
    await rm(path.join(repo, ".git"), { recursive: true });
    await writeFile(path.join(repo, ".git"), "gitdir: elsewhere\n");
    expect((await findProjectRoot(path.join(repo, "docs"))).foundBy).toBe("cwd");
    // The repository's own claims/ is still found at its top.
    await mkdir(path.join(repo, "claims"));
    expect(await findProjectRoot(path.join(repo, "docs"))).toEqual({ root: repo, foundBy: "claims" });
  });

  it("takes -C as the root itself, searching nothing", async () => {
    await mkdir(path.join(top, "claims"));
    expect(await findProjectRoot(top, "sub")).toEqual({ root: path.join(top, "sub"), foundBy: "flag" });
  });

  it("a file named claims is not a project", async () => {
    const dir = path.join(top, "x");
    await mkdir(path.join(dir, ".git"), { recursive: true });
    await writeFile(path.join(dir, "claims"), "");
    expect((await findProjectRoot(dir)).foundBy).toBe("cwd");
  });
});

describe("every command finds the project from a folder inside it", () => {
  it("checks the whole project from claims/<article>/, and a path there is read from that folder", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const articleFolder = path.join(dir, "claims", "rt-2025-space-cooperation");
      const whole = await runCli(["--format", "json"], articleFolder);
      const fromRoot = await runCli(["--format", "json"], dir);
      expect(whole.code).toBe(fromRoot.code);
      expect(JSON.parse(whole.stdout)).toEqual(JSON.parse(fromRoot.stdout));
      // A claim named relative to the working directory, as a shell completes it.
      const one = await runCli(["--format", "json", "c01-bakanov-head-of-roscosmos.yaml"], articleFolder);
      const result = JSON.parse(one.stdout) as { claims: Array<{ file: string }> };
      expect(result.claims.map((c) => c.file)).toEqual(["claims/rt-2025-space-cooperation/c01-bakanov-head-of-roscosmos.yaml"]);
      // explain and new find it too.
      const explain = await runCli(["explain", "c01-bakanov-head-of-roscosmos"], path.join(dir, "sources"));
      expect(explain.code).toBe(0);
      const created = await runCli(["new", "entity", "--id", "some-agency", "--label", "Some agency", "--type", "organisation"], articleFolder);
      expect(created.code).toBe(0);
      expect(created.stdout).toContain("sources/entities.yaml");
    } finally {
      await cleanup();
    }
  });

  it("outside any project it says so and names claimcheck init", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-empty-"));
    try {
      await mkdir(path.join(dir, ".git"));
      const run = await runCli([], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("no claimcheck project in");
      expect(run.stderr).toContain("claimcheck init");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
