import { describe, expect, it } from "vitest";
import { findName } from "../../src/text/entities-in-text.js";
import { fold, tokenise } from "../../src/text/tokens.js";

describe("findName", () => {
  it("finds whole words, in any case, with any punctuation between them", () => {
    expect(findName("NASA’s acting administrator Sean Duffy met", "Sean Duffy")).toBe(true);
    expect(findName("the INTERNATIONAL space station", "International Space Station")).toBe(true);
    expect(findName("members of NASA’s Crew-11 mission", "Crew 11")).toBe(true);
    expect(findName("the Soyuz–Apollo docking", "Soyuz-Apollo")).toBe(true);
    expect(findName("Vance D. Brand", "Vance D. Brand")).toBe(true);
  });

  it("never matches part of a word", () => {
    expect(findName("the Issue", "ISS")).toBe(false);
    expect(findName("Duffy's", "Duff")).toBe(false);
    expect(findName("Sean and Duffy", "Sean Duffy")).toBe(false);
  });

  it("ignores accents", () => {
    expect(findName("Roscosmos’ Dmitri Bakánov", "Dmitri Bakanov")).toBe(true);
    expect(findName("Крикалёв", "Крикалев")).toBe(true);
  });

  it("finds Russian names in the cases they decline to", () => {
    expect(findName("поездка гендиректора Роскосмоса Дмитрия Баканова", "Баканов")).toBe(true);
    expect(findName("поездка гендиректора Роскосмоса Дмитрия Баканова", "Роскосмос")).toBe(true);
    expect(findName("поездка гендиректора Роскосмоса Дмитрия Баканова", "Дмитрий Баканов")).toBe(true);
    expect(findName("о беседах с Маском", "Маск")).toBe(true);
    expect(findName("сказал Борисов", "Борисов")).toBe(true);
    expect(findName("на МКС", "МКС")).toBe(true);
  });

  it("does not stretch Latin names or short Russian words", () => {
    expect(findName("Bakanova", "Bakanov")).toBe(false);
    expect(findName("мама", "мам")).toBe(false);
  });

  it("finds nothing for an empty name", () => {
    expect(findName("anything", "  ")).toBe(false);
  });
});

describe("tokenise and fold", () => {
  it("splits words, digits and marks and records spacing", () => {
    const tokens = tokenise("Crew-11, 419 725");
    expect(tokens.map((t) => [t.kind, t.text, t.spaced])).toEqual([
      ["word", "Crew", false],
      ["mark", "-", false],
      ["digits", "11", false],
      ["mark", ",", false],
      ["digits", "419", true],
      ["digits", "725", true],
    ]);
  });

  it("folds case and diacritics the same way on every side", () => {
    expect(fold("Ёлка")).toBe("елка");
    expect(fold("Café")).toBe("cafe");
    expect(fold("Й")).toBe("и");
  });
});
