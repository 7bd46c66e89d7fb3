import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Ajv2020 as Ajv2020Type, ValidateFunction } from "ajv/dist/2020.js";
import fc from "fast-check";
import { globbySync } from "globby";
import { describe, expect, it } from "vitest";
import { loadYaml } from "../../src/load/yaml-load.js";
import { ANNOTATION_KEYWORDS } from "../../src/schema/validate.js";
import { PRECOMPILED_KINDS, precompiledIsCurrent, precompiledValidator, SCHEMA_DIR, schemaHashFor } from "../../src/schema/precompiled.js";
import { fuzzParameters, scalarArb } from "../fuzz/arbitraries.js";
import { REPO_ROOT } from "../helpers/cli.js";

// The validators compiled ahead of time (src/schema/precompiled-validators.ts) must be those of
// the schemas as they are, and must judge every document exactly as ajv compiling at run time does.
const require = createRequire(import.meta.url);
const { Ajv2020 } = require("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020Type };
const addFormats = require("ajv-formats") as (ajv: Ajv2020Type) => void;
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true, allowUnionTypes: true });
for (const k of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword: k.keyword, schemaType: k.schemaType });
addFormats(ajv);
const readSchema = (name: string) => JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, "utf8")) as object;
ajv.addSchema(readSchema("defs"));
const kinds = PRECOMPILED_KINDS.filter((k) => schemaHashFor(k) !== undefined);
const runtime = new Map<string, ValidateFunction>(kinds.map((k) => [k, ajv.compile(readSchema(k))]));

function sameJudgement(kind: string, data: unknown): void {
  const ahead = precompiledValidator(kind)!;
  const now = runtime.get(kind)!;
  const a = ahead(data);
  const b = now(data);
  expect(a).toBe(b);
  expect(ahead.errors ?? null).toEqual(now.errors ?? null);
}

function kindOf(file: string): string | undefined {
  const base = path.basename(file).replace(/\.ya?ml$/, "");
  if (file.includes("claims/")) return base === "article" ? "article" : "claim";
  if (file.includes("sources/")) return base === "entities" ? "entities" : "source";
  return undefined;
}

describe("precompiled schema validators", () => {
  it.each(kinds)("%s: made from the schemas as they are now (run `npm run schemas:precompile` after changing a schema)", (kind) => {
    expect(precompiledIsCurrent(kind)).toBe(true);
  });

  const files = globbySync(["claims/**/*.yaml", "sources/**/*.yaml", "test/fixtures/**/*.yaml"], { cwd: REPO_ROOT }).sort();
  it("judge every YAML document of the repository as ajv does at run time", () => {
    let compared = 0;
    for (const file of files) {
      const kind = kindOf(file);
      if (!kind) continue;
      const outcome = loadYaml(file, readFileSync(path.join(REPO_ROOT, file)));
      if (!outcome.ok) continue;
      sameJudgement(kind, outcome.doc.data);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("judge mutated documents as ajv does at run time", () => {
    const samples = files
      .map((file) => ({ file, kind: kindOf(file) }))
      .filter((s): s is { file: string; kind: string } => s.kind !== undefined)
      .map((s) => ({ kind: s.kind, outcome: loadYaml(s.file, readFileSync(path.join(REPO_ROOT, s.file))) }))
      .filter((s) => s.outcome.ok)
      .map((s) => ({ kind: s.kind, data: (s.outcome as { doc: { data: unknown } }).doc.data }));
    const mutation = fc.record({
      sample: fc.nat(),
      steps: fc.array(fc.record({ pick: fc.nat(), op: fc.constantFrom("delete", "set", "add", "wrap"), value: scalarArb, key: fc.constantFrom("citaton", "id", "extra", "x-message", "text", "0") }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(mutation, ({ sample, steps }) => {
        const { kind, data } = samples[sample % samples.length]!;
        const copy = structuredClone(data) as Record<string, unknown>;
        for (const step of steps) mutate(copy, step);
        sameJudgement(kind, copy);
      }),
      fuzzParameters(200),
    );
  });
});

/** Changes one node of the tree: the pick-th container, in document order. */
function mutate(root: Record<string, unknown>, step: { pick: number; op: string; value: unknown; key: string }): void {
  const containers: Array<Record<string, unknown> | unknown[]> = [];
  const walk = (v: unknown) => {
    if (typeof v === "object" && v !== null) {
      containers.push(v as Record<string, unknown>);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(root);
  const target = containers[step.pick % containers.length]!;
  const keys = Object.keys(target);
  const key = keys.length > 0 ? keys[step.pick % keys.length]! : step.key;
  const t = target as Record<string, unknown>;
  switch (step.op) {
    case "delete":
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete t[key];
      break;
    case "set":
      t[key] = step.value;
      break;
    case "add":
      if (Array.isArray(target)) target.push(step.value);
      else t[step.key] = step.value;
      break;
    case "wrap":
      t[key] = [t[key]];
      break;
  }
}
