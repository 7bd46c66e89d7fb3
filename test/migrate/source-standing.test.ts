import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { appliesTo, description, migrate, name } from "../../src/migrate/source-standing.js";
import { loadYaml } from "../../src/load/yaml-load.js";
import { LEGACY_MAPPING, LEGACY_RELIABILITY, standingOf, type LegacyReliability } from "../../src/model/source-standing.js";
import { validateDoc } from "../../src/schema/validate.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { diffLines } from "../helpers/diff-lines.js";

const OLD = `# yaml-language-server: $schema=../schema/source.schema.json
# A mirror of a wire story.
id: demo-copy
type: webpage
title: "Quoted: a title"
URL: https://example.org/copy
language: en
reliability: mirror   # the copy, not the original
mirror-of: Demo Wire

note: >
  Folded
  note.
excerpts:
  - id: one
    text: The heads met.
`;

describe("the source-standing migration", () => {
  it("names itself, says what it does, and applies to source records", () => {
    expect(name).toBe("source-standing");
    expect(description).toMatch(/reliability/);
    expect(appliesTo).toEqual(["source"]);
  });

  it("rewrites reliability as kind and standing in its place, keeping comments, blank lines, quoting and order", () => {
    const after = migrate(OLD);
    expect(diffLines(OLD, after)).toEqual({
      added: ["kind: mirror   # the copy, not the original", "standing: unassessed"],
      removed: ["reliability: mirror   # the copy, not the original"],
    });
    expect(Object.keys(parse(after) as object)).toEqual(["id", "type", "title", "URL", "language", "kind", "standing", "mirror-of", "note", "excerpts"]);
  });

  it("maps each old class as docs/source-standing.md says", () => {
    for (const old of LEGACY_RELIABILITY) {
      const after = parse(migrate(`id: x\nreliability: ${old}\n`)) as Record<string, unknown>;
      expect(after).toEqual({ id: "x", ...LEGACY_MAPPING[old] });
    }
    expect(parse(migrate("id: x\nreliability: low\n"))).toEqual({ id: "x", kind: "unknown", standing: "unreliable" });
  });

  it("keeps what the record already says, and only drops the leftover class", () => {
    expect(migrate("id: x\nkind: newspaper\nreliability: wire\nstanding: generally-reliable\n")).toBe("id: x\nkind: newspaper\nstanding: generally-reliable\n");
    expect(migrate("id: x\nkind: newspaper\nreliability: wire\n")).toBe("id: x\nkind: newspaper\nstanding: unassessed\n");
    expect(migrate("id: x\nreliability: low\nstanding: use-with-care\n")).toBe("id: x\nkind: unknown\nstanding: use-with-care\n");
  });

  it("is idempotent, and leaves alone what it does not apply to", () => {
    const once = migrate(OLD);
    expect(migrate(once)).toBe(once);
    for (const text of ["id: x\nkind: mirror\nstanding: unreliable\n", "id: x\nreliability: trusted\n", "id: x\nreliability: [wire]\n", "- a list\n", "id: [unclosed\n", ""]) {
      expect(migrate(text)).toBe(text);
    }
  });

  it("edits flow-style records too", () => {
    expect(parse(migrate("{ id: x, reliability: specialist, URL: u }\n"))).toEqual({ id: "x", kind: "specialist", standing: "unassessed", URL: "u" });
  });

  it("over every record of this repository written the old way: one line becomes two, the result validates, and reads as the old one did", async () => {
    const files = await glob(["sources/*.yaml"], { cwd: REPO_ROOT, ignore: ["sources/entities.yaml"] });
    expect(files.length).toBeGreaterThan(60);
    for (const [i, file] of files.sort().entries()) {
      const current = await readFile(path.join(REPO_ROOT, file), "utf8");
      // The record as it was before kind and standing: one reliability line where they stand.
      const old: LegacyReliability = LEGACY_RELIABILITY[i % LEGACY_RELIABILITY.length]!;
      const legacy = current
        .replace(/^kind: .*\n^standing: .*\n/m, `reliability: ${old}\n`);
      expect(legacy, file).toMatch(/^reliability: /m);
      const migrated = migrate(legacy);
      expect(diffLines(legacy, migrated).removed, file).toEqual([`reliability: ${old}`]);
      expect(diffLines(legacy, migrated).added.sort(), file).toEqual([`kind: ${LEGACY_MAPPING[old].kind}`, `standing: ${LEGACY_MAPPING[old].standing}`].sort());
      const loaded = loadYaml(file, new TextEncoder().encode(migrated));
      if (!loaded.ok) throw new Error(`${file} does not load after migrating`);
      // A mirror without mirror-of was invalid before and stays so; everything else validates.
      const data = loaded.doc.data as Record<string, unknown>;
      if (data.kind !== "mirror" || data["mirror-of"] !== undefined) expect(validateDoc(loaded.doc, "source"), file).toEqual([]);
      // What the engine reads from the old record is what the migration writes.
      const before = standingOf(parse(legacy) as { reliability: LegacyReliability });
      expect({ kind: data.kind, standing: data.standing }, file).toEqual({ kind: before.kind, standing: before.standing });
      expect(migrate(migrated), file).toBe(migrated);
    }
  });
});
