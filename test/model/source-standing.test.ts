import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NEW_HELP } from "../../src/cli/commands/new.js";
import { LEGACY_MAPPING, LEGACY_RELIABILITY, SOURCE_KINDS, STANDINGS, standingOf } from "../../src/model/source-standing.js";
import { REPO_ROOT } from "../helpers/cli.js";

const schema = (name: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, "schema", `${name}.schema.json`), "utf8")) as Record<string, any>;

describe("the source-standing vocabulary", () => {
  it("is the one the schemas offer editors and validate", () => {
    const source = schema("source").properties;
    expect(source.kind.enum).toEqual([...SOURCE_KINDS]);
    expect(source.standing.enum).toEqual([...STANDINGS]);
    expect(source.reliability.enum).toEqual([...LEGACY_RELIABILITY]);
    expect(source.reliability.deprecated).toBe(true);
    for (const key of ["kind", "standing", "state-affiliated", "network", "reliability", "mirror-of"]) {
      expect(typeof source[key].description, `${key} has a description for the editor`).toBe("string");
    }
    expect(schema("config").properties.evidence.properties["counting-standings"].items.enum).toEqual([...STANDINGS]);
    const result = schema("result").$defs;
    for (const def of [result.citation, result.source]) {
      expect(def.properties.kind.enum).toEqual([...SOURCE_KINDS]);
      expect(def.properties.standing.enum).toEqual([...STANDINGS]);
    }
  });

  it("is listed in the scaffold's help", () => {
    for (const word of [...SOURCE_KINDS, ...STANDINGS]) expect(NEW_HELP).toContain(word);
  });

  it("reads a record's own kind and standing, else maps the retired class", () => {
    expect(standingOf({ kind: "newspaper", standing: "generally-reliable" })).toEqual({ kind: "newspaper", standing: "generally-reliable" });
    expect(standingOf({ reliability: "wire" })).toEqual({ kind: "unknown", standing: "unassessed", legacy: "wire" });
    expect(standingOf({ reliability: "low" })).toEqual({ kind: "unknown", standing: "unreliable", legacy: "low" });
    expect(standingOf({ reliability: "mirror" })).toEqual({ kind: "mirror", standing: "unassessed", legacy: "mirror" });
    // kind and standing win over a leftover reliability.
    expect(standingOf({ kind: "wire-agency", standing: "use-with-care", reliability: "low" })).toMatchObject({ kind: "wire-agency", standing: "use-with-care" });
    for (const old of LEGACY_RELIABILITY) expect(SOURCE_KINDS).toContain(LEGACY_MAPPING[old].kind);
  });
});
