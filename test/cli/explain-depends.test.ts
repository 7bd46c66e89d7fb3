import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { makeRepo, type TempRepo } from "../git/repo.js";

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

describe("explain shows what a claim depends on", () => {
  it("lists its sources, its article with the article's source and snapshot, and the registry entries it names", async () => {
    repo = await makeRepo();
    const run = await runCli(["explain", "c1"], repo.dir);
    expect(run.code).toBe(0);
    const section = run.stdout.slice(run.stdout.indexOf("depends on"));
    expect(section).toMatch(/^depends on\n {2}claim {9}claims\/demo\/c1\.yaml\n/);
    expect(section).toContain("sources       s1 (sources/s1.yaml)\n");
    expect(section).not.toContain("s2");
    expect(section).toContain("article       demo (claims/demo/article.yaml)\n                its source article (sources/article.yaml, snapshot sources/snapshots/article.txt)\n");
    expect(section).toContain("registry      sources/entities.yaml\n                entities alpha, beta, meeting-a\n");
    expect(section).toContain("6 files in all");
  });
});
