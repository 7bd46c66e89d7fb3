import { readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { onlyCommentsAndBlanks } from "../../src/load/yaml-load.js";
import { fuzzParameters } from "../fuzz/arbitraries.js";
import { REPO_ROOT, runCli } from "../helpers/cli.js";
import { regexpsInCode, regexpsInSchemas, superLinear, type FoundRegExp } from "./regex-audit.js";

// Claim, source and configuration files and their names come from strangers in pull requests.
// Every regular expression applied to them must run in linear time, and none may be built from
// their text. These tests bound the work by construction (what scslre proves of each pattern,
// counts of steps), never by a clock.

describe("every regular expression runs in linear time", () => {
  it("in the code: no pattern backtracks super-linearly, none is built at run time", () => {
    const found = regexpsInCode(REPO_ROOT, "src");
    // The scanner finds them all (the code holds well over a hundred), so an empty list means something.
    expect(found.length).toBeGreaterThan(100);
    const offenders = found.flatMap((f) => superLinear(f).map((problem) => `${f.where} /${f.source ?? "?"}/: ${problem}`));
    expect(offenders).toEqual([]);
  });

  it("in the schemas: every pattern ajv compiles", () => {
    const found = regexpsInSchemas(REPO_ROOT);
    expect(found.length).toBeGreaterThan(5);
    expect(found.flatMap((f) => superLinear(f).map((problem) => `${f.where}: ${problem}`))).toEqual([]);
  });

  it("in the one ajv-formats format the schemas use (uri)", () => {
    const formats = readFileSync(createRequire(import.meta.url).resolve("ajv-formats/dist/formats"), "utf8");
    const schemaText = readdirSync(path.join(REPO_ROOT, "schema")).map((n) => readFileSync(path.join(REPO_ROOT, "schema", n), "utf8")).join("\n");
    const used = new Set([...schemaText.matchAll(/"format": "([a-z-]+)"/g)].map((m) => m[1]));
    expect([...used]).toEqual(["uri"]);
    const line = formats.split("\n").find((l) => l.startsWith("const URI = /"));
    expect(line, "ajv-formats changed how it checks uri: audit the new code").toBeDefined();
    const literal = line!.slice("const URI = ".length, line!.lastIndexOf(";"));
    const end = literal.lastIndexOf("/");
    const uri: FoundRegExp = { where: "ajv-formats uri", source: literal.slice(1, end), flags: literal.slice(end + 1) };
    expect(superLinear(uri)).toEqual([]);
  });
});

describe("the loader's comment-only check", () => {
  // The pattern it replaced; exponential on long inputs, so it is only asked about short ones.
  const OLD = /^(\s*#[^\n]*\n?)*\s*$/;
  it("agrees with the pattern it replaced", () => {
    const textArb = fc.string({ unit: fc.constantFrom("#", " ", "\n", "\t", "a", ":", "\r", "\u00a0", "\u2028"), maxLength: 12 });
    fc.assert(
      fc.property(textArb, (text) => {
        expect(onlyCommentsAndBlanks(text)).toBe(text.trim() === "" || OLD.test(text));
      }),
      { ...fuzzParameters(500), interruptAfterTimeLimit: 10_000 },
    );
  });
});

describe("hostile files and configuration through the CLI", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "claimcheck-regex-"));
    await mkdir(path.join(root, "claims", "a"), { recursive: true });
    await mkdir(path.join(root, "sources"), { recursive: true });
    await writeFile(path.join(root, "sources", "entities.yaml"), await readFile(path.join(REPO_ROOT, "sources", "entities.yaml")));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("loads a 32-byte file of # characters and a stray line to a finding (the old pattern backtracked 2^30 ways)", async () => {
    const hostile = `${"#".repeat(30)}\nx`;
    expect(Buffer.byteLength(hostile)).toBe(32);
    await writeFile(path.join(root, "claims", "a", "hostile.yaml"), hostile);
    const out = path.join(root, "result.json");
    const run = await runCli(["--format", `json=${out}`], root);
    expect(run.code).toBe(1);
    const result = JSON.parse(await readFile(out, "utf8")) as { diagnostics: Array<{ at: { file: string; line: number }; ruleId: string }> };
    expect(result.diagnostics.filter((d) => d.at.file === "claims/a/hostile.yaml").map((d) => [d.ruleId, d.at.line])).toEqual([["schema", 2]]);
  });

  it("matches a crafted glob from the configuration against a crafted file name (picomatch: minutes)", async () => {
    const name = "a".repeat(40);
    await writeFile(path.join(root, "claims", "a", name), "id: x\n");
    await writeFile(path.join(root, "claims", "a", "c1.yaml"), "id: c1\n");
    await writeFile(path.join(root, "claimcheck.config.yaml"), `claims: ["claims/a/${"*a".repeat(14)}b", "claims/a/c1.yaml"]\n`);
    const out = path.join(root, "result.json");
    const run = await runCli(["--format", `json=${out}`], root);
    expect(run.stderr).not.toContain("no claim files");
    const result = JSON.parse(await readFile(out, "utf8")) as { claims: Array<{ file: string }> };
    // The crafted glob matches nothing; the plain one still finds its file.
    expect(result.claims.map((c) => c.file)).toEqual(["claims/a/c1.yaml"]);
  });
});
