import { readFile, writeFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/model/result.js";
import { copyDataset, runCli } from "../helpers/cli.js";

const ARTICLE = "claims/rt-2025-space-cooperation";
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await copyDataset());
});
afterEach(async () => {
  await cleanup();
});

async function claimFile(prefix: string): Promise<string> {
  const name = (await readdir(path.join(dir, ARTICLE))).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no claim file starting ${prefix}`);
  return `${ARTICLE}/${name}`;
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const full = path.join(dir, file);
  const before = await readFile(full, "utf8");
  const after = change(before);
  expect(after, `the edit to ${file} changed nothing`).not.toBe(before);
  await writeFile(full, after);
}

/** Runs the CLI with JSON on stdout; returns exit code and the parsed result. */
async function check(): Promise<{ code: number; result: RunResult; text: string }> {
  const json = await runCli(["--format", "json"], dir);
  const text = await runCli([], dir);
  return { code: json.code, result: JSON.parse(json.stdout) as RunResult, text: text.stdout };
}

function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((l) => l.includes(needle));
  expect(index, `"${needle}" is in the file`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe("the project's own dataset", () => {
  it("passes: every claim listed, exit 0", async () => {
    const { code, result } = await check();
    expect(code).toBe(0);
    expect(result.summary).toMatchObject({ claims: 18, passed: 18, failed: 0, errors: 0 });
    expect(result.claims.every((c) => c.derived === c.declared)).toBe(true);
  });
});

describe("each breakage makes the run fail at the right place, and every other claim is still reported", () => {
  const cases: Array<{ name: string; claim: string; rule: string; mutate: (file: string) => Promise<string> }> = [
    {
      name: "a claim's citations removed",
      claim: "c01",
      rule: "citation-required",
      mutate: async (file) => {
        await edit(file, (t) => t.replace(/\ncitations:\n(?:  .*\n)+/, "\n"));
        return "id:";
      },
    },
    {
      name: "a citation naming a source that does not exist",
      claim: "c03",
      rule: "source-exists",
      mutate: async (file) => {
        await edit(file, (t) => t.replace("  - source: spacepolicyonline-2025-07-31-crew-11-duffy-bakanov", "  - source: spacepolicyonline-2025-07-31-crew-11-duffy-bakanow"));
        return "bakanow";
      },
    },
    {
      name: "one word of a quote changed",
      claim: "c04",
      rule: "quote-found",
      mutate: async (file) => {
        await edit(file, (t) => t.replace("took place in October 2018", "took place in November 2018"));
        return "November 2018";
      },
    },
    {
      name: "one word of a claim's text changed",
      claim: "c11",
      rule: "claim-in-article",
      mutate: async (file) => {
        await edit(file, (t) => t.replace("primary joint project", "only joint project"));
        return "only joint project";
      },
    },
    {
      name: "a key misspelt",
      claim: "c06",
      rule: "schema",
      mutate: async (file) => {
        await edit(file, (t) => t.replace("\nrationale:", "\nrationle:"));
        return "rationle:";
      },
    },
    {
      name: "a YAML syntax error",
      claim: "c07",
      rule: "parse",
      mutate: async (file) => {
        await edit(file, (t) => t.replace("\nverdict: supported", "\nverdict: [supported"));
        return "verdict: [supported";
      },
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const file = await claimFile(c.claim);
      const needle = await c.mutate(file);
      const { code, result, text } = await check();
      expect(code).toBe(1);
      expect(result.claims).toHaveLength(18);
      const broken = result.claims.filter((cl) => cl.status === "fail");
      expect(broken.map((cl) => cl.file)).toContain(file);
      const contents = await readFile(path.join(dir, file), "utf8");
      const line = lineOf(contents, needle);
      const finding = result.diagnostics.find((d) => d.ruleId === c.rule && d.at.file === file && d.at.line === line);
      expect(finding, `a ${c.rule} finding at ${file}:${line}`).toBeDefined();
      expect(text).toContain(`${file}:${finding!.at.line}:${finding!.at.column}`);
      // Every other claim is still checked and still passes.
      expect(result.claims.filter((cl) => cl.file !== file).every((cl) => cl.status === "pass")).toBe(true);
    });
  }

  it("two claims with the same id", async () => {
    const first = await claimFile("c02");
    const second = await claimFile("c09");
    const firstId = (await readFile(path.join(dir, first), "utf8")).match(/^id: (.+)$/m)![1]!;
    await edit(second, (t) => t.replace(/^id: .+$/m, `id: ${firstId}`));
    const { code, result } = await check();
    expect(code).toBe(1);
    const duplicates = result.diagnostics.filter((d) => d.ruleId === "unique-id" && d.messageId === "duplicate");
    expect(duplicates.map((d) => `${d.at.file}:${d.at.line}`)).toEqual([`${second}:2`]);
    expect(duplicates[0]!.related?.[0]?.at.file).toBe(first);
    expect(result.claims).toHaveLength(18);
  });
});

describe("changing a decisive fact turns its claim red and says why", () => {
  it("first meeting since 2018: the previous meeting moved to February 2019", async () => {
    for (const file of ["sources/reuters-financetom-2025-07-29.yaml", "sources/spacepolicyonline-2018-10-soyuz-ms-10-investigation.yaml"]) {
      await edit(file, (t) => t.replace(/(event: rogozin-bridenstine-2018\n(?:    .*\n)*?    date: )"2018-10(?:-\d\d)?"/, '$1"2019-02"'));
    }
    const { code, result } = await check();
    expect(code).toBe(1);
    const claim = result.claims.find((c) => c.id.startsWith("c04"))!;
    expect(claim).toMatchObject({ status: "fail", declared: "supported", derived: "refuted" });
    const d = claim.diagnostics.find((x) => x.ruleId === "assertion-holds")!;
    expect(d.data).toMatchObject({ declared: "supported", derived: "refuted", part: "first-since-2018" });
    expect(d.message).toContain("since 2018");
    expect(d.message).toContain("rogozin-bridenstine-2018 (2019-02)");
    expect(d.message).toMatch(/reuters-financetom-2025-07-29#/);
  });

  it("Starliner delays: the crew's return moved before the test flight", async () => {
    await edit("sources/spacepolicyonline-2025-03-31-butch-suni-starliner.yaml", (t) =>
      t.replace(/(event: wilmore-williams-return\n(?:    .*\n)*?    date: )"2025-03-18"/, '$1"2024-05-01"'),
    );
    const { code, result } = await check();
    expect(code).toBe(1);
    const claim = result.claims.find((c) => c.id.startsWith("c10"))!;
    expect(claim).toMatchObject({ status: "fail", declared: "supported", derived: "mixed" });
    const d = claim.diagnostics.find((x) => x.ruleId === "assertion-holds")!;
    expect(d.data).toMatchObject({ part: "cft-before-return", source: "spacepolicyonline-2025-03-31-butch-suni-starliner" });
    expect(d.message).toContain("before wilmore-williams-return date");
    expect(d.message).toContain("2024-06-05");
    expect(d.message).toContain("2024-05-01");
  });

  it("commitment years: Russia's commitment changed to 2030", async () => {
    const files = (await readdir(path.join(dir, "sources"))).filter((f) => f.endsWith(".yaml"));
    let changed = 0;
    for (const name of files) {
      const full = path.join(dir, "sources", name);
      const text = await readFile(full, "utf8");
      const next = text.replace(/(subject: russian-iss-segment\n    property: committed-until\n    value: )2028/g, "$12030");
      if (next !== text) {
        changed++;
        await writeFile(full, next);
      }
    }
    expect(changed).toBeGreaterThan(0);
    const { code, result } = await check();
    expect(code).toBe(1);
    const c13 = result.claims.find((c) => c.id.startsWith("c13"))!;
    // C13 also holds that the decision came before the meeting, which still stands.
    expect(c13).toMatchObject({ status: "fail", declared: "supported", derived: "mixed" });
    const d = c13.diagnostics.find((x) => x.ruleId === "assertion-holds" && x.messageId === "mismatch")!;
    expect(d.data).toMatchObject({ part: "russia-2028", declared: "supported", derived: "mixed" });
    expect(d.message).toContain("russian-iss-segment committed-until = 2028");
    expect(d.message).toContain("2030");
    // C14 checks only the US half of the sentence (c13 has the Russian half): it still passes.
    expect(result.claims.find((c) => c.id.startsWith("c14"))!.status).toBe("pass");
  });

  it("the 2032 extension stays unverifiable as of the claim's date: the 2026 bill is a later development", async () => {
    const { result } = await check();
    const c14 = result.claims.find((c) => c.id.startsWith("c14"))!;
    const part = c14.evaluation!.parts!.find((p) => p.id === "us-2032")!;
    expect(part.verdict).toBe("unverifiable");
    expect(part.evidence).toEqual([]);
    expect(part.later.map((e) => e.source)).toContain("spokesman-2026-03-06-nasa-directive-iss-2032");
  });
});

describe("disagreeing sources", () => {
  it("removing a deprecated rank makes source-conflict fail, naming both sources", async () => {
    const file = "sources/particle-news-iss-through-2028.yaml";
    await edit(file, (t) => t.replace(/\n    rank: deprecated\n    reason: .*(?:\n      .*)*/, ""));
    const { code, result } = await check();
    expect(code).toBe(1);
    const conflicts = result.diagnostics.filter((d) => d.ruleId === "source-conflict");
    expect(conflicts.length).toBeGreaterThan(0);
    const sides = conflicts.flatMap((d) => [d.data.source, d.data.otherSource]);
    expect(sides).toContain("particle-news-iss-through-2028");
    const conflict = conflicts.find((d) => d.data.source === "particle-news-iss-through-2028" || d.data.otherSource === "particle-news-iss-through-2028")!;
    expect(conflict.data.property).toBe("place");
    expect([conflict.data.value, conflict.data.otherValue]).toContain("houston");
    expect(String(conflict.data.quote).length).toBeGreaterThan(0);
    expect(String(conflict.data.otherQuote).length).toBeGreaterThan(0);
  });
});
