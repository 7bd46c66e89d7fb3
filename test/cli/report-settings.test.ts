import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyDataset, runCli } from "../helpers/cli.js";

/** The configuration's `reports:` settings and GitHub's job summary, through the CLI. */
describe("report settings through the CLI", () => {
  it("takes the docs address and the ClaimReview publisher from claimcheck.config.yaml", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      await writeFile(
        path.join(dir, "claimcheck.config.yaml"),
        [
          "reports:",
          "  docs-base-url: https://docs.example.org/claimcheck/v{version}/",
          "  claimreview:",
          "    author: { name: Example Fact Check, url: https://factcheck.example.org/ }",
          "    url: https://factcheck.example.org/{article}/#{claim}",
          '    date-published: "2025-08-20"',
          "",
        ].join("\n"),
      );
      const run = await runCli(["--format", "sarif=out/claimcheck.sarif", "--format", "claimreview=out/reviews.jsonld"], dir);
      expect(run.code).toBe(0);
      type Driver = { version: string; rules: Array<{ id: string; helpUri?: string }> };
      const sarif = JSON.parse(await readFile(path.join(dir, "out/claimcheck.sarif"), "utf8")) as { runs: Array<{ tool: { driver: Driver } }> };
      const { version, rules } = sarif.runs[0]!.tool.driver;
      const rule = rules.find((r) => r.id === "quote-found")!;
      expect(rule.helpUri).toBe(`https://docs.example.org/claimcheck/v${version}/docs/rules/quote-found.md`);
      const reviews = JSON.parse(await readFile(path.join(dir, "out/reviews.jsonld"), "utf8")) as { "@graph": Array<Record<string, any>> };
      expect(reviews["@graph"][0]!["url"]).toBe("https://factcheck.example.org/rt-2025-space-cooperation/#c01-bakanov-head-of-roscosmos");
      expect(reviews["@graph"][0]!["author"]["name"]).toBe("Example Fact Check");
      expect(run.stderr).not.toMatch(/claimreview:/);
    } finally {
      await cleanup();
    }
  });

  it("rejects a docs address that is not http(s), at its line", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      await writeFile(path.join(dir, "claimcheck.config.yaml"), "reports:\n  docs-base-url: javascript:alert(1)\n");
      const run = await runCli(["--format", "sarif=out.sarif"], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/claimcheck\.config\.yaml:2:\d+ .*http\(s\) address/);
    } finally {
      await cleanup();
    }
  });

  it("prints a reporter's warnings on standard error, after the files are written", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      await writeFile(path.join(dir, "claimcheck.config.yaml"), "reports:\n  claimreview:\n    author: { name: Example Fact Check }\n");
      const run = await runCli(["--format", "claimreview=reviews.jsonld"], dir);
      expect(run.code).toBe(0);
      expect(run.stderr.split("\n").filter((line) => line.startsWith("claimcheck: claimreview:"))).toEqual([
        "claimcheck: claimreview: reports.claimreview.url is not set: Google requires the address of each review's page",
        "claimcheck: claimreview: reports.claimreview.date-published is not set: Google recommends the date the reviews were published",
      ]);
      expect(run.stdout).toBe("");
    } finally {
      await cleanup();
    }
  });

  it("in GitHub Actions, writes the job summary beside the annotations", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const summary = path.join(dir, "step-summary.md");
      await writeFile(summary, "");
      const env = { GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary };
      const run = await runCli(["--format", "github"], dir, env);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^::warning file=sources\//m);
      expect(run.stdout.split("\n").filter((line) => line.startsWith("::warning ")).length).toBeLessThanOrEqual(10);
      const markdown = await readFile(summary, "utf8");
      expect(markdown).toMatch(/^## /m);
      expect(run.stderr).toContain(`reports written: ${summary}`);

      // Not twice when the workflow already sends the Markdown report there, and not without annotations.
      await writeFile(summary, "");
      const explicit = await runCli(["--format", "github", "--format", `markdown=${summary}`], dir, env);
      expect(explicit.stderr.match(/step-summary\.md/g)).toHaveLength(1);
      await writeFile(summary, "");
      await runCli(["--format", "json"], dir, env);
      expect(await readFile(summary, "utf8")).toBe("");
      // Outside GitHub Actions, no summary.
      await runCli(["--format", "github"], dir, { GITHUB_STEP_SUMMARY: summary });
      expect(await readFile(summary, "utf8")).toBe("");
    } finally {
      await cleanup();
    }
  });
});
