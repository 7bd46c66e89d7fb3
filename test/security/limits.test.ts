import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../bench/generate.mjs";
import { runCli } from "../helpers/cli.js";

// Every limit is configurable in claimcheck.config.yaml and produces a clear finding (or, for
// the file count, a clear usage error); one hostile file never costs the others their result.

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "claimcheck-limits-"));
  writeCorpus(root, generateCorpus(10, { seed: 21, defects: false }));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const HOSTILE = "claims/article-0000/zz-hostile.yaml";

async function check(config?: string): Promise<{ code: number; stderr: string; result: { claims: Array<{ file: string; status: string }>; diagnostics: Array<{ at: { file: string; line: number }; ruleId: string; messageId: string; message: string }> } }> {
  if (config !== undefined) await writeFile(path.join(root, "claimcheck.config.yaml"), config);
  const out = path.join(root, "result.json");
  const run = await runCli(["--format", `json=${out}`], root);
  const { readFile } = await import("node:fs/promises");
  const result = run.code === 2 ? { claims: [], diagnostics: [] } : JSON.parse(await readFile(out, "utf8"));
  return { code: run.code, stderr: run.stderr, result };
}

function hostileFindings(result: Awaited<ReturnType<typeof check>>["result"]) {
  return result.diagnostics.filter((d) => d.at.file === HOSTILE);
}

function othersUnharmed(result: Awaited<ReturnType<typeof check>>["result"]) {
  const others = result.claims.filter((c) => c.file !== HOSTILE);
  expect(others.length).toBe(10);
  for (const c of others) expect(c.status).toBe("pass");
}

describe("load limits", () => {
  it("max-file-bytes: a file over the limit is one clear finding", async () => {
    await writeFile(path.join(root, HOSTILE), `id: zz-hostile\ntext: "${"x".repeat(5000)}"\n`);
    const { result } = await check("limits:\n  max-file-bytes: 4096\n");
    const [finding] = hostileFindings(result);
    expect(finding).toMatchObject({ ruleId: "parse", messageId: "tooLarge", at: { line: 1 } });
    expect(finding!.message).toMatch(/file is \d+ bytes, over the limit of 4096/);
    othersUnharmed(result);
  });

  it("alias expansion: a billion laughs is stopped", async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    await writeFile(path.join(root, HOSTILE), `${lines.join("\n")}\n`);
    const { result } = await check();
    expect(hostileFindings(result).map((d) => d.messageId)).toEqual([expect.stringMatching(/^tooManyNodes|tooManyAliases$/)]);
    othersUnharmed(result);
    // The limit is configurable: with room for the aliases, the expansion stops on the node count.
    const roomy = await check("limits:\n  max-aliases: 100000\n  max-nodes: 5000\n");
    expect(hostileFindings(roomy.result).map((d) => d.messageId)).toEqual(["tooManyNodes"]);
    expect(hostileFindings(roomy.result)[0]!.message).toMatch(/more than 5000 values/);
  });

  it("nesting depth: deep maps are one clear finding, and the limit is configurable", async () => {
    let text = "id: zz-hostile\ndeep:\n";
    for (let i = 1; i <= 80; i++) text += `${"  ".repeat(i)}k${i}:\n`;
    text += `${"  ".repeat(81)}end: 1\n`;
    await writeFile(path.join(root, HOSTILE), text);
    const { result } = await check();
    expect(hostileFindings(result).map((d) => d.messageId)).toEqual(["tooDeep"]);
    expect(hostileFindings(result)[0]!.message).toMatch(/deeper than 64 levels/);
    othersUnharmed(result);
    const deeper = await check("limits:\n  max-depth: 200\n");
    expect(hostileFindings(deeper.result).map((d) => d.ruleId)).not.toContain("parse");
  });

  it("extreme nesting (100,000 brackets) does not exhaust the stack", async () => {
    await writeFile(path.join(root, HOSTILE), `id: [${"[".repeat(100_000)}${"]".repeat(100_000)}]\n`);
    const { result } = await check();
    expect(hostileFindings(result).length).toBeGreaterThan(0);
    expect(hostileFindings(result).every((d) => d.ruleId === "parse")).toBe(true);
    othersUnharmed(result);
  });

  it("huge strings under the size limit load, and are reported on by the schema, not by a crash", async () => {
    await writeFile(path.join(root, HOSTILE), `id: zz-hostile\ntext: "${"é".repeat(400_000)}"\nas-of: "2025-01-01"\nverdict: supported\nrationale: r\n`);
    const { result } = await check();
    expect(hostileFindings(result).some((d) => d.ruleId === "schema" && d.messageId === "tooLong")).toBe(true);
    othersUnharmed(result);
  });

  it("max-files: more files than the limit is a usage error (exit 2) that says how to raise it", async () => {
    const { code, stderr } = await check("limits:\n  max-files: 5\n");
    expect(code).toBe(2);
    expect(stderr).toMatch(/found \d+ claim and source files, more than the limit of 5; raise limits.max-files in claimcheck.config.yaml/);
  });

  it("a limit that is not a positive whole number is a configuration error", async () => {
    const { code, stderr } = await check("limits:\n  max-files: -1\n");
    expect(code).toBe(2);
    expect(stderr).toMatch(/invalid configuration in claimcheck.config.yaml:\n  claimcheck.config.yaml:2:\d+  -1 is out of range/);
  });

  it("max-findings-per-file: 30,000 unknown keys are 100 findings and one 'and N more', not 30,003", async () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `k${String(i).padStart(5, "0")}: 1`);
    const text = `id: zz-hostile\ntext: t\n${keys.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(290_000);
    await writeFile(path.join(root, HOSTILE), text);
    const { result } = await check();
    const findings = hostileFindings(result);
    expect(findings).toHaveLength(101);
    const last = findings[findings.length - 1]!;
    // 30,000 unknown keys and 3 missing ones (as-of, rationale, verdict), 100 of them listed.
    expect(last).toMatchObject({ ruleId: "parse", messageId: "tooManyFindings", message: expect.stringMatching(/^and 29903 more findings in this file/) });
    expect(findings.slice(0, 100).every((d) => d.ruleId === "schema")).toBe(true);
    othersUnharmed(result);
    const fewer = await check("limits:\n  max-findings-per-file: 5\n");
    expect(hostileFindings(fewer.result).map((d) => d.messageId)).toEqual(["missingKey", "missingKey", "missingKey", "unknownKey", "unknownKey", "tooManyFindings"]);
  });

  it("30,000 keys with one repeated: the duplicate is found where yaml's own check found it", async () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `k${String(i).padStart(5, "0")}: 1`);
    await writeFile(path.join(root, HOSTILE), `id: zz-hostile\n${keys.join("\n")}\nk00007: 2\n`);
    const { result } = await check();
    expect(hostileFindings(result).map((d) => [d.messageId, d.at.line])).toEqual([["duplicateKey", 30_002]]);
    othersUnharmed(result);
  });
});
