import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/rules/index.js";
import { checkTree, FIXTURES, layCase, readExpectations } from "../helpers/fixtures.js";

const cases = (ruleId: string, kind: "valid" | "invalid") => {
  const dir = path.join(FIXTURES, ruleId, kind);
  return existsSync(dir) ? readdirSync(dir).sort().map((name) => ({ name, dir: path.join(dir, name) })) : [];
};

describe("the base project every fixture builds on", () => {
  it("passes with no findings at all", async () => {
    const { dir, cleanup } = await layCase(path.join(FIXTURES, "_base"));
    try {
      const result = await checkTree(dir);
      expect(result.diagnostics).toEqual([]);
      expect(result.summary).toMatchObject({ claims: 2, passed: 2, failed: 0 });
    } finally {
      await cleanup();
    }
  });
});

for (const rule of rules) {
  describe(rule.id, () => {
    for (const fixture of cases(rule.id, "valid")) {
      it(`valid/${fixture.name} has no findings`, async () => {
        const { dir, cleanup } = await layCase(fixture.dir);
        try {
          const result = await checkTree(dir);
          const found = result.diagnostics.map((d) => `${d.at.file}:${d.at.line} ${d.ruleId}: ${d.message}`);
          expect(found).toEqual([]);
        } finally {
          await cleanup();
        }
      });
    }
    for (const fixture of cases(rule.id, "invalid")) {
      it(`invalid/${fixture.name} reports exactly what its markers say`, async () => {
        const expected = await readExpectations(fixture.dir);
        expect(expected.some((e) => e.ruleId === rule.id), "an invalid fixture marks at least one finding of its rule").toBe(true);
        const { dir, cleanup } = await layCase(fixture.dir);
        try {
          const result = await checkTree(dir);
          const marked = new Set([rule.id, ...expected.map((e) => e.ruleId)]);
          const actual = result.diagnostics
            .filter((d) => marked.has(d.ruleId))
            .map((d) => `${d.at.file}:${d.at.line} ${d.ruleId}`)
            .sort();
          const wanted = expected.map((e) => `${e.file}:${e.line} ${e.ruleId}`).sort();
          expect(actual, "too few or too many findings").toEqual(wanted);
        } finally {
          await cleanup();
        }
      });
    }
  });
}
