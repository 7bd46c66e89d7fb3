import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { YamlEditError, YamlEditor } from "../../src/edit/yaml-editor.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { diffLines } from "../helpers/diff-lines.js";

const RECORD = `# yaml-language-server: $schema=../schema/source.schema.json
id: demo-wire   # the id
title: "Quoted title"
author: [{ literal: Reuters }]
reliability: mirror
# a comment before the excerpts
excerpts:
  - id: one
    text: |-
      First line
      second line
    line-breaks-normalised: true
facts:
  - id: f1
    subject: iss
    value: 2028 # a year
  - id: f2
    value: x
`;

describe("YamlEditor", () => {
  it("changes nothing when nothing is edited", () => {
    expect(new YamlEditor(RECORD).text).toBe(RECORD);
  });

  it("replaces a scalar in place, keeping its quoting and the comment after it", () => {
    const editor = new YamlEditor(RECORD).set(["title"], "New title").set(["facts", 0, "value"], 2030);
    expect(diffLines(RECORD, editor.text)).toEqual({
      added: ['title: "New title"', "    value: 2030 # a year"],
      removed: ['title: "Quoted title"', "    value: 2028 # a year"],
    });
    expect(editor.get(["facts", 0, "value"])).toBe(2030);
  });

  it("quotes a string that would read as another type if written plain", () => {
    const editor = new YamlEditor(RECORD).set(["facts", 1, "value"], "2028");
    expect(parse(editor.text).facts[1].value).toBe("2028");
    expect(editor.text).toContain(`value: "2028"`);
  });

  it("inserts a new key after a given key, at the map's indentation", () => {
    const editor = new YamlEditor(RECORD).set(["facts", 0, "grounding"], "inferred", { after: "subject" });
    expect(editor.text).toContain("    subject: iss\n    grounding: inferred\n    value: 2028 # a year\n");
    expect(diffLines(RECORD, editor.text).removed).toEqual([]);
  });

  it("inserts a new key before the first key of a list item, keeping the item marker", () => {
    const editor = new YamlEditor(RECORD).set(["facts", 1, "kind"], "k", { before: "id" });
    expect(editor.text).toContain("  - kind: k\n    id: f2\n");
    expect((editor.toJS() as { facts: Array<Record<string, unknown>> }).facts[1]).toEqual({ kind: "k", id: "f2", value: "x" });
  });

  it("inserts a key before another above the comment lines that belong to it", () => {
    const editor = new YamlEditor(RECORD).set(["snapshot"], { path: "x.txt" }, { before: "excerpts" });
    expect(editor.text).toContain("reliability: mirror\nsnapshot:\n  path: x.txt\n# a comment before the excerpts\nexcerpts:\n");
    expect(diffLines(RECORD, editor.text).removed).toEqual([]);
  });

  it("appends a nested map at the end of the document in block style", () => {
    const editor = new YamlEditor(RECORD).set(["snapshot"], { path: "sources/snapshots/x.txt", sha256: "ab".repeat(32) });
    expect(editor.text.endsWith(`snapshot:\n  path: sources/snapshots/x.txt\n  sha256: ${"ab".repeat(32)}\n`)).toBe(true);
    expect(diffLines(RECORD, editor.text).removed).toEqual([]);
  });

  it("adds a key to a flow map and writes lists in flow style when asked", () => {
    const editor = new YamlEditor(RECORD).set(["author", 0, "family"], "Doe").set(["tags"], ["a", "b"], { flow: true, after: "reliability" });
    expect(editor.text).toContain("author: [{ literal: Reuters, family: Doe }]");
    expect(editor.text).toContain("reliability: mirror\ntags: [ a, b ]\n");
  });

  it("replaces a block scalar with another block scalar", () => {
    const editor = new YamlEditor(RECORD).set(["excerpts", 0, "text"], "Only one line\nand two");
    expect(editor.text).toContain("    text: |-\n      Only one line\n      and two\n    line-breaks-normalised: true\n");
  });

  it("deletes a key with its whole value, and renames a key in place", () => {
    const editor = new YamlEditor(RECORD).delete(["excerpts", 0, "text"]).rename(["reliability"], "kind");
    expect(editor.text).toContain("  - id: one\n    line-breaks-normalised: true\n");
    expect(editor.text).toContain("kind: mirror\n# a comment before the excerpts\n");
    expect(editor.has(["reliability"])).toBe(false);
  });

  it("refuses an edit it cannot make cleanly, leaving the text as it was", () => {
    const editor = new YamlEditor(RECORD);
    expect(() => editor.delete(["facts", 0, "id"])).toThrow(YamlEditError);
    expect(() => editor.set(["nowhere", "deep"], 1)).toThrow(YamlEditError);
    expect(() => editor.rename(["title"], "id")).toThrow(/exists already/);
    expect(editor.text).toBe(RECORD);
  });

  it("on every YAML file of the repository: a new key and a changed value show as exactly those lines", async () => {
    const files = await glob(["claims/**/*.yaml", "sources/*.yaml"], { cwd: REPO_ROOT });
    expect(files.length).toBeGreaterThan(80);
    for (const file of files) {
      const before = await readFile(path.join(REPO_ROOT, file), "utf8");
      const data = parse(before) as Record<string, unknown>;
      const editor = new YamlEditor(before).set(["reviewed-by"], "a tester");
      const added = ["reviewed-by: a tester"];
      const removed: string[] = [];
      const expected: Record<string, unknown> = { ...data, "reviewed-by": "a tester" };
      if (typeof data.id === "string") {
        editor.set(["id"], `${data.id}-x`);
        expected.id = `${data.id}-x`;
        added.push(`id: ${data.id}-x`);
        removed.push(`id: ${data.id}`);
      }
      expect(editor.toJS(), file).toEqual(expected);
      const diff = diffLines(before, editor.text);
      expect(diff.added.sort(), file).toEqual(added.sort());
      expect(diff.removed, file).toEqual(removed);
    }
  });
});
