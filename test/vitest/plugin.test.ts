import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { baseOptions } from "../../src/options/run-options.js";
import { runCheck } from "../../src/engine/run.js";
import { claimFailureMessage, filesFailureMessage } from "../../src/vitest.js";
import { datasetFiles } from "../git/repo.js";
import { REPO_ROOT } from "../helpers/cli.js";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDataset(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-vitest-"));
  dirs.push(dir);
  for (const [file, content] of Object.entries(datasetFiles())) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

async function breakQuote(dir: string): Promise<void> {
  const file = path.join(dir, "claims/demo/c1.yaml");
  await writeFile(file, (await readFile(file, "utf8")).replace("quote: Alpha and Beta met in 2020.", "quote: Alpha and Beta met in 2019."));
}

describe("claimFailureMessage", () => {
  it("lists each diagnostic at file:line:col with its rule, docs page and a code frame", async () => {
    const dir = await tempDataset();
    await breakQuote(dir);
    const result = await runCheck(baseOptions(dir));
    const claim = result.claims.find((c) => c.id === "c1")!;
    const text = await readFile(path.join(dir, "claims/demo/c1.yaml"), "utf8");
    const message = claimFailureMessage(claim, () => text);
    const quoteLine = text.split("\n").findIndex((l) => l.includes("2019")) + 1;
    expect(message).toContain("c1 (claims/demo/c1.yaml): declared supported, derived supported; 1 error");
    expect(message).toMatch(new RegExp(`claims/demo/c1\\.yaml:${quoteLine}:\\d+ {2}error {2}quote not found in source "s1".*\\(quote-found, docs/rules/quote-found\\.md\\)`));
    expect(message).toContain(`> ${quoteLine} |`);
    expect(filesFailureMessage(result)).toBeUndefined();
    expect(filesFailureMessage(result, undefined, -1)).toContain("more than max-warnings -1");
  });
});

describe("defineClaimTests inside a real vitest run", () => {
  it("makes one test per claim under one describe per article; a failing claim shows its diagnostics", async () => {
    const dir = await tempDataset();
    await breakQuote(dir);
    const plugin = path.join(REPO_ROOT, "src/vitest.ts");
    await writeFile(
      path.join(dir, "claims.test.ts"),
      `import { fileURLToPath } from "node:url";\nimport { defineClaimTests } from ${JSON.stringify(plugin)};\nawait defineClaimTests({ root: fileURLToPath(new URL("./", import.meta.url)) });\n`,
    );
    const vitest = path.join(REPO_ROOT, "node_modules/vitest/vitest.mjs");
    const run = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [vitest, "run", "--root", dir, "--reporter=verbose", "--reporter=json", `--outputFile.json=${path.join(dir, "out.json")}`],
        { cwd: dir, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true" } },
        (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: stdout + stderr }),
      );
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(path.join(dir, "out.json"), "utf8")) as {
      testResults: Array<{ assertionResults: Array<{ ancestorTitles: string[]; title: string; status: string; failureMessages: string[] }> }>;
    };
    const tests = report.testResults.flatMap((t) => t.assertionResults);
    expect(tests.map((t) => `${t.ancestorTitles.join(" > ")} > ${t.title}: ${t.status}`)).toEqual([
      "demo > c1: failed",
      "demo > c2: passed",
      "demo > c3: passed",
      "demo > c4: passed",
      "claimcheck > files outside claims: passed",
    ]);
    const failure = tests[0]!.failureMessages.join("\n");
    expect(failure).toMatch(/claims\/demo\/c1\.yaml:\d+:\d+ {2}error {2}quote not found in source "s1"/);
    expect(failure).toContain("(quote-found, docs/rules/quote-found.md)");
    // And vitest's own output shows it.
    expect(run.stdout).toContain("ClaimCheckFailure");
    expect(run.stdout).toMatch(/claims\/demo\/c1\.yaml:\d+:\d+ {2}error {2}quote not found/);
  }, 120_000);
});

describe("the package export", () => {
  it("maps claimcheck/vitest to the build of src/vitest.ts", async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      exports: Record<string, { default: string; types: string }>;
      peerDependencies?: Record<string, string>;
    };
    expect(pkg.exports["./vitest"]).toEqual({ types: "./dist/vitest.d.ts", default: "./dist/vitest.js" });
    const build = JSON.parse(await readFile(path.join(REPO_ROOT, "tsconfig.build.json"), "utf8")) as { compilerOptions: { rootDir: string; outDir: string } };
    expect(path.join(build.compilerOptions.outDir, path.relative(build.compilerOptions.rootDir, "src/vitest.ts")).replace(/\.ts$/, ".js")).toBe("dist/vitest.js");
    expect(pkg.peerDependencies?.vitest).toBeDefined();
    expect(fileURLToPath(import.meta.url)).toContain("test/vitest");
  });
});
