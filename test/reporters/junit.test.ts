import { describe, expect, it } from "vitest";
import { junit, OTHER_FILES_SUITE } from "../../src/reporters/junit.js";
import { makeHostileResult, makeResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";
import { xmllintErrors } from "./validators.js";

describe("junit reporter", () => {
  it("validates against junit-10.xsd with xmllint, hostile text included", () => {
    for (const result of [makeResult(), makeHostileResult(), makeResult({ claims: [], articles: [], timeline: [], otherDiagnostics: [] })]) {
      expect(xmllintErrors(junit(result, plainOptions()))).toBeUndefined();
    }
  });

  it("has one suite per article and one case per claim, with failures carrying positions", () => {
    const xml = junit(makeHostileResult(), plainOptions());
    expect(xml).toContain(`<testsuites name="claimcheck" tests="9" failures="4" errors="0" time="0">`);
    expect(xml).toContain(`<testsuite name="rt-2025-space-cooperation" tests="8" failures="3"`);
    expect(xml.match(/<testcase /g)).toHaveLength(9);
    expect(xml).toMatch(/<testcase classname="rt-2025-space-cooperation" name="c05-rogozin-visit-blocked-2018" file="claims\/rt-2025-space-cooperation\/c05-rogozin-visit-blocked-2018.yaml" line="2" time="0">\n\s+<failure message="declared verdict supported[^"]*" type="assertion-holds">claims\/rt-2025-space-cooperation\/c05-rogozin-visit-blocked-2018.yaml:4:10 assertion-holds /);
    expect(xml).toContain(`<testsuite name="${OTHER_FILES_SUITE}"`);
    expect(xml).toMatch(/<system-out>warning sources\/satelit-2025-07-17-apollo-soyuz-legacy.yaml:7:1 archive-url /);
  });

  it("counts claims, not files: warnings outside claims add no test case, an error in a source fails one", () => {
    const xml = junit(makeResult(), plainOptions());
    const claims = makeResult().claims.length;
    expect(xml).toContain(`<testsuites name="claimcheck" tests="${claims}" failures="2" errors="0" time="0">`);
    expect(xml.match(/<testcase /g)).toHaveLength(claims);
    expect(xml).toContain(
      `  <testsuite name="${OTHER_FILES_SUITE}" tests="0" failures="0" errors="0" skipped="0" time="0">\n    <system-out>warning sources/satelit-apollo-soyuz-duplicate.yaml:1:1 orphan-source source satelit-apollo-soyuz-duplicate is cited by no claim</system-out>\n  </testsuite>`,
    );

    const hostile = junit(makeHostileResult(), plainOptions());
    expect(hostile).toMatch(
      new RegExp(`<testcase classname="${OTHER_FILES_SUITE}" name="sources/evil, with: comma.yaml" file="sources/evil, with: comma.yaml" line="1" time="0">\\n\\s+<failure message="unknown key [^"]*" type="schema">`),
    );
  });

  it("carries no timestamp or hostname, and 0 for every time, so runs compare byte for byte", () => {
    const xml = junit(makeHostileResult(), plainOptions());
    expect(xml).not.toMatch(/timestamp=|hostname=/);
    const times = xml.match(/ time="[^"]*"/g) ?? [];
    expect(times.length).toBe((xml.match(/<testsuites |<testsuite |<testcase /g) ?? []).length);
    expect(new Set(times)).toEqual(new Set([` time="0"`]));
  });

  it("escapes hostile text so the document stays well-formed", () => {
    const xml = junit(makeHostileResult(), plainOptions());
    expect(xml).not.toContain("<script>");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain("]]&gt;");
  });
});

describe("junit reporter at scale", () => {
  it("writes 100,000 claims of one article (spreading the lines into push overflowed the stack)", () => {
    // Every claim fails with one error: four lines of XML each.
    const template = makeResult().claims[0]!;
    const claims = Array.from({ length: 100_000 }, (_, i) => {
      const file = `claims/big/c${i}.yaml`;
      const error = { ruleId: "quote-found", messageId: "notFound", data: {}, message: "quote not found", severity: "error" as const, at: { file, line: 3, column: 5 }, docs: "docs/rules/quote-found.md" };
      return { ...template, id: `c${String(i).padStart(6, "0")}`, file, article: "big", status: "fail" as const, diagnostics: [error] };
    });
    const xml = junit(makeResult({ claims, articles: [], timeline: [], otherDiagnostics: [], diagnostics: [] }), plainOptions());
    expect(xml).toContain(`<testsuite name="big" tests="100000" failures="100000"`);
    let cases = 0;
    for (let i = xml.indexOf("<testcase "); i >= 0; i = xml.indexOf("<testcase ", i + 1)) cases++;
    expect(cases).toBe(100_000);
  });
});
