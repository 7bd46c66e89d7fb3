import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { baseOptions, runCheck } from "../../src/index.js";
import type { RunResult } from "../../src/model/result.js";
import { reporters } from "../../src/reporters/index.js";
import { fromJsDate } from "../../src/time/partial-date.js";
import { plainOptions } from "./helpers.js";
import { resultErrors, sarifErrors, xmllintErrors } from "./validators.js";

/** Every report over the project's own dataset, checked by the same validators as the fixtures. */
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
let result: RunResult;
const options = () => ({ ...baseOptions(root), today: fromJsDate(new Date("2026-01-01T12:00:00Z")) });

beforeAll(async () => {
  result = await runCheck(options());
});

describe("reports over the project's dataset", () => {
  it("the JSON output validates against schema/result.schema.json", () => {
    expect(resultErrors(reporters["json"]!(result, plainOptions()))).toEqual([]);
    expect(result.claims.length).toBeGreaterThan(0);
  });
  it("the SARIF output validates against the SARIF 2.1.0 schema", () => {
    expect(sarifErrors(reporters["sarif"]!(result, plainOptions()))).toEqual([]);
  });
  it("the JUnit output validates against junit-10.xsd", () => {
    expect(xmllintErrors(reporters["junit"]!(result, plainOptions()))).toBeUndefined();
  });
  it("every format is byte-identical across two runs", async () => {
    const again = await runCheck(options());
    for (const [name, reporter] of Object.entries(reporters)) {
      expect(reporter(again, plainOptions()), name).toBe(reporter(result, plainOptions()));
    }
  });
});
