/**
 * The messages a new contributor met on a second dataset (issue 9, "Clearer messages"), each
 * on a small project laid over test/fixtures/_base.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkTree, layCase } from "../helpers/fixtures.js";
import { runCli } from "../helpers/cli.js";
import { terminal } from "../../src/reporters/terminal.js";
import pc from "picocolors";

/** Lays the base project with some files replaced or added, runs `fn`, and cleans up. */
async function withProject<T>(files: Record<string, string>, fn: (dir: string) => Promise<T>): Promise<T> {
  const caseDir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-messages-"));
  try {
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(caseDir, file)), { recursive: true });
      await writeFile(path.join(caseDir, file), text);
    }
    const { dir, cleanup } = await layCase(caseDir);
    try {
      return await fn(dir);
    } finally {
      await cleanup();
    }
  } finally {
    await rm(caseDir, { recursive: true, force: true });
  }
}

const base = (file: string) => readFile(path.join(import.meta.dirname, "../fixtures/_base", file), "utf8");
const claim = (assert: string, extra = "") => `id: c2-met-in-florida
text: The heads of the two agencies met in Florida on Thursday.
as-of: "2025-08-02"
verdict: supported
rationale: The wire places the meeting at Kennedy Space Center on 31 July 2025, a Thursday.
citations:
  - source: demo-wire
    quote: The heads met at Kennedy Space Center on July 31.
${extra}assert:
${assert}`;

describe("a cited source that exists but fails its schema", () => {
  const broken = async () => (await base("sources/demo-wire.yaml")).replace("kind: primary", "kind: primry");

  it("is named as invalid, with the position of its first error, not as missing", async () => {
    await withProject({ "sources/demo-wire.yaml": await broken() }, async (dir) => {
      const result = await checkTree(dir);
      const found = result.diagnostics.filter((d) => d.ruleId === "source-exists");
      expect(found.map((d) => d.messageId)).toEqual(["invalidSource", "invalidSource"]);
      expect(found[0]!.message).toBe('source "demo-wire" is invalid (sources/demo-wire.yaml:10:7): its facts were not loaded');
      // What follows from the missing facts is not reported again.
      expect(result.diagnostics.filter((d) => d.ruleId === "cited-facts-only")).toEqual([]);
    });
  });

  it("has its own errors reported when a claim that cites it is checked by path", async () => {
    await withProject({ "sources/demo-wire.yaml": await broken() }, async (dir) => {
      const run = await runCli(["claims/demo/c1-first-since-2018.yaml", "--format", "terminal"], dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("sources/demo-wire.yaml:10:7");
      expect(run.stdout).not.toContain("entity-declared");
      expect(run.stdout).toContain('"primry" is not one of');
    });
  });
});

describe("a claim that failed to load", () => {
  it("still counts as citing its sources: no orphan-source warning for them", async () => {
    const other = `id: demo-other
type: webpage
title: Agency chiefs meet
URL: https://example.org/demo-other
archive-URL: https://web.archive.org/web/2025/https://example.org/demo-other
kind: unknown
standing: unreliable
excerpts: [{ id: venue, text: "The chiefs met in Florida." }]
`;
    const brokenClaim = claim("  date: { event: meeting-2025, in: \"2025-07\" }\n", "  - source: demo-other\n    quote: The chiefs met in Florida.\n").replace("verdict: supported", "verdict: supportd");
    await withProject({ "sources/demo-other.yaml": other, "claims/demo/c2-met-in-florida.yaml": brokenClaim }, async (dir) => {
      const result = await checkTree(dir);
      expect(result.diagnostics.map((d) => d.ruleId)).toContain("schema");
      expect(result.diagnostics.filter((d) => d.ruleId === "orphan-source")).toEqual([]);
    });
  });
});

describe("a citation of a source that does not exist", () => {
  it("is a source-exists error without a cited-facts-only cascade", async () => {
    const typo = claim("  value: { event: meeting-2025, property: place, equals: kennedy-space-center }\n").replace("source: demo-wire", "source: demo-wier");
    await withProject({ "claims/demo/c2-met-in-florida.yaml": typo }, async (dir) => {
      const rules = (await checkTree(dir)).diagnostics.map((d) => d.ruleId);
      expect(rules).toContain("source-exists");
      expect(rules).not.toContain("cited-facts-only");
    });
  });
});

describe("assertion parts", () => {
  const messages = async (assert: string) => withProject({ "claims/demo/c2-met-in-florida.yaml": claim(assert) }, async (dir) => (await checkTree(dir)).diagnostics.map((d) => `${d.ruleId}: ${d.message}`));

  it("anniversary.of given a date says it takes an event", async () => {
    const found = await messages('  date: { event: meeting-2025, anniversary: { of: "1975-07-17", years: 50 } }\n');
    expect(found).toEqual([
      'schema: expected an event such as { event: apollo-soyuz-docking }: anniversary.of names the event, not its date, found "1975-07-17" — a date part looks like: date: { event: expedition-1-launch, anniversary: { of: { event: iss-first-module-launch }, years: 2, tolerance-days: 31 } }',
    ]);
  });

  it("one range in one part is allowed", async () => {
    expect(await messages('  value: { event: meeting-2025, property: date, gte: "2025-07", lte: "2025-08" }\n')).toEqual([]);
  });

  it("a schema error inside a part names the kind and shows a valid example", async () => {
    const [found] = await messages("  value: { event: meeting-2025, property: place, equal: kennedy-space-center }\n");
    expect(found).toBe(
      'schema: unknown key "equal" — did you mean "equals"? — a value part looks like: value: { subject: iss, property: mass, gte: { amount: 400, unit: t }, lte: { amount: 450, unit: t } }',
    );
  });

  it("a part the evaluator cannot use names the kind and shows a valid example", async () => {
    const found = await messages("  value: { event: meeting-2025, property: place, gt: kennedy-space-center, gte: baikonur }\n");
    expect(found).toContainEqual(expect.stringMatching(/^assertion-holds: this value part has gt and gte; .* — a value part looks like: value: \{/));
  });

  it("an undeclared kind is an entity-declared error with a suggestion", async () => {
    const found = await messages('  first-since: { event: meeting-2025, kind: heads-meting, since: "2018" }\n');
    expect(found).toContainEqual('entity-declared: no event in the sources is of kind "heads-meting" — did you mean "heads-meeting"?');
  });
});

describe("plurals", () => {
  it("the terminal report says 1 claim, and 'the claim failed'", async () => {
    await withProject({ "claims/demo/c1-first-since-2018.yaml": "" }, async (dir) => {
      await rm(path.join(dir, "claims/demo/c1-first-since-2018.yaml"));
      const result = await checkTree(dir);
      const text = terminal(result, { colors: pc.createColors(false), sourceText: () => undefined, verbose: false });
      expect(text).toContain("— 1 claim;");
      expect(text).not.toContain("1 claims");
    });
  });
});

describe("disagreement with tolerance", () => {
  const registry = async (extra: string) => `${await base("sources/entities.yaml")}  mass: { label: mass, type: quantity, dimension: mass }\n${extra}`;
  const massSource = (id: string, value: string, rank = "") => `id: ${id}
type: webpage
title: Mass of the station
URL: https://example.org/${id}
archive-URL: https://web.archive.org/web/2025/https://example.org/${id}
kind: specialist
standing: generally-reliable
excerpts: [{ id: m, text: "The mass." }]
facts:
  - { id: m, subject: meeting-2025, property: mass, value: ${value}, excerpt: m${rank} }
`;
  const conflicts = (files: Record<string, string>) =>
    withProject(files, async (dir) => (await checkTree(dir)).diagnostics.filter((d) => d.ruleId === "source-conflict").map((d) => d.message));

  it("values that overlap within their precision do not conflict", async () => {
    expect(await conflicts({ "sources/entities.yaml": await registry(""), "sources/a.yaml": massSource("a", "{ amount: 419725, unit: kg }"), "sources/b.yaml": massSource("b", "{ about: 420, unit: t }") })).toEqual([]);
  });

  it("a real disagreement between equally ranked sources is undecided", async () => {
    const found = await conflicts({ "sources/entities.yaml": await registry(""), "sources/a.yaml": massSource("a", "{ amount: 419725, unit: kg }"), "sources/b.yaml": massSource("b", "{ more-than: 440, unit: t }") });
    expect(found).toEqual([
      'undecided: equally ranked sources disagree on meeting-2025 mass: b says more than 440 t ("The mass."), but a says 419725 kg ("The mass."); rank the wrong one deprecated with a reason, or the right one preferred',
    ]);
  });

  it("a preferred statement beside a normal one is decided by rank", async () => {
    expect(await conflicts({ "sources/entities.yaml": await registry(""), "sources/a.yaml": massSource("a", "{ amount: 419725, unit: kg }", ", rank: preferred"), "sources/b.yaml": massSource("b", "{ more-than: 440, unit: t }") })).toEqual([]);
  });

  it("the several values of a multiple property are not a conflict", async () => {
    const crew = (id: string, who: string) => massSource(id, who).replace("property: mass", "property: crew-member");
    const reg = await registry("  crew-member: { label: crew member, type: entity, multiple: true }\n");
    expect(await conflicts({ "sources/entities.yaml": reg, "sources/a.yaml": crew("a", "kennedy-space-center"), "sources/b.yaml": crew("b", "baikonur") })).toEqual([]);
  });
});
