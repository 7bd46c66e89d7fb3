import { describe, expect, it } from "vitest";
import { closestPassage, findQuote, type ClosestPassage } from "../../src/text/find-quote.js";
import { normalise } from "../../src/text/normalize.js";

describe("normalise", () => {
  it("folds quotes, dashes, ellipses, spaces and invisible characters", () => {
    expect(normalise("“Hold,\u00a0hold” – it’s\u00ad done…\n  ok")).toBe('"Hold, hold" - it\'s done... ok');
    expect(normalise("ﬁne\u200b")).toBe("fine");
  });
  it("keeps case and words", () => {
    expect(normalise("October 2018")).not.toBe(normalise("october 2018"));
  });
});

describe("findQuote", () => {
  const text = "NASA’s acting administrator met him.\nThe last meeting took place in October 2018, at Baikonur.";
  it("finds a quote across typographic differences and maps back to the original offsets", () => {
    const match = findQuote(text, { exact: "NASA's acting administrator" })!;
    expect(text.slice(match.start, match.end)).toBe("NASA’s acting administrator");
    const across = findQuote(text, { exact: "met him. The last" })!;
    expect(text.slice(across.start, across.end)).toBe("met him.\nThe last");
  });
  it("misses a changed word", () => {
    expect(findQuote(text, { exact: "took place in November 2018" })).toBeUndefined();
  });
  it("checks the prefix and suffix when given", () => {
    expect(findQuote(text, { exact: "took place", prefix: "The last meeting" })).toBeDefined();
    expect(findQuote(text, { exact: "took place", prefix: "The first meeting" })).toBeUndefined();
    expect(findQuote(text, { exact: "took place", suffix: "in October" })).toBeDefined();
    expect(findQuote(text, { exact: "took place", suffix: "in May" })).toBeUndefined();
  });
  it("treats regular-expression characters as plain text", () => {
    expect(findQuote("a (b) [c] .* d", { exact: "(b) [c] .*" })).toBeDefined();
    expect(findQuote("abc", { exact: ".*" })).toBeUndefined();
  });
});

describe("closestPassage", () => {
  it("shows what the source says where the quote went wrong", () => {
    const closest = closestPassage(["The last meeting took place in October 2018, at Baikonur."], "The last meeting took place in November 2018") as ClosestPassage;
    expect(closest.passage).toBe("The last meeting took place in October 2018,");
    expect(closest.differs).toEqual({ quote: "November", passage: "October" });
  });
  it("returns nothing when no word matches", () => {
    expect(closestPassage(["alpha beta"], "gamma delta")).toBeUndefined();
  });
});
