import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/cli.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === "snapshots" ? [] : yamlFiles(`${dir}/${e.name}`)) : e.name.endsWith(".yaml") ? [`${dir}/${e.name}`] : [],
  );
}

describe("the dataset's files", () => {
  const files = [...yamlFiles("claims"), ...yamlFiles("sources")];

  it("are all there: 18 claims, an article map, sources and the registry", () => {
    expect(files.filter((f) => f.startsWith("claims/") && !f.endsWith("/article.yaml"))).toHaveLength(18);
    expect(files).toContain("claims/rt-2025-space-cooperation/article.yaml");
    expect(files).toContain("sources/entities.yaml");
  });

  it.each(files)("%s starts with a modeline naming its schema", (file) => {
    const first = readFileSync(path.join(REPO_ROOT, file), "utf8").split("\n")[0]!;
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, first).not.toBeNull();
    const schema = path.resolve(path.dirname(path.join(REPO_ROOT, file)), match![1]!);
    expect(existsSync(schema), schema).toBe(true);
    const kind = file.endsWith("/article.yaml") ? "article" : file.endsWith("entities.yaml") ? "entities" : file.startsWith("claims/") ? "claim" : "source";
    expect(path.basename(schema)).toBe(`${kind}.schema.json`);
  });
});
