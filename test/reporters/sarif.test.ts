import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/model/result.js";
import { builtinChecks, rules as ruleModules } from "../../src/rules/index.js";
import { FINGERPRINT_KEY, ruleName, sarif } from "../../src/reporters/sarif.js";
import type { ReportSettings } from "../../src/reporters/settings.js";
import { makeHostileResult, makeResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";
import { sarifErrors, sarifMultitoolFindings } from "./validators.js";

const log = (result: RunResult, settings?: ReportSettings): Sarif.Log => JSON.parse(sarif(result, { ...plainOptions(), settings })) as Sarif.Log;

describe("sarif reporter", () => {
  it("validates against the official SARIF 2.1.0 JSON Schema", () => {
    for (const result of [makeResult(), makeHostileResult(), makeResult({ claims: [], otherDiagnostics: [] })]) {
      expect(sarifErrors(sarif(result, plainOptions()))).toEqual([]);
    }
  });

  it("describes every rule a result names, with help text and default level", () => {
    const run = log(makeHostileResult()).runs[0]!;
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
    expect(rules.map((r) => r.id)).toContain("schema");
    for (const rule of rules) {
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.fullDescription?.text).toBeTruthy();
      expect(rule.help?.text).toBeTruthy();
      expect(rule.help?.markdown).toBeTruthy();
      expect(rule.defaultConfiguration?.level).toMatch(/^(error|warning)$/);
    }
    for (const result of run.results ?? []) {
      expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
    }
    expect(run.tool.driver.name).toBe("claimcheck");
    expect(run.tool.driver.version).toBe("0.1.0");
  });

  it("gives results regions and a %SRCROOT%-relative location", () => {
    const results = log(makeResult()).runs[0]!.results ?? [];
    const quote = results.find((r) => r.ruleId === "quote-found")!;
    const physical = quote.locations![0]!.physicalLocation!;
    expect(physical.artifactLocation).toEqual({ uri: "claims/rt-2025-space-cooperation/c12-krikalev-2030.yaml", uriBaseId: "%SRCROOT%" });
    expect(physical.region).toEqual({ startLine: 9, startColumn: 12, endLine: 9, endColumn: 82 });
    expect(quote.level).toBe("error");
    const encoded = log(makeHostileResult()).runs[0]!.results!.find((r) => r.ruleId === "schema")!;
    expect(encoded.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe("sources/evil%2C%20with%3A%20comma.yaml");
  });

  it("keeps a finding's fingerprint when lines move, and changes it when the finding changes", () => {
    const before = makeResult();
    const moved = makeResult();
    for (const d of moved.diagnostics) d.at = { ...d.at, line: d.at.line + 10, column: d.at.column + 2 };
    const prints = (result: RunResult) => (log(result).runs[0]!.results ?? []).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    expect(prints(moved)).toEqual(prints(before));
    expect(new Set(prints(before)).size).toBe(prints(before).length);

    const changed = makeResult();
    changed.diagnostics[0]!.data = { ...changed.diagnostics[0]!.data, derived: "refuted" };
    expect(prints(changed)[0]).not.toEqual(prints(before)[0]);
  });

  it("numbers identical findings in one file so their fingerprints stay distinct", () => {
    const result = makeResult();
    const twin = { ...result.diagnostics[0]!, at: { ...result.diagnostics[0]!.at, line: 40 } };
    result.diagnostics.push(twin);
    const prints = (log(result).runs[0]!.results ?? []).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY] ?? "");
    expect(new Set(prints).size).toBe(prints.length);
    expect(prints.filter((p) => p.endsWith(":2"))).toHaveLength(1);
  });

  it("links every rule to its page in this version's published docs, and the tool to its README", () => {
    const driver = log(makeHostileResult()).runs[0]!.tool.driver;
    expect(driver.informationUri).toBe("https://unpkg.com/claimcheck@0.1.0/README.md");
    for (const rule of driver.rules ?? []) {
      expect(rule.helpUri).toBe(`https://unpkg.com/claimcheck@0.1.0/docs/rules/${rule.id}.md`);
      expect(rule.help?.text).toContain(rule.helpUri);
      expect(rule.help?.markdown).toContain(`[${rule.id}](${rule.helpUri})`);
    }
  });

  it("takes the docs address from reports.docs-base-url, with {version} filled in", () => {
    const driver = log(makeResult(), { "docs-base-url": "https://github.com/example/claimcheck/blob/v{version}" }).runs[0]!.tool.driver;
    expect(driver.informationUri).toBe("https://github.com/example/claimcheck/blob/v0.1.0/README.md");
    const quote = driver.rules!.find((rule) => rule.id === "quote-found")!;
    expect(quote.helpUri).toBe("https://github.com/example/claimcheck/blob/v0.1.0/docs/rules/quote-found.md");
  });

  it("leaves helpUri out, and the path in the help text, when the address is not http(s)", () => {
    const driver = log(makeResult(), { "docs-base-url": "file:///usr/share/doc/claimcheck/" }).runs[0]!.tool.driver;
    expect(driver.informationUri).toBeUndefined();
    const quote = driver.rules!.find((rule) => rule.id === "quote-found")!;
    expect(quote.helpUri).toBeUndefined();
    expect(quote.help?.text).toContain("See docs/rules/quote-found.md.");
  });

  it("gives the multitool nothing to say about its rule names, help links and tool", () => {
    for (const result of [makeResult(), makeHostileResult()]) {
      expect(sarifMultitoolFindings(sarif(result, plainOptions()))).toEqual([]);
    }
    // The check itself finds what it is there to find: the log as it was before absolute links.
    const before = log(makeResult());
    const driver = before.runs[0]!.tool.driver;
    delete driver.informationUri;
    driver.rules![0]!.helpUri = "docs/rules/archive-url.md";
    driver.rules![1]!.name = driver.rules![1]!.id;
    expect(sarifMultitoolFindings(JSON.stringify(before))).toEqual([
      "runs[0]: no informationUri",
      `SARIF1005: rule ${driver.rules![0]!.id}: helpUri docs/rules/archive-url.md is not absolute`,
      `SARIF2012: rule ${driver.rules![1]!.id}: name "${driver.rules![1]!.id}" is not a Pascal identifier`,
      `rule ${driver.rules![1]!.id}: name repeats the id`,
    ]);
  });

  it("names every rule with one Pascal identifier, whatever its id", () => {
    const pascal = /^(?:\p{Lu}[\p{Ll}\p{Nd}]+)+$/u;
    for (const id of [...ruleModules.map((rule) => rule.id), ...builtinChecks.map((check) => check.id)]) {
      expect(ruleName(id), id).toMatch(pascal);
    }
    expect(ruleName("quote-found")).toBe("QuoteFound");
    expect(ruleName("archive-url")).toBe("ArchiveUrl");
    expect(ruleName("a-b-2")).toBe("Ab2");
    expect(ruleName("2-fast")).toBe("Rule2fast");
    expect(ruleName("x")).toBe("Rulex");
    expect(ruleName("--")).toBe("Rule");
  });
});
