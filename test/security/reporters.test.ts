import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { marked } from "marked";
import pc from "picocolors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../bench/generate.mjs";
import { baseOptions } from "../../src/options/run-options.js";
import { runCheck } from "../../src/engine/run.js";
import type { RunResult } from "../../src/model/result.js";
import { explainClaim } from "../../src/reporters/explain.js";
import { reporters } from "../../src/reporters/index.js";
import { parsePartialDate } from "../../src/time/partial-date.js";
import { fuzzParameters } from "../fuzz/arbitraries.js";

// Every reporter, on results whose text comes from hostile files, writes valid output of its
// format: HTML gains no script from data, XML stays well-formed, JSON parses, the terminal
// gets no escape sequence, GitHub gets no extra workflow command. (Each format's own tests
// are in test/reporters; this one runs them all over fuzzed data.)

const PAYLOADS = [
  "<script>alert(1)</script>",
  "</script><script>alert(2)</script>",
  "<img src=x onerror=alert(3)>",
  '"><svg onload=alert(4)>',
  "]]><!--",
  "&amp; &lt; &#x3c; &",
  "'; DROP TABLE claims; --",
  "\u001b[31mred\u001b[0m\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007",
  "line one\n::error::injected\r\n::warning file=x::also",
  "%0A::error::encoded",
  "\u0000\u0001\u0008\u000b\u000c\u001f\u007f",
  "\ud800 lone surrogate",
  "\u202e right-to-left override",
  "{{constructor.constructor('alert(5)')()}}",
  "javascript:alert(6)",
  "| table | break |\n# heading\n[link](javascript:alert(7))",
];

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "\n", "\u001b", "\u0000", "]", "`", "a", " ", "%", ":", "é"), minLength: 1, maxLength: 30 }) },
);

let root: string;
const files = generateCorpus(6, { seed: 41, defects: false });
const claimFile = [...files.keys()].find((f) => f.startsWith("claims/") && !f.endsWith("article.yaml"))!;
const sourceFile = [...files.keys()].find((f) => f.startsWith("sources/src-"))!;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "claimcheck-hostile-reports-"));
  writeCorpus(root, files);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const q = (s: string) => JSON.stringify(s);

/** The corpus with hostile text put in a claim's text, rationale and quote, and a source's title and excerpt. */
async function hostileResult(texts: string[]): Promise<RunResult> {
  const [a, b, c, d, e] = texts as [string, string, string, string, string];
  const claim = files.get(claimFile)!
    .replace(/^text: .*$/m, `text: ${q(a)}`)
    .replace(/^rationale: >\n(  .*\n)+/m, `rationale: ${q(b)}\n`)
    .replace(/^ {4}quote: .*$/m, `    quote: ${q(c)}`);
  const source = files.get(sourceFile)!
    .replace(/^title: .*$/m, `title: ${q(d)}`)
    .replace(/^URL: .*$/m, `URL: ${q(`https://example.org/?q=${e}`)}`)
    .replace(/text: \|-\n {6}.*/, `text: ${q(e)}`);
  await writeFile(path.join(root, claimFile), claim);
  await writeFile(path.join(root, sourceFile), source);
  // A second claim file whose name itself is hostile, with a YAML key that is hostile text.
  await writeFile(path.join(root, "claims/article-0000/c<&>'\".yaml"), `id: ${q(a)}\ntext: ${q(b)}\n${q(c)}: 1\n`);
  // File names that carry terminal escapes, a newline that would start a workflow command,
  // and a bidi override: a broken claim, and a valid source (whose name then mismatches its id).
  await writeFile(path.join(root, HOSTILE_CLAIM_NAME), "id: [unclosed\n");
  await writeFile(path.join(root, HOSTILE_SOURCE_NAME), files.get(sourceFile)!);
  return runCheck({ ...baseOptions(root), today: parsePartialDate("2025-11-25")! });
}

const HOSTILE_NAME = "\u001b[31mred\u001b]8;;evil.example\u0007link\n::error file=x::fake\r\n::stop-commands::t\u202e";
const HOSTILE_CLAIM_NAME = `claims/article-0000/c${HOSTILE_NAME}.yaml`;
const HOSTILE_SOURCE_NAME = `sources/s${HOSTILE_NAME}.yaml`;

/**
 * What a terminal or a CI log must never receive from data: a control character (but the
 * report's own newlines), a bidi control, or a line that a CI runner would read as a
 * workflow command. Returns the offending stretch, or undefined.
 */
function terminalProblem(out: string): string | undefined {
  const control = out.search(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  if (control >= 0) return `control character in ${JSON.stringify(out.slice(Math.max(0, control - 80), control + 40))}`;
  const command = out.split("\n").find((line) => line.trimStart().startsWith("::"));
  return command === undefined ? undefined : `a line that is a workflow command: ${JSON.stringify(command)}`;
}

function count(haystack: string, needle: string): number {
  return haystack.toLowerCase().split(needle).length - 1;
}

const xmllint = spawnSync("xmllint", ["--version"]).error === undefined;

function wellFormedXml(xml: string): string | undefined {
  const run = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
  return run.status === 0 ? undefined : run.stderr;
}

describe("every reporter escapes hostile text", () => {
  let benignScripts = 0;
  beforeAll(async () => {
    const benign = await hostileResult(["plain", "plain", "plain", "plain", "plain"]);
    benignScripts = count(reporters.html!(benign, { colors: pc.createColors(false) }), "<script");
  });

  it("in every format, for fuzzed claim and source text", async () => {
    expect(Object.keys(reporters).sort()).toEqual(["claimreview", "github", "html", "json", "junit", "markdown", "sarif", "terminal"]);
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 5, maxLength: 5 }), async (texts) => {
        const result = await hostileResult(texts);
        const sourceText = (file: string) => files.get(file);
        const options = { colors: pc.createColors(false), sourceText, verbose: true };
        const out = Object.fromEntries(Object.entries(reporters).map(([name, reporter]) => [name, reporter(result, options)]));

        expect(JSON.parse(out.json!)).toEqual(JSON.parse(JSON.stringify(result)));
        JSON.parse(out.sarif!);
        JSON.parse(out.claimreview!);

        // HTML: no script, no </script> and no markup from the data.
        expect(count(out.html!, "<script")).toBe(benignScripts);
        expect(count(out.html!, "</script")).toBe(benignScripts);
        for (const payload of PAYLOADS.filter((p) => p.includes("<"))) expect(out.html!).not.toContain(payload);
        const markup = out.html!.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "<script></script>");
        for (const text of texts.filter((t) => /<[a-z/!]/i.test(t))) expect(markup).not.toContain(text);

        if (xmllint) {
          expect(wellFormedXml(out.junit!)).toBeUndefined();
        }
        expect(out.junit!).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);

        // GitHub: one workflow command per line, none injected: annotations, ten of a kind at
        // most, and our own notice of those left out, last.
        const commands = out.github!.split("\n").filter((l) => l !== "");
        const notice = commands.at(-1)?.startsWith("::notice ") ? commands.pop() : undefined;
        for (const line of commands) expect(line).toMatch(/^::(error|warning) file=[^:]*::/);
        if (notice !== undefined) expect(notice).toMatch(/^::notice title=claimcheck%3A findings not shown::\d+ more (errors?|warnings?)[a-z0-9 ]* than GitHub shows/);
        const errors = result.diagnostics.filter((d) => d.severity === "error").length;
        expect(commands.filter((l) => l.startsWith("::error ")).length).toBe(Math.min(errors, 10));
        expect(commands.filter((l) => l.startsWith("::warning ")).length).toBeLessThanOrEqual(10);
        if (errors > 10) expect(notice).toBeDefined();

        // Markdown: rendered as GitHub would (raw HTML passes through), no markup from the data.
        const rendered = await marked.parse(out.markdown!);
        for (const text of [...PAYLOADS, ...texts].filter((t) => /<[a-z/!]/i.test(t))) expect(rendered).not.toContain(text);
      }),
      fuzzParameters(25),
    );
  });
});

describe("the terminal report", () => {
  // These tests found that a claim id from a file that fails its schema, file names, and
  // YAML keys in messages reached the terminal unescaped (a newline in a key could start a
  // `::stop-commands::` line in a CI log). Every file-derived value now goes through stripControl.
  it("carries no control character, bidi control or workflow command from the data when colour is off", async () => {
    const result = await hostileResult(["\u001b]0;title\u0007\n::error::id", "plain", "a\n::stop-commands::k", "plain", "plain"]);
    const names = result.diagnostics.map((d) => d.at.file);
    expect(names).toContain(HOSTILE_CLAIM_NAME);
    expect(names).toContain(HOSTILE_SOURCE_NAME);
    for (const verbose of [true, false]) {
      const out = reporters.terminal!(result, { colors: pc.createColors(false), verbose });
      expect(terminalProblem(out)).toBeUndefined();
      // The file names are shown, escaped, in location lines and (folded) lists alike.
      expect(out).toContain("c␛[31mred␛]8;;evil.example␇link␊::error file=x::fake␍␊::stop-commands::t<U+202E>.yaml:1:");
      expect(out).toContain("sources/s␛[31mred");
    }
  });

  it("escapes every piece of hostile data, ids included, in every place it shows it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 5, maxLength: 5 }), async (texts) => {
        const result = await hostileResult(texts);
        for (const verbose of [true, false]) {
          const problem = terminalProblem(reporters.terminal!(result, { colors: pc.createColors(false), verbose }));
          if (problem) throw new Error(problem);
        }
        for (const claim of result.claims) {
          const problem = terminalProblem(explainClaim(claim, pc.createColors(false)));
          if (problem) throw new Error(`explain ${claim.file}: ${problem}`);
        }
      }),
      fuzzParameters(15),
    );
  });
});

describe("the hostile corpus is really hostile", () => {
  it("its text reaches the result", async () => {
    const result = await hostileResult(PAYLOADS.slice(0, 5));
    const json = JSON.stringify(result);
    expect(json).toContain(JSON.stringify(PAYLOADS[0]).slice(1, -1));
    expect(await readFile(path.join(root, claimFile), "utf8")).toContain("alert(1)");
  });
});
