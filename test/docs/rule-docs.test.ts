/**
 * Every rule's docs page is executable: the YAML examples under "## Invalid" and "## Valid"
 * (each starting with `# file: <path>`) are laid over test/fixtures/_base and checked, like
 * a fixture: an invalid example reports exactly what its `# expect:` markers say, a valid one
 * reports nothing. So an example cannot drift from what the rule does.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinChecks, rules } from "../../src/rules/index.js";
import { checkTree, layCase, readExpectations } from "../helpers/fixtures.js";
import { REPO_ROOT } from "../helpers/cli.js";

const DOCS = path.join(REPO_ROOT, "docs/rules");
export const HEADINGS = ["What it checks", "Why", "Invalid", "Valid", "Options"];

interface Example {
  file: string;
  content: string;
}

/** The sections of a page by H2 heading, in order. */
function sections(markdown: string): Array<{ heading: string; body: string }> {
  const out: Array<{ heading: string; body: string }> = [];
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) inFence = !inFence;
    const h2 = !inFence && /^## (.+)$/.exec(line);
    if (h2) out.push({ heading: h2[1]!.trim(), body: "" });
    else if (out.length > 0) out[out.length - 1]!.body += `${line}\n`;
  }
  return out;
}

function examples(body: string): Example[] {
  const out: Example[] = [];
  for (const match of body.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const content = match[1]!;
    const file = /^# file: (\S+)\n/.exec(content)?.[1];
    if (!file) throw new Error(`a yaml example does not start with "# file: <path>":\n${content}`);
    out.push({ file, content });
  }
  return out;
}

async function checkExamples(list: Example[]) {
  const caseDir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-docs-example-"));
  try {
    for (const example of list) {
      await mkdir(path.dirname(path.join(caseDir, example.file)), { recursive: true });
      await writeFile(path.join(caseDir, example.file), example.content);
    }
    const expected = await readExpectations(caseDir);
    const { dir, cleanup } = await layCase(caseDir);
    try {
      return { expected, result: await checkTree(dir) };
    } finally {
      await cleanup();
    }
  } finally {
    await rm(caseDir, { recursive: true, force: true });
  }
}

const pages = (await readdir(DOCS)).filter((f) => f.endsWith(".md")).sort();
/**
 * Checks whose findings a network command makes (source-drift, by claimcheck recheck) cannot
 * be shown by laying files over the demo project: their examples are transcripts, and the
 * command's own tests (test/recheck/) run each outcome against a local server.
 */
const madeByCommand = new Set(builtinChecks.filter((c) => c.madeBy !== undefined).map((c) => c.id));
const described = new Map<string, { description: string; severity: string }>([
  ...builtinChecks.map((c) => [c.id, { description: c.description, severity: c.severity }] as const),
  ...rules.map((r) => [r.id, { description: r.description, severity: r.defaultSeverity }] as const),
]);

for (const page of pages) {
  const id = page.replace(/\.md$/, "");
  describe(`docs/rules/${page}`, () => {
    it("has the rule's title, description, default severity and the fixed sections", async () => {
      const markdown = await readFile(path.join(DOCS, page), "utf8");
      const rule = described.get(id);
      expect(rule, `no rule "${id}" in the registry or the built-in checks`).toBeDefined();
      const lines = markdown.split("\n");
      expect(lines[0]).toBe(`# ${id}`);
      expect(markdown).toContain(`\n${rule!.description}\n`);
      expect(markdown).toContain(`Default severity: **${rule!.severity}**.`);
      expect(sections(markdown).map((s) => s.heading)).toEqual(HEADINGS);
    });

    if (madeByCommand.has(id)) {
      it("shows its findings as transcripts under Invalid and Valid", async () => {
        const markdown = await readFile(path.join(DOCS, page), "utf8");
        for (const heading of ["Invalid", "Valid"]) {
          const body = sections(markdown).find((s) => s.heading === heading)?.body ?? "";
          expect(body, heading).toMatch(/```text\n[\s\S]*?```/);
          expect(body, heading).toContain(id);
        }
      });
      return;
    }

    it("its invalid example reports exactly what its markers say", async () => {
      const markdown = await readFile(path.join(DOCS, page), "utf8");
      const list = examples(sections(markdown).find((s) => s.heading === "Invalid")?.body ?? "");
      expect(list.length).toBeGreaterThan(0);
      const { expected, result } = await checkExamples(list);
      expect(expected.some((e) => e.ruleId === id), "the example marks a finding of its own rule").toBe(true);
      const marked = new Set([id, ...expected.map((e) => e.ruleId)]);
      const actual = result.diagnostics.filter((d) => marked.has(d.ruleId)).map((d) => `${d.at.file}:${d.at.line} ${d.ruleId}`);
      expect(actual.sort(), result.diagnostics.map((d) => `${d.at.file}:${d.at.line} ${d.ruleId}: ${d.message}`).join("\n")).toEqual(
        expected.map((e) => `${e.file}:${e.line} ${e.ruleId}`).sort(),
      );
    });

    it("its valid example reports nothing", async () => {
      const markdown = await readFile(path.join(DOCS, page), "utf8");
      const list = examples(sections(markdown).find((s) => s.heading === "Valid")?.body ?? "");
      expect(list.length).toBeGreaterThan(0);
      const { result } = await checkExamples(list);
      expect(result.diagnostics.map((d) => `${d.at.file}:${d.at.line} ${d.ruleId}: ${d.message}`)).toEqual([]);
    });
  });
}
