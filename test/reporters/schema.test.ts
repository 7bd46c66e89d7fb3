import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { json } from "../../src/reporters/json.js";
import { makeHostileResult, makeResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";

// ajv-formats is CommonJS: its plugin is the module's `default` under NodeNext.
const addFormats = addFormatsModule.default;

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const schema = JSON.parse(readFileSync(join(root, "schema/result.schema.json"), "utf8")) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("schema/result.schema.json", () => {
  it("is versioned and closed", () => {
    expect(schema["$id"]).toMatch(/\/v1\/result\.schema\.json$/);
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    const open: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== "object") return;
      const obj = node as Record<string, unknown>;
      if (obj["type"] === "object" && obj["additionalProperties"] === undefined) open.push(path);
      for (const [key, value] of Object.entries(obj)) walk(value, `${path}/${key}`);
    };
    walk(schema, "#");
    expect(open).toEqual([]);
  });

  it("accepts the JSON output of the realistic and the hostile fixtures", () => {
    const validate = validator();
    for (const result of [makeResult(), makeHostileResult()]) {
      const ok = validate(JSON.parse(json(result, plainOptions())));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it("rejects an unknown key and a wrong verdict", () => {
    const validate = validator();
    const withTypo = JSON.parse(json(makeResult(), plainOptions())) as Record<string, unknown>;
    withTypo["sumary"] = {};
    expect(validate(withTypo)).toBe(false);
    const badVerdict = JSON.parse(json(makeResult(), plainOptions())) as { claims: Array<Record<string, unknown>> };
    (badVerdict.claims[0] as Record<string, unknown>)["declared"] = "true";
    expect(validate(badVerdict)).toBe(false);
  });
});
