import { readFile, symlink } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/model/result.js";
import { runCli } from "../helpers/cli.js";
import { ARTICLE_TEXT, datasetFiles, makeRepo, type TempRepo } from "./repo.js";

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

/** Runs `claimcheck --changed <ref>` and returns the selected claim ids, the result and the selection report. */
async function changed(r: TempRepo, ref = "main", extra: string[] = []) {
  const run = await runCli(["--changed", ref, "--format", "json", ...extra], r.dir);
  if (run.code === 2) throw new Error(run.stderr);
  const result = JSON.parse(run.stdout) as RunResult;
  return { code: run.code, ids: result.claims.map((c) => c.id).sort(), result, report: run.stderr };
}

describe("--changed against a real git repository", () => {
  it("selects nothing when nothing changed, and says so", async () => {
    repo = await makeRepo();
    const run = await changed(repo);
    expect(run.ids).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report).toContain("selected 0 of 4 claims (changes since main): no claim, source, entity or snapshot changed");
  });

  it("a changed source selects exactly the claims that cite it", async () => {
    repo = await makeRepo();
    const file = path.join(repo.dir, "sources/s1.yaml");
    await repo.write("sources/s1.yaml", `${await readFile(file, "utf8")}note: re-read on a later day\n`);
    const run = await changed(repo);
    expect(run.ids).toEqual(["c1", "c3"]);
    expect(run.code).toBe(0);
    expect(run.report).toContain("selected 2 of 4 claims (changes since main): 2 cite changed source s1");
    expect(run.report).toContain("claims/demo/c3.yaml: cites changed source s1");
  });

  it("a deleted source selects its dependants, and they fail on source-exists", async () => {
    repo = await makeRepo();
    await repo.remove("sources/s2.yaml");
    const run = await changed(repo);
    expect(run.ids).toEqual(["c2", "c3"]);
    expect(run.code).toBe(1);
    expect(run.report).toContain("2 cite deleted source s2");
    for (const claim of run.result.claims) {
      expect(claim.status).toBe("fail");
      expect(claim.diagnostics.map((d) => d.ruleId)).toContain("source-exists");
    }
  });

  it("a changed claim selects itself; an untracked new claim too", async () => {
    repo = await makeRepo();
    await repo.write("claims/demo/c4.yaml", (await readFile(path.join(repo.dir, "claims/demo/c4.yaml"), "utf8")).replace("The cited report says so.", "Source s3 says so."));
    await repo.write("claims/demo/c5.yaml", (await readFile(path.join(repo.dir, "claims/demo/c1.yaml"), "utf8")).replace("id: c1", "id: c5"));
    const run = await changed(repo);
    expect(run.ids).toEqual(["c4", "c5"]);
    expect(run.report).toContain("selected 2 of 5 claims (changes since main): 2 changed");
  });

  it("a changed entity selects the claims whose assert uses it", async () => {
    repo = await makeRepo();
    const registry = path.join(repo.dir, "sources/entities.yaml");
    await repo.write("sources/entities.yaml", (await readFile(registry, "utf8")).replace("Alpha–Beta meeting", "Alpha–Beta meeting, 2020"));
    const run = await changed(repo);
    expect(run.ids).toEqual(["c1", "c3"]);
    expect(run.report).toContain("2 use changed entity meeting-a");
  });

  it("a changed entity selects the claims whose cited sources' facts use it", async () => {
    repo = await makeRepo();
    const registry = path.join(repo.dir, "sources/entities.yaml");
    // harbour appears only as the place of s3's fact; gamma in s2's and s3's facts.
    await repo.write("sources/entities.yaml", (await readFile(registry, "utf8")).replace("label: The harbour", "label: The old harbour"));
    expect((await changed(repo)).ids).toEqual(["c4"]);
    await repo.write("sources/entities.yaml", (await readFile(registry, "utf8")).replace("label: Gamma,", "label: Gamma G.,"));
    const both = await changed(repo);
    expect(both.ids).toEqual(["c2", "c3", "c4"]);
    expect(both.report).toContain("claims/demo/c4.yaml: uses changed entity gamma; uses changed entity harbour");
  });

  it("a removed entity declaration selects its users, which then fail", async () => {
    repo = await makeRepo();
    const registry = path.join(repo.dir, "sources/entities.yaml");
    await repo.write("sources/entities.yaml", (await readFile(registry, "utf8")).replace(/ {2}meeting-b:.*\n/, ""));
    const run = await changed(repo);
    expect(run.ids).toEqual(["c2", "c3"]);
    expect(run.result.claims.every((c) => c.status === "fail")).toBe(true);
  });

  it("a change to a property declaration selects nothing when no fact or assert uses it", async () => {
    repo = await makeRepo();
    const registry = path.join(repo.dir, "sources/entities.yaml");
    await repo.write("sources/entities.yaml", (await readFile(registry, "utf8")).replace("head of", "head of (organisation)"));
    const run = await changed(repo);
    expect(run.ids).toEqual([]);
    expect(run.report).toContain("no claim depends on what changed");
  });

  it("a changed article map or article snapshot selects every claim of the article", async () => {
    repo = await makeRepo();
    const map = path.join(repo.dir, "claims/demo/article.yaml");
    await repo.write("claims/demo/article.yaml", (await readFile(map, "utf8")).replace("reason: arithmetic", "reason: arithmetic only"));
    const byMap = await changed(repo);
    expect(byMap.ids).toEqual(["c1", "c2", "c3", "c4"]);
    expect(byMap.report).toContain("4 in changed article demo");
    repo.commitAll("map");

    // The snapshot changes, and with it its hash in the article's source record.
    const files = datasetFiles(ARTICLE_TEXT.replace("in 2022.", "in 2022, it is said."));
    await repo.write("sources/snapshots/article.txt", files["sources/snapshots/article.txt"]!);
    const bySnapshot = await changed(repo, "HEAD");
    expect(bySnapshot.ids).toEqual(["c1", "c2", "c3", "c4"]);
    // The hash no longer matches: every claim of the article is re-checked, c4 fails on its text.
    await repo.write("sources/article.yaml", files["sources/article.yaml"]!);
    const fixed = await changed(repo, "HEAD");
    expect(fixed.ids).toEqual(["c1", "c2", "c3", "c4"]);
    expect(fixed.result.claims.find((c) => c.id === "c4")!.diagnostics.map((d) => d.ruleId)).toContain("claim-in-article");
  });

  it("a renamed source file with the same id selects the claims citing that id", async () => {
    repo = await makeRepo();
    repo.git("mv", "sources/s3.yaml", "sources/s3-moved.yaml");
    const run = await changed(repo);
    expect(run.ids).toEqual(["c4"]);
  });

  it("compares against the merge base: committed branch work counts, later work on main does not", async () => {
    repo = await makeRepo();
    repo.git("checkout", "-q", "-b", "feature");
    await repo.write("claims/demo/c1.yaml", (await readFile(path.join(repo.dir, "claims/demo/c1.yaml"), "utf8")).replace("says so.", "says so, plainly."));
    repo.commitAll("edit c1");
    repo.git("checkout", "-q", "main");
    await repo.write("sources/s2.yaml", `${await readFile(path.join(repo.dir, "sources/s2.yaml"), "utf8")}note: changed on main\n`);
    repo.commitAll("edit s2 on main");
    repo.git("checkout", "-q", "feature");
    const run = await changed(repo);
    expect(run.ids).toEqual(["c1"]);
  });

  it("a changed configuration file selects every claim", async () => {
    repo = await makeRepo();
    await repo.write("claimcheck.config.yaml", "rules:\n  archive-url: off\n");
    const run = await changed(repo);
    expect(run.ids).toEqual(["c1", "c2", "c3", "c4"]);
    expect(run.report).toContain("4 by the changed configuration");
  });

  it("combines with paths: only selected claims under the paths", async () => {
    repo = await makeRepo();
    await repo.write("sources/s1.yaml", `${await readFile(path.join(repo.dir, "sources/s1.yaml"), "utf8")}note: x\n`);
    const run = await changed(repo, "main", ["claims/demo/c3.yaml"]);
    expect(run.ids).toEqual(["c3"]);
  });

  it("a broken source that no claim cites is checked itself: --changed fails as the full run does", async () => {
    repo = await makeRepo();
    await repo.write("sources/s9.yaml", "id: s9\ntype: webpage\ntitle: Nobody cites me\nURL: https://example.org/s9\nreliablity: low\n");
    const full = await runCli(["--format", "json"], repo.dir);
    expect(full.code).toBe(1);
    const run = await changed(repo);
    expect(run.code).toBe(1);
    expect(run.ids).toEqual([]);
    expect(run.result.diagnostics.filter((d) => d.at.file === "sources/s9.yaml").map((d) => d.ruleId)).toContain("schema");
    expect(run.report).toContain("selected 0 of 4 claims (changes since main): no claim depends on what changed; 1 changed file checked itself");
    expect(run.report).toContain("  sources/s9.yaml: changed, checked itself");
    // Committed on a branch, the same: what changed since the base is checked.
    repo.git("checkout", "-q", "-b", "feature");
    repo.commitAll("add s9");
    expect((await changed(repo)).code).toBe(1);
  });

  it("a changed source that no claim cites is reported as uncited, as the full run reports it", async () => {
    repo = await makeRepo();
    await repo.write("sources/s9.yaml", "id: s9\ntype: webpage\ntitle: Nobody cites me\nURL: https://example.org/s9\narchive-URL: https://web.archive.org/web/2023/https://example.org/s9\nkind: unknown\nstanding: unreliable\n");
    const run = await changed(repo);
    expect(run.code).toBe(0);
    expect(run.result.diagnostics.map((d) => `${d.at.file} ${d.ruleId}`)).toEqual(["sources/s9.yaml orphan-source"]);
  });

  it("a snapshot edited through a symbolic link selects its source's claims", async () => {
    repo = await makeRepo();
    // The article's snapshot is a link to a text kept elsewhere in the repository.
    await repo.write("texts/article.txt", ARTICLE_TEXT);
    await repo.remove("sources/snapshots/article.txt");
    await symlink("../../texts/article.txt", path.join(repo.dir, "sources/snapshots/article.txt"));
    repo.commitAll("snapshot kept in texts/");
    expect((await changed(repo, "HEAD")).ids).toEqual([]);
    // git sees the edit under the link's target; the closure resolves the link.
    await repo.write("texts/article.txt", ARTICLE_TEXT.replace("in 2022.", "in 2022, it is said."));
    const run = await changed(repo, "HEAD");
    expect(run.ids).toEqual(["c1", "c2", "c3", "c4"]);
    expect(run.report).toContain("4 in changed article demo");
    expect(run.code).toBe(1); // the hash in sources/article.yaml no longer matches
    expect(run.result.diagnostics.some((d) => d.at.file === "sources/article.yaml" && d.ruleId === "snapshot-valid")).toBe(true);
    // Deleting the target leaves a dangling link: still resolved, by the link's own text.
    await repo.remove("texts/article.txt");
    expect((await changed(repo, "HEAD")).ids).toEqual(["c1", "c2", "c3", "c4"]);
  });

  it("exits 2 for a ref that does not exist, and outside a repository", async () => {
    repo = await makeRepo();
    const bad = await runCli(["--changed", "no-such-branch", "--format", "json"], repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no commit "no-such-branch"');
    await repo.remove(".git/HEAD");
    const none = await runCli(["--changed", "main", "--format", "json"], repo.dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--changed needs a git repository");
  });
});

describe("--changed with a crafted glob in the configuration", () => {
  it("tells what a deleted file with a crafted name was, in linear time (the RegExp translation backtracked for minutes)", async () => {
    const crafted = "a".repeat(40);
    const files = {
      ...datasetFiles(),
      // The second glob is crafted to backtrack on the name below; the first keeps the sources found.
      "claimcheck.config.yaml": `sources: ["sources/**/*.yaml", "sources/${"*a".repeat(14)}b", "sources/${"**/".repeat(12)}x"]\n`,
      [`sources/${crafted}`]: "not a source\n",
    };
    repo = await makeRepo(files);
    await repo.remove(`sources/${crafted}`);
    const run = await changed(repo);
    // Neither crafted glob matches the name, so its deletion touches no claim.
    expect(run.ids).toEqual([]);
    expect(run.code).toBe(0);
  });
});
