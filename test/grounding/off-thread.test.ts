import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { startGrounding } from "../../src/grounding/off-thread.js";
import { loadRepository } from "../../src/load/load-files.js";
import { baseOptions } from "../../src/options/run-options.js";
import { buildIndex } from "../../src/project/build.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { layCase } from "../helpers/fixtures.js";

const CLI = path.join(REPO_ROOT, "dist", "cli.js");
const CASES = path.join(REPO_ROOT, "test", "fixtures", "fact-grounded", "invalid");

/** The built CLI's JSON result for a project, with the grounding thread forced on ("1") or off ("0"). */
async function result(dir: string, workers: "0" | "1"): Promise<string> {
  const out = await mkdtemp(path.join(os.tmpdir(), "claimcheck-ground-out-"));
  try {
    const file = path.join(out, "result.json");
    try {
      execFileSync(process.execPath, [CLI, "--format", `json=${file}`], { cwd: dir, env: { ...process.env, CLAIMCHECK_WORKERS: workers, NO_COLOR: "1" }, stdio: "ignore" });
    } catch {
      // exit code 1: these cases fail on purpose
    }
    return await readFile(file, "utf8");
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

describe("grounding on a thread of its own (src/grounding/off-thread.ts)", () => {
  it("gives the built CLI the same bytes as grounding on the rules' thread, findings included, for every fact-grounded case", async () => {
    // npm test builds first; the thread only exists in the build.
    expect(existsSync(path.join(REPO_ROOT, "dist", "grounding", "ground-worker.js"))).toBe(true);
    const cases = await readdir(CASES);
    expect(cases.length).toBeGreaterThan(3);
    for (const name of cases) {
      const { dir, cleanup } = await layCase(path.join(CASES, name));
      try {
        const onThread = await result(dir, "0");
        const offThread = await result(dir, "1");
        expect(offThread, name).toBe(onThread);
        // Each case is there for a finding of the rule, so the comparison is not between two empty lists.
        const findings = (JSON.parse(offThread) as { diagnostics: Array<{ ruleId: string }> }).diagnostics.filter((d) => d.ruleId === "fact-grounded");
        expect(findings.length, name).toBeGreaterThan(0);
      } finally {
        await cleanup();
      }
    }
  });

  it("leaves the rule to ground the facts itself when the thread never starts, after the start limit, not the answer limit", async () => {
    const options = baseOptions(REPO_ROOT);
    const loaded = await loadRepository(options);
    const index = buildIndex({ docs: loaded.flatMap((l) => (l.valid ? [l.valid] : [])), registryBroken: false, invalid: [], today: options.today });
    const scratch = await mkdtemp(path.join(os.tmpdir(), "claimcheck-ground-thread-"));
    const saved = process.env.CLAIMCHECK_WORKERS;
    delete process.env.CLAIMCHECK_WORKERS;
    try {
      // A thread that ends at once, before it raises the flag (as one that failed to load would).
      const script = path.join(scratch, "silent.mjs");
      await writeFile(script, "process.exit(0);\n");
      // The answer limit is ten minutes, far past this test's time limit: waiting on it would fail the test.
      const collect = startGrounding(index, { minFacts: 0, script: pathToFileURL(script), startMs: 300, answerMs: 600_000 });
      expect(collect).toBeTypeOf("function");
      expect(collect!()).toBeUndefined();
      // Asked again, it answers the same at once.
      expect(collect!()).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.CLAIMCHECK_WORKERS;
      else process.env.CLAIMCHECK_WORKERS = saved;
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
