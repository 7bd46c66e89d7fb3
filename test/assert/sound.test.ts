/**
 * The wrong verdicts listed under "Why" in issue 9, each now giving the sound result, and the
 * capabilities that fix them: quantities with bounds and units, periods, lists, durations,
 * counts that need a witness.
 */
import { describe, expect, it } from "vitest";
import { evaluate, source } from "../helpers/project.js";

const REGISTRY = `entities: {}
properties:
  visitors: { label: people who have visited, type: number }
  mass: { label: mass, type: quantity, dimension: mass }
  crew-member: { label: crew member, type: entity, multiple: true }
  crew-vehicle: { label: crew vehicle, type: entity }
  cost: { label: cost, type: quantity, dimension: money }
  launch-mass-t: { label: launch mass, type: quantity, dimension: mass, unit: t }
`;
const fact = (id: string, subject: string, property: string, value: string, extra = "") => `  - { id: ${id}, subject: ${subject}, property: ${property}, value: ${value}, excerpt: e${extra} }\n`;
const event = (id: string, date: string, kind = "meeting") => `  - { id: ${id}, event: ${id}, kind: ${kind}, date: "${date}", excerpt: e }\n`;
const run = (sources: Record<string, string>, assert: string, asOf?: string) => evaluate(sources, assert, { registry: REGISTRY, asOf });

describe("a source's lower bound (\"more than 290 people\")", () => {
  const ria = { ria: source(fact("v", "iss", "visitors", "{ more-than: 290 }")) };
  it.each([
    ["gt: 295", "unverifiable"], // was refuted: the fact could only be stored as 290
    ["gt: 280", "supported"],
    ["lt: 250", "refuted"],
    ["gte: 291", "unverifiable"],
    ["gt: 290", "supported"],
    ["equals: 290", "refuted"],
    ["equals: 300", "unverifiable"],
  ])("%s → %s", (test, verdict) => {
    expect(run(ria, `value: { subject: iss, property: visitors, ${test} }`).derived).toBe(verdict);
  });
});

describe("two sources that round differently (419,725 kg and about 420,000 kg)", () => {
  const both = {
    nasa: source(fact("m", "iss", "mass", "{ amount: 419725, unit: kg }")),
    blog: source(fact("m", "iss", "mass", "{ about: 420000, unit: kg }")),
  };
  it("a claim of about 420 t (± 1%) that both satisfy is supported, not mixed", () => {
    const e = run(both, 'value: { subject: iss, property: mass, about: { amount: 420, unit: t }, tolerance: 1% }');
    expect(e.derived).toBe("supported");
    expect(e.part.found).toContain("419725 kg (blog#m, nasa#m)");
  });
  it("the precise source decides what the rounded one leaves open", () => {
    expect(run(both, "value: { subject: iss, property: mass, equals: { amount: 420, unit: t } }").derived).toBe("refuted");
    expect(run({ blog: both.blog }, "value: { subject: iss, property: mass, equals: { amount: 420, unit: t } }").derived).toBe("unverifiable");
  });
  it("a range in one part, in another unit", () => {
    expect(run(both, "value: { subject: iss, property: mass, gte: { amount: 400, unit: t }, lte: { amount: 450, unit: t } }").derived).toBe("supported");
    expect(run(both, "value: { subject: iss, property: mass, gte: { amount: 900, unit: lb }, lt: { amount: 1e6, unit: lb } }").derived).toBe("supported");
    expect(run(both, "value: { subject: iss, property: mass, gt: { amount: 420, unit: t }, lte: { amount: 450, unit: t } }").derived).toBe("refuted");
  });
  it("sources whose amounts cannot both be right are mixed where they answer differently, and decide where they agree", () => {
    const apart = { a: source(fact("m", "iss", "mass", "{ amount: 419725, unit: kg }")), b: source(fact("m", "iss", "mass", "{ amount: 450, unit: t }")) };
    expect(run(apart, "value: { subject: iss, property: mass, gt: { amount: 430, unit: t } }").derived).toBe("mixed");
    expect(run(apart, "value: { subject: iss, property: mass, gt: { amount: 400, unit: t } }").derived).toBe("supported");
  });
});

describe("a quoted number for a number", () => {
  it("is never compared: the part is unverifiable (value-typed reports the value)", () => {
    const quoted = { s: source(fact("v", "iss", "visitors", '"300"')) };
    const e = run(quoted, "value: { subject: iss, property: visitors, gt: 295 }");
    expect(e.derived).toBe("unverifiable");
    expect(e.part.found).toContain("wrong type");
  });
  it("nor is a literal of the wrong type in the claim", () => {
    const e = run({ s: source(fact("v", "iss", "visitors", "300")) }, 'value: { subject: iss, property: visitors, gt: "295" }');
    expect(e.derived).toBe("unverifiable");
    expect(e.problems).toEqual([expect.objectContaining({ kind: "bad-literal", property: "visitors" })]);
  });
});

describe("a crew of three (one property, three values)", () => {
  const crew = { s: source(fact("c", "expedition-1", "crew-member", "[shepherd, gidzenko, krikalev]", ", complete: true")) };
  it.each([
    ["includes: krikalev", "supported"],
    ["includes: [shepherd, krikalev]", "supported"],
    ["includes: tito", "refuted"],
    ["excludes: tito", "supported"],
    ["equals: [krikalev, gidzenko, shepherd]", "supported"],
    ["equals: [krikalev, gidzenko]", "refuted"],
    ["size: 3", "supported"],
    ["size: { gt: 3 }", "refuted"],
  ])("members %s → %s", (test, verdict) => {
    expect(run(crew, `members: { subject: expedition-1, property: crew-member, ${test} }`).derived).toBe(verdict);
  });
  it("without the whole list, absence proves nothing", () => {
    const some = { s: source(fact("c", "expedition-1", "crew-member", "[shepherd, krikalev]")) };
    expect(run(some, "members: { subject: expedition-1, property: crew-member, includes: gidzenko }").derived).toBe("unverifiable");
    expect(run(some, "members: { subject: expedition-1, property: crew-member, size: { gte: 2 } }").derived).toBe("supported");
    expect(run(some, "members: { subject: expedition-1, property: crew-member, size: 3 }").derived).toBe("unverifiable");
    expect(run(some, "members: { subject: expedition-1, property: crew-member, equals: [shepherd] }").derived).toBe("refuted");
  });
});

describe("count of a kind nobody recorded, or equals 0", () => {
  it("is unverifiable without a source that states there were none (absence is not evidence)", () => {
    expect(run({ s: source(event("m2025", "2025-07-31")) }, 'count: { kind: meeting, from: "2019", to: "2024", equals: 0 }').derived).toBe("unverifiable");
  });
  it("is decided by a stated chain of previous events that spans the period", () => {
    const witnessed = { s: source(event("m2018", "2018-10") + event("m2025", "2025-07-31") + fact("p", "m2025", "previous", "m2018")) };
    expect(run(witnessed, 'count: { kind: meeting, from: "2019", to: "2024", equals: 0 }').derived).toBe("supported");
    expect(run(witnessed, "count: { kind: meeting, after: { event: m2018 }, before: { event: m2025 }, equals: 0 }").derived).toBe("supported");
    expect(run(witnessed, "count: { kind: meeting, from: { event: m2018 }, to: { event: m2025 }, equals: 2 }").derived).toBe("supported");
    // The witness says nothing of January to September 2018, nor of August to December 2025.
    expect(run(witnessed, 'count: { kind: meeting, from: "2018", to: "2025", equals: 2 }').derived).toBe("unverifiable");
    expect(run(witnessed, 'count: { kind: meeting, from: "2019", to: "2024", gte: 1 }').derived).toBe("refuted");
  });
});

describe("a statement's start and end", () => {
  const vehicles = {
    s: source(fact("soyuz", "us-crew-transport", "crew-vehicle", "soyuz", ', start: "2011", end: "2020"') + fact("dragon", "us-crew-transport", "crew-vehicle", "crew-dragon", ', start: "2020"')),
  };
  it("decide which statement holds at the claim's date: no longer mixed", () => {
    expect(run(vehicles, "value: { subject: us-crew-transport, property: crew-vehicle, equals: crew-dragon }", "2025-08-03").derived).toBe("supported");
    expect(run(vehicles, 'value: { subject: us-crew-transport, property: crew-vehicle, equals: soyuz, at: "2015" }', "2025-08-03").derived).toBe("supported");
    expect(run(vehicles, 'value: { subject: us-crew-transport, property: crew-vehicle, equals: soyuz, at: "2015" }', "2025-08-03").part.evidence.map((e) => e.fact)).toEqual(["soyuz"]);
  });
  it("leave a date their precision cannot place unverifiable", () => {
    expect(run(vehicles, 'value: { subject: us-crew-transport, property: crew-vehicle, equals: crew-dragon, at: "2020-06" }', "2025-08-03").derived).toBe("unverifiable");
  });
});

describe("units", () => {
  it("convert through the library: 420 t against a source in kg, no hand conversion", () => {
    const kg = { s: source(fact("m", "iss", "mass", "{ amount: 419725, unit: kg }")) };
    expect(run(kg, "value: { subject: iss, property: mass, gt: { amount: 400, unit: t } }").derived).toBe("supported");
  });
  it("take a property's declared unit for a plain number", () => {
    const t = { s: source(fact("m", "iss", "launch-mass-t", "420")) };
    expect(run(t, "value: { subject: iss, property: launch-mass-t, gt: { amount: 400000, unit: kg } }").derived).toBe("supported");
  });
  it("compare money only within one currency and one year, unless the claim says otherwise", () => {
    const usd = { s: source(fact("c", "usdv", "cost", "{ at-most: 843000000, unit: USD }"), "2024-06-26") };
    expect(run(usd, "value: { subject: usdv, property: cost, lte: { amount: 1e9, unit: USD } }", "2025-11-02").derived).toBe("unverifiable");
    expect(run(usd, "value: { subject: usdv, property: cost, lte: { amount: 1e9, unit: USD, year: 2024 } }", "2025-11-02").derived).toBe("supported");
    expect(run(usd, 'value: { subject: usdv, property: cost, lte: { amount: 1e9, unit: USD }, currency-year: any }', "2025-11-02").derived).toBe("supported");
    expect(run(usd, "value: { subject: usdv, property: cost, lte: { amount: 1e9, unit: EUR, year: 2024 } }", "2025-11-02").derived).toBe("unverifiable");
  });
});

describe("compare with a multiplier", () => {
  it("more than three times Mir's mass", () => {
    const masses = { s: source(fact("iss", "iss", "mass", "{ amount: 419725, unit: kg }") + fact("mir", "mir", "mass", "{ about: 130, unit: t }")) };
    expect(run(masses, "compare: { left: { subject: iss, property: mass }, op: gt, times: 3, right: { subject: mir, property: mass } }").derived).toBe("supported");
    expect(run(masses, "compare: { left: { subject: iss, property: mass }, op: gt, times: 3.3, right: { subject: mir, property: mass } }").derived).toBe("unverifiable");
    expect(run(masses, "compare: { left: { subject: iss, property: mass }, op: gt, times: 4, right: { subject: mir, property: mass } }").derived).toBe("refuted");
  });
});

describe("durations between dates or events", () => {
  const flight = { s: source(event("launch", "2000-10-31", "launch") + event("landing", "2001-03-21", "landing") + event("presence", "2000-11-02", "arrival")) };
  it.each([
    ["gt: { amount: 4, unit: month }", "supported"],
    ["lt: { amount: 5, unit: month }", "supported"],
    ["gt: { amount: 4, unit: month }, lt: { amount: 5, unit: month }", "supported"],
    ["gt: { amount: 5, unit: month }", "refuted"],
    ["equals: { amount: 141, unit: d }", "supported"],
    ["about: { amount: 20, unit: week }, tolerance: 1", "supported"],
    ["about: { amount: 4.5, unit: month }, tolerance: 5%", "supported"],
  ])("launch to landing %s → %s", (test, verdict) => {
    expect(run(flight, `duration: { from: { event: launch }, to: { event: landing }, ${test} }`).derived).toBe(verdict);
  });
  it("runs to the claim's date when no end is given, and months of a partial date stay open", () => {
    expect(run(flight, "duration: { from: { event: presence }, gte: { amount: 25, unit: year } }", "2025-11-02").derived).toBe("supported");
    expect(run(flight, "duration: { from: { event: presence }, gte: { amount: 25, unit: year } }", "2025-11-01").derived).toBe("refuted");
    expect(run(flight, 'duration: { from: "2000-11", to: "2001-03", gt: { amount: 4, unit: month } }').derived).toBe("unverifiable");
  });
});
