import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseOptions } from "../../src/options/run-options.js";
import { applyConfig } from "../../src/config/apply.js";
import { parseConfig } from "../../src/config/load-config.js";
import { runCheck } from "../../src/engine/run.js";
import type { RunResult } from "../../src/model/result.js";
import { FIXTURE_TODAY, FIXTURES, layCase } from "../helpers/fixtures.js";

/** Checks one of the rule's fixture cases, under a configuration given as YAML text. */
async function checkCase(name: string, config = ""): Promise<RunResult> {
  const { dir, cleanup } = await layCase(path.join(FIXTURES, "evidence-sufficiency", name));
  try {
    const options = applyConfig({ ...baseOptions(dir), today: FIXTURE_TODAY }, config === "" ? undefined : parseConfig("claimcheck.config.yaml", new TextEncoder().encode(config)));
    return await runCheck(options);
  } finally {
    await cleanup();
  }
}

const findings = (result: RunResult, ruleId = "evidence-sufficiency") => result.diagnostics.filter((d) => d.ruleId === ruleId);

describe("evidence-sufficiency", () => {
  it("says which verdict, which groups it found, and what is missing", async () => {
    const [finding, ...more] = findings(await checkCase("invalid/mirrors-of-one-outlet"));
    expect(more).toEqual([]);
    expect(finding).toMatchObject({
      messageId: "tooFew",
      data: { verdict: "supported", needed: "2 independent sources or 1 primary source", found: 1, missing: 1, groups: "Demo Post" },
      at: { file: "claims/demo/c2-met-in-florida.yaml", path: "verdict" },
    });
    expect(finding!.related).toEqual([
      { message: "group 1 counts: Demo Post — demo-copy-a, demo-copy-b; tied by: mirror-of Demo Post", at: expect.objectContaining({ path: "citations[0].source" }) },
    ]);
  });

  it("names the state whose own outlets are the only witnesses", async () => {
    const [finding] = findings(await checkCase("invalid/own-state-primary-alone"));
    expect(finding).toMatchObject({ messageId: "ownState", data: { verdict: "supported", state: "RU", groups: "Demo Ministry of Space [RU state]" } });
    expect(finding!.related?.[0]?.message).toBe("group 1 counts, as a primary source: Demo Ministry of Space — demo-ministry; tied by: nothing (one source)");
  });

  it("counts sources of standing unreliable for nothing", async () => {
    const [finding] = findings(await checkCase("invalid/unreliable-counts-for-nothing"));
    expect(finding).toMatchObject({ messageId: "tooFew", data: { found: 1, groups: "Demo Times; Demo Rumour Mill (counts for nothing)" } });
    expect(finding!.related?.[1]?.message).toBe("group 2 counts for nothing (standing unreliable): Demo Rumour Mill — demo-rumour; tied by: nothing (one source)");
    // The result document says so too, for the reports.
    const result = await checkCase("invalid/unreliable-counts-for-nothing");
    const groups = result.claims.find((c) => c.id === "c2-met-in-florida")!.evidenceGroups!;
    expect(groups.map((g) => [g.outlets[0], g.counts])).toEqual([["Demo Times", true], ["Demo Rumour Mill", false]]);
  });

  it("judges a mixed claim part by part, at the part", async () => {
    const [finding, ...more] = findings(await checkCase("invalid/mixed-part-on-one-source"));
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ messageId: "partTooFew", data: { part: "place", verdict: "supported", found: 1 }, at: { path: "assert.all[0]" } });
  });

  it("follows the project's standard in claimcheck.config.yaml", async () => {
    expect(findings(await checkCase("invalid/mirrors-of-one-outlet", "evidence:\n  independent-sources: 1\n"))).toEqual([]);
    expect(findings(await checkCase("invalid/own-state-primary-alone", "evidence:\n  own-state-suffices: true\n"))).toEqual([]);
    expect(findings(await checkCase("invalid/unreliable-counts-for-nothing", "evidence:\n  counting-standings: [generally-reliable, unreliable]\n"))).toEqual([]);
    // The demo project's own claims rest on its one primary source too: all are short now.
    const strict = findings(await checkCase("valid/primary-source-alone", "evidence:\n  primary-suffices: false\n")).filter((d) => d.at.file.endsWith("c2-met-in-florida.yaml"));
    expect(strict.map((d) => [d.messageId, d.data.needed])).toEqual([["tooFew", "2 independent sources"]]);
    const three = findings(await checkCase("valid/mirrors-and-an-independent-source", "evidence:\n  independent-sources: 3\n"));
    expect(three.map((d) => [d.messageId, d.data.found, d.data.missing])).toEqual([["tooFew", 2, 1]]);
  });

  it("lets an unverifiable verdict stand on facts short of the standard, and shows why in the result", async () => {
    const result = await checkCase("valid/unverifiable-on-one-source");
    expect(result.diagnostics).toEqual([]);
    const claim = result.claims.find((c) => c.id === "c2-met-in-florida")!;
    expect(claim).toMatchObject({ declared: "unverifiable", derived: "unverifiable", status: "pass" });
    expect(claim.evaluation?.insufficientEvidence).toBe(true);
    expect(claim.evidenceGroups).toEqual([{ sources: ["demo-times"], citations: [0], outlets: ["Demo Times"], links: [], counts: true, primary: false }]);
  });

  it("does not let a claim be called unverifiable when its evidence meets the standard", async () => {
    // The primary source alone suffices, so "unverifiable" is a mismatch for assertion-holds.
    const { dir, cleanup } = await layCase(path.join(FIXTURES, "evidence-sufficiency", "valid/primary-source-alone"));
    try {
      const { readFile, writeFile } = await import("node:fs/promises");
      const file = path.join(dir, "claims/demo/c2-met-in-florida.yaml");
      await writeFile(file, (await readFile(file, "utf8")).replace("verdict: supported", "verdict: unverifiable"));
      const result = await runCheck({ ...baseOptions(dir), today: FIXTURE_TODAY });
      expect(findings(result, "assertion-holds").map((d) => d.messageId)).toEqual(["mismatch"]);
    } finally {
      await cleanup();
    }
  });

  it("turned off, applies no standard anywhere: thin facts no longer excuse unverifiable", async () => {
    const result = await checkCase("valid/unverifiable-on-one-source", "rules:\n  evidence-sufficiency: off\n");
    expect(findings(result)).toEqual([]);
    expect(findings(result, "assertion-holds").map((d) => d.messageId)).toEqual(["mismatch"]);
    expect(result.claims.find((c) => c.id === "c2-met-in-florida")?.derived).toBe("supported");
  });
});

describe("the evidence block of claimcheck.config.yaml", () => {
  it("rejects an unknown key and a standing that does not exist, at their lines", () => {
    expect(() => parseConfig("c.yaml", new TextEncoder().encode("evidence:\n  independent-source: 2\n"))).toThrow(/c\.yaml:2:3 {2}unknown key "independent-source" — did you mean "independent-sources"\?/);
    expect(() => parseConfig("c.yaml", new TextEncoder().encode("evidence:\n  counting-standings: [reliable]\n"))).toThrow(/c\.yaml:2:24 {2}"reliable" is not one of/);
    expect(() => parseConfig("c.yaml", new TextEncoder().encode("evidence:\n  independent-sources: 0\n"))).toThrow(/c\.yaml:2:24/);
  });
});
