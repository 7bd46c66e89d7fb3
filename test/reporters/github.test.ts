import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import { ANNOTATIONS_PER_KIND, github } from "../../src/reporters/github.js";
import { makeHostileResult, makeResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";

/** Parses a workflow command line as the runner does, decoding its escapes. */
function parse(line: string) {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (match === null) throw new Error(`not a workflow command: ${line}`);
  const decodeData = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
  const decodeProperty = (s: string) => decodeData(s.replace(/%3A/g, ":").replace(/%2C/g, ","));
  const properties = Object.fromEntries(
    (match[2] ?? "").split(",").map((pair) => {
      const [key, ...value] = pair.split("=");
      return [key, decodeProperty(value.join("="))];
    }),
  );
  return { command: match[1], properties, message: decodeData(match[3] ?? "") };
}

describe("github reporter", () => {
  it("prints one annotation per diagnostic with position and title", () => {
    const lines = github(makeResult(), plainOptions()).trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      "::error file=claims/rt-2025-space-cooperation/c05-rogozin-visit-blocked-2018.yaml,line=4,col=10,endLine=4,endColumn=19,title=claimcheck(assertion-holds)::declared verdict supported, but the cited facts derive mixed: rogozin-visit cancelled 2019-01-04, not in 2018 [claim c05-rogozin-visit-blocked-2018]",
    );
    expect(lines.filter((l) => l.startsWith("::warning "))).toHaveLength(2);
  });

  it("escapes data so no value can start a second command", () => {
    const out = github(makeHostileResult(), plainOptions());
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=/);
    const hostile = parse(lines.find((l) => l.includes("c99-hostile"))!);
    expect(hostile.message).toContain("| @octocat `tick` ]]> -- %0A\r\n::error::x,y:z");
    const comma = parse(lines.find((l) => l.includes("schema"))!);
    expect(comma.properties["file"]).toBe("sources/evil, with: comma.yaml");
    expect(comma.properties["title"]).toBe("claimcheck(schema)");
  });

  it("prints nothing when there is nothing to say", () => {
    expect(github(makeResult({ claims: [], otherDiagnostics: [] }), plainOptions())).toBe("");
  });

  it("prints errors first, whatever the order of their files", () => {
    const result = makeResult();
    const warning = finding("sources/aaa-first.yaml", "warning", "orphan-source");
    result.diagnostics = [warning, ...result.diagnostics];
    const commands = github(result, plainOptions()).trimEnd().split("\n").map((line) => parse(line).command);
    expect(commands).toEqual(["error", "error", "warning", "warning", "warning"]);
  });

  it("folds a rule's repeated warnings outside the claims into one annotation that counts the rest", () => {
    // The fixture already has one archive-url warning, in a source a claim cites.
    const result = makeResult({ otherDiagnostics: [] });
    expect(result.diagnostics.filter((d) => d.ruleId === "archive-url")).toHaveLength(1);
    const sources = Array.from({ length: 6 }, (_, i) => finding(`sources/s${i}.yaml`, "warning", "archive-url"));
    result.diagnostics = [...result.diagnostics, ...sources];
    const lines = github(result, plainOptions()).trimEnd().split("\n").map(parse);
    const archive = lines.filter((line) => line.properties["title"] === "claimcheck(archive-url)");
    expect(archive).toHaveLength(1);
    expect(archive[0]!.properties["file"]).toBe("sources/s0.yaml");
    expect(archive[0]!.message).toBe("archive-url finding (and 6 more archive-url warnings in other files)");
    // Three are not folded: each is worth its own annotation.
    result.diagnostics = [...makeResult({ otherDiagnostics: [] }).diagnostics, ...sources.slice(0, 2)];
    expect(github(result, plainOptions()).match(/title=claimcheck\(archive-url\)/g)).toHaveLength(3);
  });

  it("prints at most ten annotations of each kind, then one notice that says how many were left out and where they are", () => {
    const result = makeResult({ claims: [], otherDiagnostics: [] });
    const claimFile = (i: number) => `claims/a/c${String(i).padStart(2, "0")}.yaml`;
    const errors = Array.from({ length: 25 }, (_, i) => finding(claimFile(i), "error", "quote-found"));
    const warnings = Array.from({ length: 12 }, (_, i) => finding(claimFile(i), "warning", "source-freshness"));
    const repeated = Array.from({ length: 8 }, (_, i) => finding(`sources/z${i}.yaml`, "warning", "archive-url"));
    result.claims = Array.from({ length: 25 }, (_, i) => ({ ...makeResult().claims[0]!, id: `c${i}`, file: claimFile(i) }));
    result.diagnostics = [...errors, ...warnings, ...repeated];
    const lines = github(result, plainOptions()).trimEnd().split("\n").map(parse);
    expect(lines.map((line) => line.command)).toEqual([
      ...Array<string>(ANNOTATIONS_PER_KIND).fill("error"),
      ...Array<string>(ANNOTATIONS_PER_KIND).fill("warning"),
      "notice",
    ]);
    expect(lines.slice(0, 10).map((line) => line.properties["file"])).toEqual(errors.slice(0, 10).map((d) => d.at.file));
    // 12 + 1 folded warning annotations: 3 not shown, one of them standing for 8 archive-url warnings.
    expect(lines.at(-1)!.message).toBe(
      "15 more errors and 10 more warnings than GitHub shows as annotations (10 of each kind per step): the job summary and the SARIF report list every finding.",
    );
    expect(lines.at(-1)!.properties["title"]).toBe("claimcheck: findings not shown");
  });
});

function finding(file: string, severity: "error" | "warning", ruleId: string): Diagnostic {
  return { ruleId, messageId: "m", data: {}, message: `${ruleId} finding`, severity, at: { file, line: 3, column: 1 } };
}
