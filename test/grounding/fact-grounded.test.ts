import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { scanExcerpt } from "../../src/grounding/excerpt-scan.js";
import { groundEntity, groundNumber, groundValue, valueShape, type GroundingContext } from "../../src/grounding/ground-value.js";
import type { FactRecord, Registry } from "../../src/project/types.js";
import { explainClaim } from "../../src/reporters/explain.js";
import { checkTree, layCase } from "../helpers/fixtures.js";

/** Lays `files` over the demo project, checks it, and removes everything afterwards. */
async function check(files: Record<string, string>) {
  const caseDir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-grounded-"));
  try {
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(caseDir, file)), { recursive: true });
      await writeFile(path.join(caseDir, file), content);
    }
    const { dir, cleanup } = await layCase(caseDir);
    try {
      return await checkTree(dir);
    } finally {
      await cleanup();
    }
  } finally {
    await rm(caseDir, { recursive: true, force: true });
  }
}

const source = (excerpt: string, facts: string, issued = "2025-08-01") => `id: demo-extra
type: article-newspaper
title: Heads meet
container-title: Demo Daily
issued: "${issued}"
URL: https://example.org/demo-extra
language: en
kind: unknown
standing: unreliable
excerpts:
  - id: story
    text: "${excerpt}"
facts:
${facts}`;

/** A record of the 2025 meeting citing excerpt "story", with the given further lines. */
const meeting = (lines: string) => `  - id: meeting
    event: meeting-2025
    kind: heads-meeting
    date: "2025-07-31"
    excerpt: story
${lines}`;

const grounded = (result: Awaited<ReturnType<typeof check>>) =>
  result.diagnostics.filter((d) => d.ruleId === "fact-grounded").map((d) => ({ messageId: d.messageId, data: d.data, path: d.at.path, line: d.at.line }));

describe("fact-grounded findings: ids and data", () => {
  it("names the field, the value, the excerpt and the nearest date the excerpt states", async () => {
    const result = await check({
      "sources/demo-extra.yaml": source(
        "The heads will meet at Kennedy Space Center in July.",
        meeting(`    place: kennedy-space-center
`),
        "2025-07-20",
      ),
    });
    expect(grounded(result)).toEqual([
      {
        messageId: "notStatedNear",
        data: { fact: "meeting", excerpt: "story", field: "date", value: "2025-07-31", shape: "date", closest: "July" },
        path: "facts[0].date",
        line: 17,
      },
    ]);
  });

  it("lists the names it looked for, and points at the participant", async () => {
    const result = await check({
      "sources/demo-extra.yaml": source(
        "The heads met in Florida on Thursday.",
        meeting(`    participants: [baikonur, kennedy-space-center]
`),
      ),
    });
    expect(grounded(result).map((f) => [f.messageId, f.path, f.data.names])).toEqual([
      ["notNamed", "facts[0].participants[0]", '"Baikonur Cosmodrome", "Baikonur"'],
      ["notNamed", "facts[0].participants[1]", '"Kennedy Space Center"'],
    ]);
  });

  it("reports an inference the excerpt does not need, one for a field the fact lacks, and a blank reason", async () => {
    const result = await check({
      "sources/demo-extra.yaml": source(
        "The heads met at Kennedy Space Center on Thursday.",
        meeting(`    place: kennedy-space-center
    grounding:
      inferred: [date, participants]
      reason: " "
`),
      ),
    });
    expect(grounded(result).map((f) => [f.messageId, f.path, f.data.field])).toEqual([
      ["inferenceNotNeeded", "facts[0].grounding.inferred[0]", "date"],
      ["inferredFieldMissing", "facts[0].grounding.inferred[1]", "participants"],
      ["blankReason", "facts[0].grounding.reason", undefined],
    ]);
  });

  it("lets the schema refuse an inference without a reason or with an unknown field", async () => {
    const result = await check({
      "sources/demo-extra.yaml": source(
        "The heads met.",
        meeting(`    grounding:
      inferred: [kind]
`),
      ),
    });
    expect(result.diagnostics.filter((d) => d.ruleId === "schema" && d.at.file === "sources/demo-extra.yaml").length).toBeGreaterThan(0);
  });
});

describe("an inference in the reports", () => {
  it("rides on the evidence in the result and shows in explain", async () => {
    const result = await check({
      "sources/demo-wire.yaml": `id: demo-wire
type: article-newspaper
title: Agency heads hold first talks since 2018
container-title: Demo Wire
issued: "2025-07-31"
URL: https://example.org/demo-wire
archive-URL: https://web.archive.org/web/2025/https://example.org/demo-wire
language: en
kind: primary
standing: generally-reliable
excerpts:
  - id: last-meeting
    text: "The last meeting between the two heads took place in October 2018, at Baikonur."
  - id: this-meeting
    text: "The heads met at Kennedy Space Center on July 31."
  - id: venue
    text: "The heads met at Kennedy Space Center."
facts:
  - id: meeting-2025
    event: meeting-2025
    kind: heads-meeting
    date: "2025-07-31"
    place: kennedy-space-center
    excerpt: venue
    grounding:
      inferred: [date]
      reason: The date is the wire's dateline.
  - id: meeting-2018
    event: meeting-2018
    kind: heads-meeting
    date: "2018-10"
    place: baikonur
    excerpt: last-meeting
  - id: previous
    subject: meeting-2025
    property: previous
    value: meeting-2018
    excerpt: last-meeting
    grounding:
      inferred: [subject]
      reason: The wire's story is the 2025 meeting.
`,
    });
    expect(result.diagnostics).toEqual([]);
    const claim = result.claims.find((c) => c.id === "c2-met-in-florida")!;
    const evidence = claim.evaluation!.parts!.flatMap((p) => p.evidence);
    expect(evidence.find((e) => e.fact === "meeting-2025")?.inferred).toEqual({ fields: ["date"], reason: "The date is the wire's dateline." });
    expect(explainClaim(claim, pc.createColors(false))).toContain("inferred (date): The date is the wire's dateline.");
  });
});

describe("grounding one value", () => {
  const registry: Registry = {
    doc: undefined as never,
    entities: new Map([
      ["bakanov", { label: "Dmitry Bakanov", type: "person", aliases: ["Bakanov", "Баканов"] }],
      ["duffy", { label: "Sean Duffy", type: "person", aliases: ["Duffy"] }],
      ["talks", { label: "The talks of 31 July", type: "event" }],
    ]),
    properties: new Map(),
  };
  const talks: FactRecord = { id: "t", excerpt: "x", event: "talks", kind: "talks", date: "2025-07-31", participants: ["bakanov", "duffy"] };
  const context: GroundingContext = { registry, eventRecords: new Map([["talks", [talks]]]), issued: { year: 2025, month: 8, day: 1, precision: "day" } };

  it("recognises an event by everyone who took part in it", () => {
    expect(groundEntity("talks", scanExcerpt("Bakanov met Duffy.", "en"), context).found).toBe(true);
    expect(groundEntity("talks", scanExcerpt("Bakanov met the press.", "en"), context).found).toBe(false);
  });

  it("matches a number with or without its scale, and reads a decimal comma by language", () => {
    expect(groundNumber(843, scanExcerpt("It cost $843 million.", "en")).found).toBe(true);
    expect(groundNumber(843_000_000, scanExcerpt("It cost $843 million.", "en")).found).toBe(true);
    expect(groundNumber(1.5, scanExcerpt("около 1,500 т", "ru")).found).toBe(true);
    expect(groundNumber(1.5, scanExcerpt("about 1,500 t", "en")).found).toBe(false);
    expect(groundNumber(290, scanExcerpt("more than 295 people", "en"))).toEqual({ found: false, shape: "number", closest: "more than 295" });
  });

  it("takes the shape from the property's declared type, else from the value", () => {
    expect(valueShape(true, undefined, registry)).toBe("boolean");
    expect(valueShape(2028, "year", registry)).toBe("year");
    expect(valueShape(2028, "number", registry)).toBe("number");
    expect(valueShape("bakanov", undefined, registry)).toBe("entity");
    expect(valueShape("2025-07", undefined, registry)).toBe("date");
    expect(valueShape("under development", "string", registry)).toBe("text");
    expect(groundValue(true, "boolean", scanExcerpt("anything", "en"), context)).toEqual({ found: "unchecked" });
  });
});
