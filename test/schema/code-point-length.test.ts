import { describe, expect, it } from "vitest";
import { codePointLength } from "../../src/schema/code-point-length.js";

describe("codePointLength (JSON Schema's minLength and maxLength)", () => {
  it("counts code points, as the standard does, for text with and without surrogates", () => {
    const pieces = ["a", "é", "Ж", "😀", "\uD800", "\uDC00", "𝔸", " "];
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 2000; i++) {
      let text = "";
      const length = Math.floor(next() * 30);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)]!;
      // A lone surrogate counts as one code point, as ajv counts it.
      expect(codePointLength(text), JSON.stringify(text)).toBe([...text].length);
    }
    expect(codePointLength("")).toBe(0);
    expect(codePointLength("😀😀")).toBe(2);
  });
});
