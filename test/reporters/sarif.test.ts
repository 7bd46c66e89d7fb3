import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/model/result.js";
import { FINGERPRINT_KEY, sarif } from "../../src/reporters/sarif.js";
import { makeHostileResult, makeResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";
import { sarifErrors } from "./validators.js";

const log = (result: RunResult): Sarif.Log => JSON.parse(sarif(result, plainOptions())) as Sarif.Log;

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
});
