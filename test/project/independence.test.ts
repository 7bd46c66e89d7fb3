import { describe, expect, it } from "vitest";
import { independenceGroups, outletOf } from "../../src/project/independence.js";
import { makeIndex } from "../helpers/project.js";

/** A source record's bibliographic lines (the helper adds the id). */
const record = (lines: string, kind = "newspaper") => `type: webpage\ntitle: T\nURL: https://example.org/x\nkind: ${kind}\nstanding: generally-reliable\n${lines}`;

describe("independenceGroups", () => {
  it("keeps sources of different outlets apart", () => {
    const index = makeIndex({ a: record("container-title: Alpha Post\n"), b: record("container-title: Beta Times\n") });
    expect(independenceGroups(["a", "b"], index)).toEqual([
      { sources: ["a"], outlets: ["Alpha Post"], links: [] },
      { sources: ["b"], outlets: ["Beta Times"], links: [] },
    ]);
  });

  it("joins copies of one outlet, by its name (any case and spacing) or by the original's source id", () => {
    const index = makeIndex({
      original: record("container-title: The  Alpha Post\n"),
      copy: record("container-title: Alpha Post copy site\nmirror-of: the alpha post\n", "mirror"),
      "copy-by-id": record("mirror-of: original\n", "mirror"),
      other: record("container-title: Beta Times\n"),
    });
    const groups = independenceGroups(["copy", "other", "copy-by-id", "original"], index);
    expect(groups.map((g) => g.sources)).toEqual([["copy", "copy-by-id", "original"], ["other"]]);
    expect(groups[0]!.links).toEqual([
      { by: "mirror-of", value: "original" },
      { by: "mirror-of", value: "the alpha post" },
    ]);
    // One outlet, named as the first source of the group spells it.
    expect(groups[0]!.outlets).toEqual(["the alpha post"]);
  });

  it("joins outlets of one network, and outlets of one state, transitively", () => {
    const index = makeIndex({
      north: record("container-title: North Courier\nnetwork: courier-group\n"),
      south: record("container-title: South Courier\nnetwork: courier-group\nstate-affiliated: RU\n"),
      agency: record("container-title: State Agency\nstate-affiliated: RU\n"),
      abroad: record("container-title: Abroad Daily\nstate-affiliated: US\n"),
    });
    const groups = independenceGroups(["north", "south", "agency", "abroad"], index);
    expect(groups.map((g) => g.sources)).toEqual([["north", "south", "agency"], ["abroad"]]);
    expect(groups[0]!.links).toEqual([
      { by: "network", value: "courier-group" },
      { by: "state", value: "RU" },
    ]);
  });

  it("counts a source cited twice once, and leaves out ids that name no source", () => {
    const index = makeIndex({ a: record("container-title: Alpha Post\n") });
    expect(independenceGroups(["a", "missing", "a"], index)).toEqual([{ sources: ["a"], outlets: ["Alpha Post"], links: [] }]);
  });

  it("falls back on the site's host when a record names no outlet", () => {
    const index = makeIndex({ a: record(""), b: "type: webpage\ntitle: T\nURL: https://www.example.org/y\nkind: unknown\nstanding: unassessed\n" });
    expect(outletOf(index.sources.get("a")!.data)).toBe("example.org");
    expect(independenceGroups(["a", "b"], index).map((g) => g.sources)).toEqual([["a", "b"]]);
  });
});
