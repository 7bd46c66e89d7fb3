/**
 * The assertion part registry, the part modules, their docs pages and the claim schema agree:
 * a new kind of part is a file in src/assert/parts/, a line in its index, a page in
 * docs/assertions/, and a key in schema/claim.schema.json, and none lands without the others.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { partModules } from "../../src/assert/parts/index.js";
import { REPO_ROOT } from "../helpers/cli.js";

const root = (...parts: string[]) => path.join(REPO_ROOT, ...parts);
const kinds = partModules.map((m) => m.kind);
/** Files of src/assert/parts/ that are shared by several kinds, not kinds themselves. */
const HELPERS = new Set(["index.ts", "part.ts", "group.ts", "previous.ts"]);

describe("assertion parts", () => {
  it("are listed sorted, once each", () => {
    expect(kinds).toEqual([...new Set(kinds)].sort());
  });

  it("have one module each in src/assert/parts/, and no module is left out", () => {
    const files = readdirSync(root("src/assert/parts"))
      .filter((f) => f.endsWith(".ts") && !HELPERS.has(f))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(files).toEqual([...kinds]);
  });

  it("have one docs page each in docs/assertions/, linked from docs/assertions.md", () => {
    const pages = readdirSync(root("docs/assertions"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => f.replace(/\.md$/, ""))
      .sort();
    expect(pages).toEqual([...kinds].sort());
    const index = readFileSync(root("docs/assertions.md"), "utf8");
    for (const kind of kinds) expect(index).toContain(`](assertions/${kind}.md)`);
    for (const kind of kinds) expect(readFileSync(root(`docs/assertions/${kind}.md`), "utf8").startsWith(`# ${kind}\n`)).toBe(true);
  });

  it("are the part keys of the claim schema, each leaf with the example its module shows in messages", () => {
    const schema = JSON.parse(readFileSync(root("schema/claim.schema.json"), "utf8")) as {
      $defs: { part: { properties: Record<string, { "x-example"?: string }> } };
    };
    const keys = Object.keys(schema.$defs.part.properties).filter((k) => !["id", "label", "expect"].includes(k));
    expect(keys.sort()).toEqual([...kinds].sort());
    for (const module of partModules) {
      if (module.kind === "all" || module.kind === "any") continue;
      expect(schema.$defs.part.properties[module.kind]!["x-example"], module.kind).toBe(module.example);
      expect(module.description.endsWith("."), `${module.kind}: a description is a sentence`).toBe(true);
    }
  });
});
