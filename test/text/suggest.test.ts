import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "../../src/text/suggest.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent transpositions as one edit each", () => {
    expect(editDistance("citaton", "citations")).toBe(2);
    expect(editDistance("htlm", "html")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
  it("stops early past the cap", () => {
    expect(editDistance("aaaaaaaa", "bbbbbbbb", 2)).toBe(3);
  });
});

describe("didYouMean", () => {
  it("suggests the nearest candidate within a third of the word's length", () => {
    expect(didYouMean("citaton", ["citations", "text", "verdict"])).toBe("citations");
    expect(didYouMean("reuters-financetom-2025-07-28", ["reuters-financetom-2025-07-29", "tass-1996709"])).toBe("reuters-financetom-2025-07-29");
    expect(didYouMean("zzz", ["citations"])).toBeUndefined();
  });
  it("breaks ties alphabetically, so suggestions never change between runs", () => {
    expect(didYouMean("cat", ["cot", "bat"])).toBe("bat");
    expect(didYouMean("cat", ["bat", "cot"])).toBe("bat");
  });
});
