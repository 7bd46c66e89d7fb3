/**
 * The second dataset (test/fixtures/_iss-at-25/): three real articles on the International
 * Space Station's 25th anniversary, checked against real sources (the research notes of
 * issue 9). Every claim passes, the verdicts are the ones the fact check declares, and the
 * claims exercise what issue 9 built: quantities with bounds and units, money, tolerance,
 * durations, periods, lists, declared kinds, and sources that round differently without
 * conflicting.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartResult, RunResult } from "../../src/model/result.js";
import { checkTree, FIXTURES } from "../helpers/fixtures.js";

let result: RunResult;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-iss-at-25-"));
  await cp(path.join(FIXTURES, "_iss-at-25"), dir, { recursive: true });
  result = await checkTree(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const parts = (p: PartResult): PartResult[] => [p, ...(p.parts ?? []).flatMap(parts)];

describe("the International Space Station at 25", () => {
  it("passes: every claim derives the verdict it declares, with no error anywhere", () => {
    const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.at.file}:${d.at.line} ${d.ruleId}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(result.summary).toMatchObject({ claims: 13, passed: 13, failed: 0, errors: 0 });
    for (const claim of result.claims) expect(claim.derived, claim.id).toBe(claim.declared);
  });

  it("has supported, refuted, mixed and unverifiable claims across three articles", () => {
    expect(result.summary.derived).toEqual({ supported: 7, refuted: 2, mixed: 1, unverifiable: 3 });
    expect(new Set(result.claims.map((c) => c.article))).toEqual(new Set(["ap-2025-iss-25-years", "wion-2025-spacex-after-iss", "thenews-2025-iss-silver-jubilee"]));
  });

  it("uses durations, lists, ranges, dates and groups", () => {
    const kinds = new Set(result.claims.flatMap((c) => (c.evaluation ? parts(c.evaluation).map((p) => p.kind) : [])));
    for (const kind of ["value", "duration", "members", "date", "all"]) expect(kinds, kind).toContain(kind);
  });

  it("reads bounds and units as intervals: a lower bound leaves 'nearly 300' open, kilograms refute tonnes", () => {
    const find = (id: string) => result.claims.find((c) => c.id === id)!;
    expect(find("a2-nearly-300-visitors").evaluation!.found).toBe("more than 280 (nasa-2025-07-17-25th-anniversary-logo#visitors)");
    expect(find("a2-nearly-300-visitors").evaluation!.later.map((e) => e.source)).toEqual(["ria-2025-11-02-roscosmos-290-visitors"]);
    expect(find("b2-over-430-tonnes").evaluation!.evidence.map((e) => e.source).sort()).toEqual(["spaceanswers-iss-five-facts", "universetoday-2023-12-iss-25-years-in-space"]);
    expect(find("b3-843-million-contract").evaluation!.found).toContain("843000000 USD (2024)");
  });

  it("keeps a later, larger crew out of a claim about the crew then", () => {
    const seven = result.claims.find((c) => c.id === "a9-seven-aboard")!;
    const aboard = parts(seven.evaluation!).find((p) => p.kind === "value")!;
    expect(aboard.verdict).toBe("supported");
    expect(aboard.later.map((e) => e.source)).toEqual(["dailyaudio-2025-11-29-soyuz-ms-28"]);
  });
});
