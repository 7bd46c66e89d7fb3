import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { YamlEditor } from "../../src/edit/yaml-editor.js";
import { loadMigrations } from "../../src/migrate/index.js";
import { lineDiff } from "../../src/migrate/line-diff.js";
import { checkTree } from "../helpers/fixtures.js";
import { copyDataset, runCli } from "../helpers/cli.js";

const verdicts = async (dir: string) => (await checkTree(dir)).claims.map((c) => `${c.id} ${c.derived} ${c.status}`);

describe("the migrations", () => {
  it("are found in src/migrate/migrations/, in the order of their names, with unique ids", async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.id)).toEqual(["declare-event-kinds", "unquote-numbers", "source-standing"]);
    for (const m of migrations) expect(m.description.length).toBeGreaterThan(20);
  });
});

describe("claimcheck migrate over a copy of this repository", () => {
  it("declares the event kinds of a registry that has none, keeping every other line and the verdicts, and is idempotent", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const registry = path.join(dir, "sources/entities.yaml");
      const today = await readFile(registry, "utf8");
      const declared = Object.keys((new YamlEditor(today).toJS() as { kinds: object }).kinds);
      // The registry as it was written before kinds were declared.
      const old = new YamlEditor(today).delete(["kinds"]).text;
      await writeFile(registry, old);
      const before = await verdicts(dir);

      const dry = await runCli(["migrate", "--dry-run"], dir);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain("sources/entities.yaml: declare-event-kinds");
      expect(dry.stdout).toContain("+ kinds:");
      expect(dry.stdout).toContain("1 file would change (dry run: nothing written)");
      expect(await readFile(registry, "utf8")).toBe(old);

      const run = await runCli(["migrate"], dir);
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split("\n").at(-1)).toBe("1 file migrated");
      const migrated = await readFile(registry, "utf8");
      const hunks = lineDiff(old, migrated);
      expect(hunks.every((h) => h.removed.length === 0)).toBe(true);
      expect(Object.keys((new YamlEditor(migrated).toJS() as { kinds: object }).kinds)).toEqual(declared);
      expect(await verdicts(dir)).toEqual(before);

      const again = await runCli(["migrate"], dir);
      expect(again.stdout).toBe("nothing to migrate (3 migrations checked)\n");
      expect(await readFile(registry, "utf8")).toBe(migrated);
    } finally {
      await cleanup();
    }
  });
});

describe("unquote-numbers", () => {
  it("writes a quoted number of a number property as a number, in facts and value literals, keeping comments", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-migrate-"));
    try {
      await mkdir(path.join(dir, "sources"), { recursive: true });
      await mkdir(path.join(dir, "claims/a"), { recursive: true });
      await writeFile(path.join(dir, "sources/entities.yaml"), "entities:\n  iss: { label: ISS, type: spacecraft }\nproperties:\n  crew-size: { label: crew size, type: number }\n  name: { label: name, type: string }\n");
      const source = 'id: s\nfacts:\n  - id: f\n    subject: iss\n    property: crew-size\n    value: "3" # as printed\n  - id: g\n    subject: iss\n    property: name\n    value: "3"\n';
      await writeFile(path.join(dir, "sources/s.yaml"), source);
      await writeFile(path.join(dir, "claims/a/c.yaml"), 'id: c\nassert:\n  all:\n    - value: { subject: iss, property: crew-size, gte: "3" }\n');
      const run = await runCli(["migrate"], dir);
      expect(run.code).toBe(0);
      expect(await readFile(path.join(dir, "sources/s.yaml"), "utf8")).toBe(source.replace('value: "3" # as printed', "value: 3 # as printed"));
      expect(await readFile(path.join(dir, "claims/a/c.yaml"), "utf8")).toContain("gte: 3 }");
      expect((await runCli(["migrate"], dir)).stdout).toContain("nothing to migrate");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("lineDiff", () => {
  it("finds the changed lines as hunks at their old line numbers", () => {
    expect(lineDiff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n")).toEqual([
      { line: 2, removed: ["b"], added: ["B"] },
      { line: 5, removed: [], added: ["e"] },
    ]);
    expect(lineDiff("same\n", "same\n")).toEqual([]);
  });
});
