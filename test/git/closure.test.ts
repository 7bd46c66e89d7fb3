import { describe, expect, it } from "vitest";
import { changedDeclarations, dependencyClosure, describeSelection, type ProjectFile } from "../../src/changed/closure.js";
import { matchesAnyGlob } from "../../src/paths/glob-match.js";

describe("matchesAnyGlob", () => {
  it("matches the glob forms the configuration uses", () => {
    expect(matchesAnyGlob("sources/a.yaml", ["sources/**/*.{yaml,yml}"])).toBe(true);
    expect(matchesAnyGlob("sources/deep/a.yml", ["sources/**/*.{yaml,yml}"])).toBe(true);
    expect(matchesAnyGlob("sources/a.json", ["sources/**/*.{yaml,yml}"])).toBe(false);
    expect(matchesAnyGlob("other/sources/a.yaml", ["sources/**/*.yaml"])).toBe(false);
    expect(matchesAnyGlob("claims/x/c1.yaml", ["claims/*/c?.yaml"])).toBe(true);
    expect(matchesAnyGlob("claims/x.y/c1.yaml", ["claims/x.y/*.yaml"])).toBe(true);
    expect(matchesAnyGlob("claims/xzy/c1.yaml", ["claims/x.y/*.yaml"])).toBe(false);
    expect(matchesAnyGlob("a.yaml", ["!a.yaml"])).toBe(false);
  });
});

describe("changedDeclarations", () => {
  it("finds added, removed and changed entities and properties", () => {
    const before = { entities: { a: { label: "A", type: "person" }, b: { label: "B", type: "person" } }, properties: { p: { label: "P", type: "year" } } };
    const after = { entities: { a: { label: "A", type: "person" }, b: { label: "B.", type: "person" }, c: { label: "C", type: "place" } } };
    expect([...changedDeclarations(before, after)].sort()).toEqual(["b", "c", "p"]);
    expect([...changedDeclarations(undefined, after)].sort()).toEqual(["a", "b", "c"]);
  });
});

describe("dependencyClosure", () => {
  const claim = (file: string, data: unknown): ProjectFile => ({ file, role: "claim", article: file.split("/")[1], data });
  const files: ProjectFile[] = [
    claim("claims/x/c1.yaml", { id: "c1", citations: [{ source: "s1" }], assert: { value: { fact: "s2#f", equals: 1 } } }),
    claim("claims/x/c2.yaml", { id: "c2", citations: [{ source: "s2" }], assert: { id: "alpha", label: "alpha", value: { subject: "e1", property: "p", equals: "alpha" } } }),
    claim("claims/y/c3.yaml", { id: "c3", citations: [{ source: "s3" }] }),
    { file: "sources/s1.yaml", role: "source", data: { id: "s1" } },
    { file: "sources/s2.yaml", role: "source", data: { id: "s2", facts: [{ subject: "e2", property: "p", value: 3 }] } },
    { file: "sources/s3.yaml", role: "source", data: { id: "s3", snapshot: { path: "snaps/s3.txt" } } },
    { file: "claims/y/article.yaml", role: "article", article: "y", data: { source: "s3" } },
  ];
  const base = { files, baseData: new Map(), claimGlobs: ["claims/**/*.yaml"], sourceGlobs: ["sources/**/*.yaml"] };

  it("counts a fact reference in an assert as a citation of its source", () => {
    const s = dependencyClosure({ ...base, changes: [{ file: "sources/s2.yaml", status: "modified" }] });
    expect([...s.files].sort()).toEqual(["claims/x/c1.yaml", "claims/x/c2.yaml"]);
  });

  it("does not take part ids, labels or values that are words for entity ids", () => {
    const before = { entities: { alpha: { label: "A", type: "other" } } };
    const s = dependencyClosure({ ...base, files: [...files, { file: "sources/entities.yaml", role: "entities", data: { entities: {} } }], changes: [{ file: "sources/entities.yaml", status: "modified" }], baseData: new Map([["sources/entities.yaml", before]]) });
    // "alpha" is c2's part id and label, but also the value it expects: a value may be an entity id.
    expect([...s.files]).toEqual(["claims/x/c2.yaml"]);
  });

  it("takes a source's snapshot as part of the source, and an article's source as part of the article", () => {
    const s = dependencyClosure({ ...base, changes: [{ file: "sources/snaps/s3.txt", status: "modified" }] });
    expect(s.reasons.get("claims/y/c3.yaml")).toEqual([
      { kind: "article", article: "y" },
      { kind: "source", source: "s3", deleted: false },
    ]);
    expect(describeSelection(s, "main")).toBe("selected 1 of 3 claims (changes since main): 1 in changed article y; 1 changed file checked itself");
    // The source whose snapshot changed is checked itself too, cited or not.
    expect([...s.checkedFiles]).toEqual(["sources/s3.yaml"]);
  });

  it("tells what a deleted file was from the globs, and ignores files that are neither", () => {
    const s = dependencyClosure({
      ...base,
      changes: [
        { file: "claims/x/c9.yaml", status: "deleted" },
        { file: "sources/s1.yaml", status: "deleted" },
        { file: "docs/readme.md", status: "modified" },
      ],
    });
    expect([...s.files]).toEqual(["claims/x/c1.yaml"]);
    expect(s.deletedClaims).toEqual(["claims/x/c9.yaml"]);
    expect(describeSelection(s, "origin/main")).toBe("selected 1 of 3 claims (changes since origin/main): 1 cites changed source s1; 1 claim file deleted");
    expect(s.checkedFiles.size).toBe(0);
  });
});
