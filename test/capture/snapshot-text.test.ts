import { describe, expect, it } from "vitest";
import { excerptWindows, fullText, GAP, sha256, textSha256 } from "../../src/capture/snapshot-text.js";
import { findQuote } from "../../src/text/find-quote.js";
import { normalise } from "../../src/text/normalize.js";

const LINES = [
  "Agency heads hold first talks since 2018",
  "The heads met at Kennedy Space Center on July 31. They watched a launch before the talks began.",
  "The last meeting between the two heads took place in October 2018, at Baikonur. A return visit never happened.",
  "Neither agency published a joint statement. Teams will continue the discussion in the autumn.",
];
const TEXT = fullText(LINES);

describe("a snapshot's text", () => {
  it("is one line per paragraph, ending in a newline", () => {
    expect(TEXT).toBe(`${LINES.join("\n")}\n`);
    expect(fullText([])).toBe("");
  });

  it("has a text-sha256 that ignores how the text is broken into lines, as quote-found does", () => {
    expect(textSha256(TEXT)).toBe(sha256(normalise(LINES.join(" "))));
    expect(textSha256(LINES.join("\n\n  "))).toBe(textSha256(TEXT));
    expect(textSha256(TEXT.replace("Kennedy", "Johnson"))).not.toBe(textSha256(TEXT));
  });
});

describe("excerptWindows", () => {
  it("keeps a window of whole words around each excerpt, and marks what it leaves out", () => {
    const windows = excerptWindows(TEXT, [{ text: "took place in October 2018" }], 20);
    expect(windows).toBe(`${GAP}\nbetween the two heads took place in October 2018, at Baikonur. A return\n${GAP}\n`);
    expect(findQuote(windows, { exact: "took place in October 2018" })).toBeDefined();
    expect(windows).not.toContain("Kennedy");
  });

  it("merges windows that touch, and leaves no gap mark at the ends of the text", () => {
    const windows = excerptWindows(
      TEXT,
      [{ text: "Agency heads hold first talks since 2018" }, { text: "The heads met at Kennedy Space Center" }, { text: "in the autumn." }],
      10,
    );
    expect(windows.startsWith("Agency heads hold first talks since 2018\nThe heads met at Kennedy Space Center on July")).toBe(true);
    expect(windows.endsWith(`\n${GAP}\ndiscussion in the autumn.\n`)).toBe(true);
    expect(windows.split(GAP)).toHaveLength(2);
  });

  it("finds excerpts under quote-found's normalisation, and gives no window to one not on the page", () => {
    const windows = excerptWindows(TEXT, [{ text: "The heads met at\nKennedy Space Center" }, { text: "They met in Houston." }], 0);
    expect(windows).toBe(`${GAP}\nThe heads met at Kennedy Space Center\n${GAP}\n`);
    expect(excerptWindows(TEXT, [{ text: "They met in Houston." }], 50)).toBe("");
  });
});
