import { afterEach, describe, expect, it, vi } from "vitest";
import { baseOptions } from "../../src/options/run-options.js";
import { runCheck } from "../../src/engine/run.js";
import { parsePartialDate } from "../../src/time/partial-date.js";
import { copyDataset } from "../helpers/cli.js";

// An evaluation that throws costs its own claim, not the run (see rule-crash.test.ts).

const victim = { file: "" };
vi.mock("../../src/assert/evaluate.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/assert/evaluate.js")>();
  return {
    ...actual,
    evaluateClaim: (claim: Parameters<typeof actual.evaluateClaim>[0], index: Parameters<typeof actual.evaluateClaim>[1]) => {
      if (claim.doc.file === victim.file) throw new RangeError("evaluation blew up");
      return actual.evaluateClaim(claim, index);
    },
  };
});

afterEach(() => {
  victim.file = "";
});

describe("an evaluation that throws", () => {
  it("is one error on its claim; every other claim keeps its result", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const options = { ...baseOptions(dir), today: parsePartialDate("2025-11-25")!, rethrowRuleErrors: false };
      const before = await runCheck(options);
      victim.file = before.claims.find((c) => c.evaluation !== undefined)!.file;
      const after = await runCheck(options);
      const crash = after.diagnostics.filter((d) => d.messageId === "evaluationCrashed");
      expect(crash).toEqual([expect.objectContaining({ ruleId: "assertion-holds", severity: "error", at: expect.objectContaining({ file: victim.file, line: 1 }) })]);
      expect(crash[0]!.message).toContain("RangeError: evaluation blew up");
      for (const claim of after.claims) {
        const was = before.claims.find((c) => c.file === claim.file)!;
        if (claim.file === victim.file) expect(claim.status).toBe("fail");
        else expect(claim.status).toBe(was.status);
      }
      await expect(runCheck({ ...options, rethrowRuleErrors: true })).rejects.toThrow("evaluation blew up");
    } finally {
      await cleanup();
    }
  });
});
