import { describe, expect, it } from "vitest";
import { loadYaml } from "../../src/load/yaml-load.js";
import { validateDoc } from "../../src/schema/validate.js";

function check(text: string, kind: "claim" | "source" | "entities" | "article" = "claim") {
  const outcome = loadYaml("claims/a/c1.yaml", new TextEncoder().encode(text));
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join("; "));
  return validateDoc(outcome.doc, kind).map((d) => ({ messageId: d.messageId, data: d.data, line: d.at.line, column: d.at.column, message: d.message }));
}

const claim = `id: c1
text: The heads met.
as-of: "2025-08-02"
verdict: supported
rationale: Because.
citations:
  - source: reuters
    quote: met
`;

describe("validateDoc", () => {
  it("accepts a valid claim", () => {
    expect(check(claim)).toEqual([]);
  });

  it("names an unknown key at the key, with the nearest valid key", () => {
    const [d, ...rest] = check(claim.replace("citations:", "citaton:"));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ messageId: "unknownKey", line: 6, column: 1, data: { key: "citaton", suggestion: "citations" } });
    expect(d!.message).toBe('unknown key "citaton" — did you mean "citations"?');
  });

  it("names a missing key at the map that lacks it", () => {
    const [d] = check(claim.replace("    quote: met\n", ""));
    expect(d).toMatchObject({ messageId: "missingKey", data: { key: "quote" }, line: 7 });
  });

  it("suggests the nearest allowed value for an enum", () => {
    const [d] = check(claim.replace("verdict: supported", "verdict: suported"));
    expect(d).toMatchObject({ messageId: "notInEnum", line: 4, column: 10, data: { suggestion: "supported" } });
  });

  it("explains a date that does not match the date forms", () => {
    const [d] = check(claim.replace('as-of: "2025-08-02"', 'as-of: "02/08/2025"'));
    expect(d).toMatchObject({ messageId: "badPattern", line: 3 });
    expect(d!.message).toContain("YYYY-MM-DD");
  });

  it("says what type it expected and found", () => {
    const [d] = check(claim.replace("text: The heads met.", "text: [a, b]"));
    expect(d).toMatchObject({ messageId: "wrongType", data: { expected: "a string", found: "a list" }, line: 2 });
  });

  it("requires mirror-of on a mirror source and a reason on a deprecated fact", () => {
    const source = `id: s
type: webpage
title: T
URL: https://example.org/
reliability: mirror
excerpts: [{ id: e, text: hello }]
facts:
  - { id: f, subject: x, property: y, value: 1, excerpt: e, rank: deprecated }
`;
    const found = check(source, "source").map((d) => `${d.messageId}:${String(d.data.key)}:${d.line}`);
    expect(found).toEqual(["missingKey:mirror-of:1", "missingKey:reason:8"]);
  });

  /** A wire source whose one fact, on line 8, is `fact`. */
  const sourceWithFact = (fact: string) => `id: s
type: webpage
title: T
URL: https://example.org/
reliability: wire
excerpts: [{ id: e, text: hello }]
facts:
  - ${fact}
`;

  it("rejects a fact that is neither a statement nor an event", () => {
    const source = sourceWithFact("{ id: f, excerpt: e }");
    const [d] = check(source, "source");
    expect(d).toMatchObject({ messageId: "badPattern", line: 8 });
    expect(d!.message).toContain("statement (subject, property, value) or an event");
  });

  it("asks to split a fact that has both statement and event fields", () => {
    const source = sourceWithFact('{ id: f, subject: x, property: p, value: 1, event: x, date: "2020", excerpt: e }');
    const [d, ...rest] = check(source, "source");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ messageId: "mixedShapes", line: 8, data: { first: "statement", firstKeys: "subject, property, value", second: "event", secondKeys: "event, date" } });
    expect(d!.message).toBe("this fact has both statement fields (subject, property, value) and event fields (event, date); split it into a statement and an event");
  });
});
