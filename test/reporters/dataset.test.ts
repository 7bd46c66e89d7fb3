import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { baseOptions, runCheck } from "../../src/index.js";
import type { RunResult } from "../../src/model/result.js";
import { reporters } from "../../src/reporters/index.js";
import { fromJsDate } from "../../src/time/partial-date.js";
import { plainOptions } from "./helpers.js";
import { claimReviewProblems, resultErrors, sarifErrors, sarifMultitoolFindings, xmllintErrors } from "./validators.js";

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
  it("the SARIF output gives the multitool's rule and tool checks nothing to report", () => {
    expect(sarifMultitoolFindings(reporters["sarif"]!(result, plainOptions()))).toEqual([]);
  });
  it("the JUnit output validates against junit-10.xsd", () => {
    expect(xmllintErrors(reporters["junit"]!(result, plainOptions()))).toBeUndefined();
  });
  it("the JUnit output has one test case per claim, and one per file outside claims with an error; warnings add none", () => {
    const xml = reporters["junit"]!(result, plainOptions());
    const outside = result.diagnostics.filter((d) => d.claimId === undefined);
    expect(outside.filter((d) => d.severity === "warning").length).toBeGreaterThan(60);
    const brokenFiles = new Set(outside.filter((d) => d.severity === "error").map((d) => d.at.file)).size;
    expect(xml.match(/<testcase /g)).toHaveLength(result.claims.length + brokenFiles);
    expect(xml).toContain(`<testsuite name="rt-2025-space-cooperation" tests="${result.claims.length}" `);
  });
  it("the ClaimReview output has what Google requires and recommends, given the publisher's settings", () => {
    const settings = { claimreview: { author: { name: "Example Fact Check" }, url: "https://factcheck.example.org/{article}#{claim}", "date-published": "2025-08-20" } };
    const warnings: string[] = [];
    const text = reporters["claimreview"]!(result, { ...plainOptions(), settings, warn: (message) => warnings.push(message) });
    expect(claimReviewProblems(text)).toEqual([]);
    const reviewed = (JSON.parse(text) as { "@graph": unknown[] })["@graph"].length;
    expect(reviewed).toBe(result.claims.filter((claim) => claim.status === "pass").length);
    expect(warnings).toEqual(result.summary.failed > 0 ? [expect.stringMatching(/^left out /)] : []);
  });
  it("the timeline carries the registry's words, and the HTML report shows one event stated by several sources once", () => {
    const meeting = result.timeline.filter((entry) => entry.event === "bakanov-duffy-2025" && entry.time === "2025-07-31");
    // sources/entities.yaml: bakanov-duffy-2025's label.
    expect(meeting.length).toBeGreaterThan(1);
    for (const entry of meeting) expect(entry.label).toBe("Bakanov–Duffy meeting, Kennedy Space Center, 31 July 2025");
    // A statement reads "subject — property: value" in the registry's labels (us-iss-segment, committed-until).
    expect(result.timeline.map((entry) => entry.label)).toContain("US segment of the ISS (US participation) — committed to operate until (year): 2030");
    const page = reporters["html"]!(result, plainOptions());
    const rows = page.match(/<span class="label">Bakanov–Duffy meeting, Kennedy Space Center, 31 July 2025<\/span>/g) ?? [];
    expect(rows).toHaveLength(1);
    expect(page).toContain(`${meeting.length} sources: `);
  });
  it("every format is byte-identical across two runs", async () => {
    const again = await runCheck(options());
    for (const [name, reporter] of Object.entries(reporters)) {
      expect(reporter(again, plainOptions()), name).toBe(reporter(result, plainOptions()));
    }
  });
});
