/**
 * The rule registry, the rule files, the docs pages and the fixtures agree: a rule cannot
 * land without its file name matching its id, its docs page, and its valid and invalid
 * fixtures; no rule file or docs page exists without a registered rule.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { baseOptions } from "../../src/options/run-options.js";
import { runCheck } from "../../src/engine/run.js";
import { builtinChecks, rules } from "../../src/rules/index.js";
import { docsPath } from "../../src/rules/types.js";
import { REPO_ROOT } from "../helpers/cli.js";

const root = (...parts: string[]) => path.join(REPO_ROOT, ...parts);
const ruleIds = rules.map((r) => r.id);
const builtinIds = builtinChecks.map((c) => c.id);
const NOT_RULES = new Set(["index.ts", "types.ts"]);

describe("the rule registry", () => {
  it("is sorted by id, without duplicates", () => {
    expect(ruleIds).toEqual([...new Set(ruleIds)].sort());
  });

  it("registers every file in src/rules/, and nothing else", () => {
    const files = readdirSync(root("src/rules"))
      .filter((f) => f.endsWith(".ts") && !NOT_RULES.has(f))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(ruleIds).toEqual(files);
  });

  it("names each rule after its file, which exports it", async () => {
    for (const rule of rules) {
      const module = (await import(/* @vite-ignore */ pathToFileURL(root("src/rules", `${rule.id}.ts`)).href)) as Record<string, unknown>;
      expect(Object.values(module), `src/rules/${rule.id}.ts exports the rule "${rule.id}"`).toContain(rule);
      expect(rule.description.endsWith("."), `${rule.id}: a description is a sentence`).toBe(true);
      expect(Object.keys(rule.messages).length, `${rule.id}: has messages`).toBeGreaterThan(0);
    }
  });

  it("shares no id with a built-in check", () => {
    expect(ruleIds.filter((id) => builtinIds.includes(id))).toEqual([]);
  });
});

describe("docs/rules/", () => {
  const pages = readdirSync(root("docs/rules"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.replace(/\.md$/, ""))
    .sort();

  it("has a page for every rule and built-in check, and none for anything else", () => {
    expect(pages).toEqual([...ruleIds, ...builtinIds].sort());
    for (const id of [...ruleIds, ...builtinIds]) expect(existsSync(root(docsPath(id)))).toBe(true);
  });

  it("is indexed in docs/rules.md, one link per page", () => {
    const index = readFileSync(root("docs/rules.md"), "utf8");
    const linked = [...index.matchAll(/\]\(rules\/([a-z0-9-]+)\.md\)/g)].map((m) => m[1]!).sort();
    expect(linked).toEqual(pages);
  });
});

describe("test/fixtures/", () => {
  it("has valid and invalid cases for every rule", () => {
    const missing: string[] = [];
    for (const id of ruleIds) {
      for (const kind of ["valid", "invalid"]) {
        const dir = root("test/fixtures", id, kind);
        const cases = existsSync(dir) ? readdirSync(dir).filter((c) => statSync(path.join(dir, c)).isDirectory()) : [];
        if (cases.length === 0) missing.push(`test/fixtures/${id}/${kind}/<case>/`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has no fixture folder for a rule that does not exist", () => {
    const folders = readdirSync(root("test/fixtures")).filter((f) => !f.startsWith("_") && statSync(root("test/fixtures", f)).isDirectory());
    expect(folders.filter((f) => !ruleIds.includes(f) && !builtinIds.includes(f))).toEqual([]);
  });
});

describe("docs links", () => {
  it("every diagnostic of the dataset, and every rule in the result, names a docs page that exists", async () => {
    const result = await runCheck(baseOptions(REPO_ROOT));
    for (const rule of result.rules) expect(existsSync(root(rule.docs)), rule.docs).toBe(true);
    for (const d of result.diagnostics) {
      expect(d.docs, `${d.ruleId} at ${d.at.file}:${d.at.line}`).toBeDefined();
      expect(existsSync(root(d.docs!)), d.docs).toBe(true);
    }
  });
});

describe("docs/rules.md's demo project", () => {
  it("quotes the demo wire report exactly as test/fixtures/_base has it", () => {
    const index = readFileSync(root("docs/rules.md"), "utf8");
    const wire = readFileSync(root("test/fixtures/_base/sources/demo-wire.yaml"), "utf8").split("\n").slice(1).join("\n").trimEnd();
    expect(index).toContain(`\`\`\`\n${wire}\n\`\`\``);
  });
});
