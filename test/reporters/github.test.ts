import { describe, expect, it } from "vitest";
import { github } from "../../src/reporters/github.js";
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
});
