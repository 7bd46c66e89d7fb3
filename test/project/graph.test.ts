import { describe, expect, it } from "vitest";
import { buildProjectGraph, dependants, filesOfClaim, registryEntries, type ProjectFile } from "../../src/project/graph.js";

describe("the project graph", () => {
  const files: ProjectFile[] = [
    {
      file: "claims/x/c1.yaml",
      role: "claim",
      article: "x",
      data: { id: "c1", citations: [{ source: "s1", facts: ["f1"] }], assert: { count: { kind: "visit", subject: "e1", gte: 1 }, value: { fact: "s2#f2", equals: 3 } } },
    },
    { file: "claims/x/c2.yaml", role: "claim", article: "x", data: { id: "c2", citations: [{ source: "missing" }] } },
    { file: "claims/y/c3.yaml", role: "claim", article: "y", data: undefined },
    { file: "claims/x/article.yaml", role: "article", article: "x", data: { source: "page" } },
    { file: "sources/s1.yaml", role: "source", data: { id: "s1", facts: [{ id: "f1", event: "ev", kind: "visit", participants: ["e2"] }] } },
    { file: "sources/s2.yaml", role: "source", data: { id: "s2", snapshot: { path: "snapshots/s2.txt" }, facts: [{ id: "f2", subject: "e3", property: "p" }] } },
    { file: "sources/page.yaml", role: "source", data: { id: "page", snapshot: { path: "snapshots/page.txt" } } },
    { file: "sources/entities.yaml", role: "entities", data: { entities: { e1: {}, e2: {}, e9: {} }, properties: { p: {} }, kinds: { visit: {} } } },
  ];
  const graph = buildProjectGraph(files, "claimcheck.config.yaml");
  const c1 = graph.claims.find((c) => c.file === "claims/x/c1.yaml")!;

  it("records what a claim cites, by citation and by fact reference", () => {
    expect(c1.sources).toEqual(["s1", "s2"]);
    expect(c1.facts).toEqual(["s1#f1", "s2#f2"]);
    expect(c1.kinds).toEqual(["visit"]);
  });

  it("names the registry entries the claim and its cited facts use, as declared", () => {
    expect(registryEntries(graph, c1)).toEqual({ entities: ["e1", "e2"], properties: ["p"], kinds: ["visit"] });
  });

  it("lists every file the claim's result depends on", () => {
    expect(filesOfClaim(graph, c1)).toEqual([
      "claimcheck.config.yaml",
      "claims/x/article.yaml",
      "claims/x/c1.yaml",
      "sources/entities.yaml",
      "sources/page.yaml",
      "sources/s1.yaml",
      "sources/s2.yaml",
      "sources/snapshots/page.txt",
      "sources/snapshots/s2.txt",
    ]);
  });

  it("keeps claims that cite nothing that exists, or did not parse", () => {
    expect(graph.claims.map((c) => c.file)).toEqual(["claims/x/c1.yaml", "claims/x/c2.yaml", "claims/y/c3.yaml"]);
    const c3 = graph.claims.find((c) => c.file === "claims/y/c3.yaml")!;
    expect(filesOfClaim(graph, c3)).toEqual(["claimcheck.config.yaml", "claims/y/c3.yaml", "sources/entities.yaml"]);
  });

  it("finds the claims that depend on a file", () => {
    expect(dependants(graph, ["sources/snapshots/s2.txt"])).toEqual(["claims/x/c1.yaml"]);
    expect(dependants(graph, ["sources/snapshots/page.txt"])).toEqual(["claims/x/c1.yaml", "claims/x/c2.yaml"]);
    expect(dependants(graph, ["claimcheck.config.yaml"])).toHaveLength(3);
    expect(dependants(graph, ["README.md"])).toEqual([]);
  });
});
