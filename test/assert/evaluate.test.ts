import { describe, expect, it } from "vitest";
import { judgeWithin } from "../../src/assert/parts/date.js";
import { combine } from "../../src/assert/truth.js";
import { parsePartialDate } from "../../src/time/partial-date.js";
import { evaluate, source } from "../helpers/project.js";

const stmt = (id: string, subject: string, property: string, value: string | number, extra = "") =>
  `  - { id: ${id}, subject: ${subject}, property: ${property}, value: ${typeof value === "string" ? JSON.stringify(value) : value}, excerpt: e${extra} }\n`;
const event = (id: string, date: string, kind = "meeting", extra = "") => `  - { id: ${id}, event: ${id}, kind: ${kind}, date: "${date}", excerpt: e${extra} }\n`;

const commitment = { wire: source(stmt("r", "russia", "until", 2028)) };

describe("value", () => {
  const cases: Array<[string, string]> = [
    ["equals: 2028", "supported"],
    ["equals: 2030", "refuted"],
    ['equals: "2028"', "supported"],
    ["not-equals: 2030", "supported"],
    ["in: [2024, 2028]", "supported"],
    ["in: [2024, 2030]", "refuted"],
    ["lt: 2030", "supported"],
    ["lt: 2028", "refuted"],
    ["lte: 2028", "supported"],
    ["gt: 2027", "supported"],
    ["gt: 2028", "refuted"],
    ["gte: 2028", "supported"],
    ["gte: 2029", "refuted"],
  ];
  for (const [test, verdict] of cases) {
    it(`${test} → ${verdict}`, () => {
      const e = evaluate(commitment, `value: { subject: russia, property: until, ${test} }`);
      expect(e.derived).toBe(verdict);
      expect(e.part.evidence.map((x) => `${x.source}#${x.fact}`)).toEqual(["wire#r"]);
    });
  }

  it("is unverifiable when no cited source states it, and says which uncited one does", () => {
    const e = evaluate({ ...commitment, other: source(stmt("x", "us", "until", 2030)) }, "value: { subject: us, property: until, equals: 2030 }", { cite: ["wire"] });
    expect(e.derived).toBe("unverifiable");
    expect(e.problems).toEqual([expect.objectContaining({ kind: "uncited-only", sources: ["other"] })]);
  });

  it("is mixed when equally ranked cited sources disagree", () => {
    const e = evaluate({ a: source(stmt("x", "m", "place", "houston")), b: source(stmt("y", "m", "place", "ksc")) }, "value: { subject: m, property: place, equals: ksc }");
    expect(e.derived).toBe("mixed");
    expect(e.part.found).toContain("sources disagree");
  });

  it("lets a preferred statement outrank a normal one, and never lets a deprecated one decide", () => {
    const sources = {
      a: source(stmt("x", "m", "place", "houston", ", rank: deprecated, reason: wrong")),
      b: source(stmt("y", "m", "place", "ksc")),
    };
    expect(evaluate(sources, "value: { subject: m, property: place, equals: ksc }").derived).toBe("supported");
    const preferred = { a: source(stmt("x", "m", "place", "houston")), b: source(stmt("y", "m", "place", "ksc", ", rank: preferred")) };
    expect(evaluate(preferred, "value: { subject: m, property: place, equals: ksc }").derived).toBe("supported");
  });

  it("reports reliance on a deprecated statement when nothing better exists", () => {
    const e = evaluate({ a: source(stmt("x", "m", "place", "houston", ", rank: deprecated, reason: wrong")) }, "value: { subject: m, property: place, equals: houston }");
    expect(e.derived).toBe("supported");
    expect(e.problems.map((p) => p.kind)).toEqual(["deprecated"]);
  });

  it("selects one fact by source#fact, and refuses a source the claim does not cite", () => {
    const sources = { a: source(stmt("x", "m", "n", 1)), b: source(stmt("y", "m", "n", 2)) };
    expect(evaluate(sources, "value: { fact: b#y, equals: 2 }").derived).toBe("supported");
    const e = evaluate(sources, "value: { fact: b#y, equals: 2 }", { cite: ["a"] });
    expect(e.derived).toBe("unverifiable");
    expect(e.problems).toEqual([expect.objectContaining({ kind: "uncited-fact", source: "b" })]);
  });
});

describe("the as-of cut-off", () => {
  const later = { bill: source(stmt("b", "us", "proposed", 2032, ', point-in-time: "2026-03-06"'), "2026-03-06") };

  it("reports a fact dated after as-of as a later development that does not decide", () => {
    const e = evaluate(later, "value: { subject: us, property: proposed, equals: 2032 }", { asOf: "2025-08-03" });
    expect(e.derived).toBe("unverifiable");
    expect(e.part.evidence).toEqual([]);
    expect(e.part.later.map((x) => x.fact)).toEqual(["b"]);
    expect(e.part.found).toContain("later developments (2026-03-06)");
  });

  it("counts a fact dated exactly on the as-of date as known", () => {
    expect(evaluate(later, "value: { subject: us, property: proposed, equals: 2032 }", { asOf: "2026-03-06" }).derived).toBe("supported");
  });

  it("counts a month-precision fact in the as-of month as known (coarser precision decides)", () => {
    const monthly = { s: source(stmt("b", "us", "proposed", 2032, ', point-in-time: "2026-03"'), "2026-03") };
    expect(evaluate(monthly, "value: { subject: us, property: proposed, equals: 2032 }", { asOf: "2026-03-01" }).derived).toBe("supported");
    expect(evaluate(monthly, "value: { subject: us, property: proposed, equals: 2032 }", { asOf: "2026-02-28" }).derived).toBe("unverifiable");
  });

  it("falls back to the source's issued date for an undated statement", () => {
    const undated = { s: source(stmt("b", "us", "proposed", 2032), "2026-03-06") };
    expect(evaluate(undated, "value: { subject: us, property: proposed, equals: 2032 }", { asOf: "2025-08-03" }).derived).toBe("unverifiable");
  });
});

describe("date", () => {
  const events = { s: source(event("launch", "2024-06-05") + event("return", "2025-03-18") + event("meeting", "2018-10")) };

  it.each([
    ['{ event: meeting, in: "2018" }', "supported"],
    ['{ event: meeting, in: "2018-10" }', "supported"],
    ['{ event: meeting, in: "2018-11" }', "refuted"],
    ['{ event: meeting, in: "2018-10-11" }', "unverifiable"],
    ["{ event: launch, before: { event: return } }", "supported"],
    ["{ event: return, before: { event: launch } }", "refuted"],
    ['{ event: launch, after: "2024-06-04" }', "supported"],
    ['{ event: launch, before: "2024-06-05" }', "refuted"],
    ['{ event: meeting, before: "2018-10-11" }', "unverifiable"],
    ['{ event: meeting, after: "2018" }', "unverifiable"],
    ["{ event: launch, within: { days: 300, of: { event: return } } }", "supported"],
    ["{ event: launch, within: { days: 200, of: { event: return } } }", "refuted"],
  ])("%s → %s", (spec, verdict) => {
    expect(evaluate(events, `date: ${spec}`).derived).toBe(verdict);
  });

  it("explains expected and found with the facts' dates", () => {
    const e = evaluate(events, "date: { event: return, before: { event: launch } }");
    expect(e.part.expected).toBe("return date before launch date");
    expect(e.part.found).toBe("return date 2025-03-18; launch date 2024-06-05");
    expect(e.part.evidence.map((x) => x.fact)).toEqual(["return", "launch"]);
  });
});

describe("anniversary", () => {
  const apollo = { s: source(event("docking", "1975-07-17") + event("meeting", "2025-07-31") + event("leap", "2024-02-29") + event("next", "2025-02-28")) };

  it("holds within the tolerance and fails outside it", () => {
    expect(evaluate(apollo, "date: { event: meeting, anniversary: { of: { event: docking }, years: 50, tolerance-days: 14 } }").derived).toBe("supported");
    expect(evaluate(apollo, "date: { event: meeting, anniversary: { of: { event: docking }, years: 50, tolerance-days: 13 } }").derived).toBe("refuted");
    expect(evaluate(apollo, "date: { event: meeting, anniversary: { of: { event: docking }, years: 49, tolerance-days: 14 } }").derived).toBe("refuted");
  });

  it("puts a 29 February's anniversary in a common year on 28 February", () => {
    const e = evaluate(apollo, "date: { event: next, anniversary: { of: { event: leap }, years: 1 } }");
    expect(e.derived).toBe("supported");
    expect(e.part.found).toContain("anniversary 2025-02-28");
  });

  it("cannot decide an exact anniversary at month precision", () => {
    const monthly = { s: source(event("a", "1975-07") + event("b", "2025-07-31")) };
    expect(evaluate(monthly, "date: { event: b, anniversary: { of: { event: a }, years: 50 } }").derived).toBe("unverifiable");
    expect(evaluate(monthly, "date: { event: b, anniversary: { of: { event: a }, years: 50, tolerance-days: 31 } }").derived).toBe("supported");
  });
});

describe("first-since and last-before", () => {
  const meetings = (previousDate: string, extra = "") =>
    source(
      event("m2025", "2025-07-31", "heads-meeting") +
        event("m2018", previousDate, "heads-meeting") +
        "  - { id: prev, subject: m2025, property: previous, value: m2018, excerpt: e }\n" +
        extra,
    );

  it("holds when a cited source states the previous event and it fell in the year", () => {
    const e = evaluate({ s: meetings("2018-10") }, 'first-since: { event: m2025, kind: heads-meeting, since: "2018" }');
    expect(e.derived).toBe("supported");
    expect(e.part.found).toBe("previous heads-meeting: m2018 (2018-10)");
  });

  it("is refuted when the previous event fell in another year, naming that event's date first", () => {
    const e = evaluate({ s: meetings("2019-02") }, 'first-since: { event: m2025, kind: heads-meeting, since: "2018" }');
    expect(e.derived).toBe("refuted");
    expect(e.part.evidence[0]!.fact).toBe("m2018");
  });

  it("is refuted when a recorded event of the kind came in between", () => {
    const between = event("m2021", "2021-05-01", "heads-meeting");
    const e = evaluate({ s: meetings("2018-10", between) }, 'first-since: { event: m2025, kind: heads-meeting, since: "2018" }');
    expect(e.derived).toBe("refuted");
    expect(e.part.found).toContain("m2021 (2021-05-01) came in between");
  });

  it("ignores an event of another kind in between", () => {
    const other = event("deputies", "2025-04-07", "deputy-meeting");
    expect(evaluate({ s: meetings("2018-10", other) }, 'first-since: { event: m2025, kind: heads-meeting, since: "2018" }').derived).toBe("supported");
  });

  it("is unverifiable without a source that states which event came before", () => {
    const bare = { s: source(event("m2025", "2025-07-31", "heads-meeting") + event("m2018", "2018-10", "heads-meeting")) };
    const e = evaluate(bare, 'first-since: { event: m2025, kind: heads-meeting, since: "2018" }');
    expect(e.derived).toBe("unverifiable");
    expect(e.part.found).toBe("no cited source states which heads-meeting came before m2025");
  });

  it("last-before holds for the stated previous event and fails for another", () => {
    expect(evaluate({ s: meetings("2018-10") }, "last-before: { event: m2018, kind: heads-meeting, before: { event: m2025 } }").derived).toBe("supported");
    const other = evaluate({ s: meetings("2018-10", event("m2016", "2016-01", "heads-meeting")) }, "last-before: { event: m2016, kind: heads-meeting, before: { event: m2025 } }");
    expect(other.derived).toBe("refuted");
  });
});

describe("count", () => {
  const s = { s: source(event("a", "2019-03-01", "heads-meeting") + event("b", "2021", "heads-meeting") + event("c", "2025-07-31", "heads-meeting")) };
  it.each([
    ['{ kind: heads-meeting, from: "2019", to: "2024", equals: 2 }', "unverifiable"], // no source says there were no others
    ['{ kind: heads-meeting, from: "2019", to: "2024", gte: 2 }', "supported"],
    ['{ kind: heads-meeting, from: "2019", to: "2024", equals: 0 }', "refuted"],
    ['{ kind: heads-meeting, gte: 3 }', "supported"],
    ['{ kind: heads-meeting, from: "2021-06", to: "2024", equals: 1 }', "unverifiable"],
  ])("%s → %s", (spec, verdict) => {
    expect(evaluate(s, `count: ${spec}`).derived).toBe(verdict);
  });
});

describe("groups", () => {
  it("combines parts as docs/assertions.md says", () => {
    expect(combine("all", ["supported", "supported"])).toBe("supported");
    expect(combine("all", ["refuted", "refuted"])).toBe("refuted");
    expect(combine("all", ["unverifiable"])).toBe("unverifiable");
    expect(combine("all", ["supported", "refuted"])).toBe("mixed");
    expect(combine("all", ["supported", "unverifiable"])).toBe("mixed");
    expect(combine("any", ["refuted", "supported"])).toBe("supported");
    expect(combine("any", ["refuted", "refuted"])).toBe("refuted");
    expect(combine("any", ["refuted", "unverifiable"])).toBe("unverifiable");
  });

  it("derives mixed for a claim with a supported part and an unverifiable one (C14's shape)", () => {
    const sources = {
      upi: source(stmt("us", "us-segment", "until", 2030), "2021-12-31"),
      bill: source(stmt("b", "us-segment", "proposed", 2032, ', point-in-time: "2026-03-06"'), "2026-03-06"),
    };
    const e = evaluate(sources, "all:\n  - { id: us, value: { subject: us-segment, property: until, equals: 2030 } }\n  - { id: ext, expect: unverifiable, value: { subject: us-segment, property: proposed, equals: 2032 } }");
    expect(e.derived).toBe("mixed");
    expect(e.part.parts!.map((p) => [p.id, p.verdict])).toEqual([["us", "supported"], ["ext", "unverifiable"]]);
  });

  it("flags a part that checks two things at once", () => {
    const e = evaluate(commitment, 'value: { subject: russia, property: until, equals: 2028 }\ndate: { event: x, in: "2020" }');
    expect(e.problems.map((p) => p.kind)).toEqual(["bad-part"]);
  });
});

describe("judgeWithin", () => {
  const d = (s: string) => parsePartialDate(s)!;
  it("decides over every day a partial date can mean", () => {
    expect(judgeWithin(d("2025-07-31"), d("2025-07-17"), 14)).toBe("supported");
    expect(judgeWithin(d("2025-07-31"), d("2025-07-17"), 13)).toBe("refuted");
    expect(judgeWithin(d("2025-07"), d("2025-07-17"), 14)).toBe("unverifiable");
    expect(judgeWithin(d("2025-07"), d("2025-07-17"), 31)).toBe("supported");
    expect(judgeWithin(d("2024-02-28"), d("2024-03-01"), 2)).toBe("supported");
    expect(judgeWithin(d("2023-02-28"), d("2023-03-01"), 1)).toBe("supported");
  });
});
