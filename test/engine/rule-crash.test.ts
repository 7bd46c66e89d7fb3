import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { baseOptions } from "../../src/options/run-options.js";
import { runCheck } from "../../src/engine/run.js";
import type { RunResult } from "../../src/model/result.js";
import { rules } from "../../src/rules/index.js";
import { parsePartialDate } from "../../src/time/partial-date.js";
import { copyDataset, runCli } from "../helpers/cli.js";

// A rule that throws is a finding that names the rule and the file it was on; every other
// rule still runs and every other claim keeps its result (ESLint's "rule crashed" pattern).
// Under tests it rethrows.

const quoteFound = rules.find((r) => r.id === "quote-found")!;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Makes quote-found throw when it reaches the claim file `victim`, after reporting nothing. */
function crashOn(victim: string): void {
  const original = quoteFound.check.bind(quoteFound);
  vi.spyOn(quoteFound, "check").mockImplementation((context) => {
    for (const claim of context.index.claims) {
      if (claim.doc.file === victim) throw new TypeError("boom: cannot read the quote");
    }
    original(context);
  });
}

describe("a rule that throws", () => {
  it("becomes one error naming the rule and the file, and the rest of the run goes on (CLI)", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const before = await runCli(["--format", "json"], dir);
      expect(before.code).toBe(0);
      const victim = (JSON.parse(before.stdout) as RunResult).claims[3]!.file;
      vi.stubEnv("CLAIMCHECK_RETHROW_RULE_ERRORS", "0");
      crashOn(victim);
      const run = await runCli(["--format", "json", "--format", `terminal=${path.join(dir, "terminal.txt")}`], dir);
      expect(run.code).toBe(1);
      const result = JSON.parse(run.stdout) as RunResult;
      const crashes = result.diagnostics.filter((d) => d.messageId === "ruleCrashed");
      expect(crashes).toHaveLength(1);
      expect(crashes[0]).toMatchObject({ ruleId: "quote-found", severity: "error", at: { file: victim, line: 1, column: 1 }, data: { rule: "quote-found", error: "TypeError: boom: cannot read the quote" } });
      // The claim it was on fails; every other claim keeps its result, and other rules still ran.
      const failed = result.claims.filter((c) => c.status === "fail").map((c) => c.file);
      expect(failed).toEqual([victim]);
      expect(result.claims.length).toBe((JSON.parse(before.stdout) as RunResult).claims.length);
      expect(result.diagnostics.some((d) => d.ruleId === "archive-url")).toBe(true);
      const terminal = await readFile(path.join(dir, "terminal.txt"), "utf8");
      expect(terminal).toContain(`${victim}:1:1  error  rule "quote-found" crashed: TypeError: boom`);
    } finally {
      await cleanup();
    }
  });

  it("rethrows when the run asks for it, as the test suite does", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      vi.spyOn(quoteFound, "check").mockImplementation(() => {
        throw new TypeError("boom");
      });
      expect(baseOptions(dir).rethrowRuleErrors).toBe(true); // vitest.config.ts sets CLAIMCHECK_RETHROW_RULE_ERRORS=1
      const options = { ...baseOptions(dir), today: parsePartialDate("2025-11-25")! };
      await expect(runCheck(options)).rejects.toThrow("boom");
      const contained = await runCheck({ ...options, rethrowRuleErrors: false });
      const [crash] = contained.diagnostics.filter((d) => d.messageId === "ruleCrashed");
      // It threw before touching any claim: the finding points at the root.
      expect(crash).toMatchObject({ ruleId: "quote-found", at: { file: ".", line: 1, column: 1 } });
    } finally {
      await cleanup();
    }
  });
});
