/**
 * The examples of docs/assertions.md, docs/assertions/<kind>.md and docs/data-model.md run:
 * every group of YAML blocks that start with `# file: <path>` (one group per heading) is laid
 * out as a project of its own and checked. Its claims must derive the verdicts they declare,
 * and it must report exactly the findings its `# expect:` markers name — so an example cannot
 * drift from what the runner does.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkTree, readExpectations } from "../helpers/fixtures.js";
import { REPO_ROOT } from "../helpers/cli.js";

/** Findings about the project's shape rather than its facts: examples are fragments, not articles. */
const SHAPE_RULES = new Set(["claim-in-article", "archive-url", "orphan-source", "source-freshness"]);

interface Case {
  heading: string;
  files: Array<{ file: string; content: string }>;
}

export function casesOf(markdown: string): Case[] {
  const cases: Case[] = [];
  let heading = "(top)";
  let current: Case | undefined;
  let fence: string[] | undefined;
  for (const line of markdown.split("\n")) {
    if (fence) {
      if (line.startsWith("```")) {
        const content = `${fence.join("\n")}\n`;
        const file = /^# file: (\S+)$/.exec(fence[0] ?? "")?.[1];
        if (file) {
          if (!current || current.heading !== heading) cases.push((current = { heading, files: [] }));
          current.files.push({ file, content });
        }
        fence = undefined;
      } else fence.push(line);
      continue;
    }
    if (line.startsWith("```yaml")) fence = [];
    const h = /^#{2,3} (.+)$/.exec(line);
    if (h) heading = h[1]!.trim();
  }
  return cases;
}

const pages = [
  "docs/assertions.md",
  "docs/data-model.md",
  ...(await readdir(path.join(REPO_ROOT, "docs/assertions"))).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/assertions/${f}`),
];

for (const page of pages) {
  const markdown = await readFile(path.join(REPO_ROOT, page), "utf8");
  const cases = casesOf(markdown);
  describe(page, () => {
    it("has examples that run", () => {
      expect(cases.length).toBeGreaterThan(0);
    });
    for (const example of cases) {
      it(`"${example.heading}" derives what it declares and reports what it marks`, async () => {
        const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-docs-assert-"));
        try {
          for (const f of example.files) {
            await mkdir(path.dirname(path.join(dir, f.file)), { recursive: true });
            await writeFile(path.join(dir, f.file), f.content);
          }
          const expected = await readExpectations(dir);
          const result = await checkTree(dir);
          const found = result.diagnostics.filter((d) => !SHAPE_RULES.has(d.ruleId));
          const describeAll = found.map((d) => `${d.at.file}:${d.at.line} ${d.ruleId}: ${d.message}`).join("\n");
          expect(found.map((d) => `${d.at.file}:${d.at.line} ${d.ruleId}`).sort(), describeAll).toEqual(expected.map((e) => `${e.file}:${e.line} ${e.ruleId}`).sort());
          expect(result.claims.length, "an example has a claim").toBeGreaterThan(0);
          if (expected.length === 0) for (const c of result.claims) expect(c.derived, `${c.id}: ${describeAll}`).toBe(c.declared);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
    }
  });
}
