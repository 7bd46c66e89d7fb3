import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HINT_CHARS } from "../../src/text/closest-note.js";
import { CLOSEST_PASSAGE_BUDGET, closestPassage, findQuote } from "../../src/text/find-quote.js";
import { runCli } from "../helpers/cli.js";

// The quote search runs on text from pull requests: a quote (up to 20,000 characters), a
// source's excerpts and its snapshot. Its work is bounded by construction and counted; these
// tests assert the counts and the findings, never a time.

/** Words from a small vocabulary, so that quotes and texts share many of them. */
function words(count: number, seed: number): string {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out.push(`w${state % 400}`);
  }
  return out.join(" ");
}

describe("closestPassage's work", () => {
  it("stays within its budget for 40 long unmatched quotes against long excerpts (words × quote length before)", () => {
    const excerpts = Array.from({ length: 6 }, (_, i) => words(2800, i + 1));
    for (let q = 0; q < 40; q++) {
      const stats = { work: 0 };
      const found = closestPassage(excerpts, words(1400, 100 + q), { stats });
      // Every quote still gets its hint: the search did not give up on ordinary text.
      expect(found && !("gaveUp" in found)).toBe(true);
      expect(stats.work).toBeLessThanOrEqual(CLOSEST_PASSAGE_BUDGET);
      // The window-by-window comparison it replaced did (words - quote + 1) × quote per excerpt.
      expect(stats.work).toBeLessThan((6 * (2800 - 1400 + 1) * 1400) / 10);
    }
  });

  it("gives up, rather than compare, when quote and source repeat one word thousands of times", () => {
    const stats = { work: 0 };
    const found = closestPassage([`${"a ".repeat(3000)}b`], `${"a ".repeat(3000)}c`, { stats });
    expect(found).toEqual({ gaveUp: true });
    expect(stats.work).toBeGreaterThan(CLOSEST_PASSAGE_BUDGET);
  });

  it("keeps the README's hint for an ordinary misquote", () => {
    const found = closestPassage(["The last meeting took place in October 2018, at Baikonur."], "The last meeting took place in November 2018");
    expect(found).toMatchObject({ passage: "The last meeting took place in October 2018,", differs: { quote: "November", passage: "October" } });
  });
});

describe("findQuote on hostile lengths", () => {
  it("answers for a periodic quote in a periodic text (V8's indexOf: 19 s here)", () => {
    const text = "a".repeat(1_000_000);
    expect(findQuote(text, { exact: `${"a".repeat(5000)}b${"a".repeat(5000)}` })).toBeUndefined();
    expect(findQuote(text, { exact: "a".repeat(10_000) })).toMatchObject({ start: 0, end: 10_000 });
  });

  it("checks a context at every occurrence without slicing the text each time", () => {
    // (At the very start any prefix would do: the context may be cut short by the text's start.)
    const text = `b ${"a ".repeat(200_000)}z`;
    expect(findQuote(text, { exact: "a a", prefix: "y" })).toBeUndefined();
    expect(findQuote(text, { exact: "a z", prefix: "a a" })).toBeDefined();
  });
});

describe("quote-found and snapshot-valid through the CLI", () => {
  let root: string;
  const source = (id: string, extra: string) => `id: ${id}\ntype: webpage\ntitle: T\nURL: https://example.org/${id}\nreliability: wire\n${extra}`;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "claimcheck-quotes-"));
    await mkdir(path.join(root, "claims", "a"), { recursive: true });
    await mkdir(path.join(root, "sources", "snapshots"), { recursive: true });
    await writeFile(path.join(root, "sources", "entities.yaml"), "entities: {}\n");
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function run(config?: string) {
    if (config) await writeFile(path.join(root, "claimcheck.config.yaml"), config);
    const out = path.join(root, "result.json");
    const cli = await runCli(["--format", "terminal", "--format", `json=${out}`], root);
    const result = JSON.parse(await readFile(out, "utf8")) as {
      diagnostics: Array<{ at: { file: string; line: number }; ruleId: string; messageId: string; message: string; data: Record<string, unknown> }>;
    };
    return { cli, result };
  }

  it("says so when the search gives up, and shows no passage", async () => {
    await writeFile(path.join(root, "sources", "rep.yaml"), source("rep", `excerpts:\n  - id: e\n    text: "${"a ".repeat(3000)}b"\n`));
    await writeFile(
      path.join(root, "claims", "a", "c1.yaml"),
      `id: c1\ntext: t\nas-of: "2025-01-01"\nverdict: supported\nrationale: r\ncitations:\n  - source: rep\n    quote: "${"a ".repeat(3000)}c"\n`,
    );
    const { result } = await run();
    const [finding] = result.diagnostics.filter((d) => d.ruleId === "quote-found");
    expect(finding).toMatchObject({ messageId: "notFoundNoHint", at: { line: 8 } });
    expect(finding!.message).toMatch(/no closest passage is shown: comparing the quote with the source went past the search limit/);
  });

  it("cuts a hint to a short window, even around a 'word' of thousands of characters", async () => {
    const long = "x".repeat(5000);
    await writeFile(path.join(root, "sources", "s.yaml"), source("s", `excerpts:\n  - id: e\n    text: "the start ${long} and the end of it"\n`));
    await writeFile(
      path.join(root, "claims", "a", "c1.yaml"),
      `id: c1\ntext: t\nas-of: "2025-01-01"\nverdict: supported\nrationale: r\ncitations:\n  - source: s\n    quote: "the start ${long}y and the end"\n`,
    );
    const { cli, result } = await run();
    const [finding] = result.diagnostics.filter((d) => d.ruleId === "quote-found");
    expect(finding!.messageId).toBe("notFound");
    expect(String(finding!.data.passage).length).toBeLessThanOrEqual(HINT_CHARS + 4);
    expect(finding!.message.length).toBeLessThan(400);
    expect(finding!.message).toContain(`"the start ${"x".repeat(40)}…`);
    expect(cli.stdout).not.toContain("x".repeat(200));
  });

  it("refuses a snapshot over limits.max-snapshot-bytes at its path line, and never searches it", async () => {
    const text = `${"The whole page. ".repeat(200)}The last meeting took place in October 2018.\n`;
    await writeFile(path.join(root, "sources", "snapshots", "big.txt"), text);
    const sha = createHash("sha256").update(text).digest("hex");
    await writeFile(path.join(root, "sources", "big.yaml"), source("big", `snapshot:\n  path: snapshots/big.txt\n  sha256: ${sha}\n`));
    await writeFile(
      path.join(root, "claims", "a", "c1.yaml"),
      `id: c1\ntext: t\nas-of: "2025-01-01"\nverdict: supported\nrationale: r\ncitations:\n  - source: big\n    quote: "The last meeting took place in October 2018."\n`,
    );
    const within = await run();
    expect(within.result.diagnostics.filter((d) => d.ruleId === "snapshot-valid" || d.ruleId === "quote-found")).toEqual([]);
    const { result } = await run("limits:\n  max-snapshot-bytes: 1000\n");
    const snapshot = result.diagnostics.filter((d) => d.ruleId === "snapshot-valid");
    expect(snapshot.map((d) => [d.messageId, d.at.file, d.at.line])).toEqual([["tooLarge", "sources/big.yaml", 7]]);
    expect(snapshot[0]!.message).toBe(`snapshot "snapshots/big.txt" is ${Buffer.byteLength(text)} bytes, over the limit of 1000 (limits.max-snapshot-bytes); it is not read`);
    // Not read, so the quote is not found in it either.
    expect(result.diagnostics.filter((d) => d.ruleId === "quote-found").map((d) => d.messageId)).toEqual(["notFound"]);
  });
});
