import { describe, expect, it } from "vitest";
import { findNumbers } from "../../src/text/numbers-in-text.js";

const values = (text: string, decimalComma = false) => findNumbers(text, { decimalComma }).map((n) => n.value);

describe("findNumbers: figures as written", () => {
  it.each([
    ["419,725 kg", [419725]],
    ["419 725", [419725]],
    ["419\u00a0725", [419725]],
    ["420\u2009000", [420000]],
    ["420\u202f000", [420000]],
    ["1.5", [1.5]],
    ["1,5", [1.5]],
    ["1,234,567", [1234567]],
    ["-5 degrees", [-5]],
    ["in 2018 100 people", [2018, 100]],
    ["2028, 2030", [2028, 2030]],
    ["Crew-11 and MS-21", [11, 21]],
    ["five of Starliner's 28 thrusters", [5, 28]],
    ["three", [3]],
    ["twenty-five", [25]],
    ["twenty five", [25]],
    ["eleven", [11]],
    ["семь лет", [7]],
    ["восьми лет", [8]],
    ["двадцать пять", [25]],
    ["трёх космонавтов", [3]],
  ])("%s", (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it("reads a comma before three digits as a decimal comma when told to", () => {
    expect(values("1,500", true)).toEqual([1.5]);
    expect(values("1,500")).toEqual([1500]);
  });

  it("skips dotted and ISO dates and clock times", () => {
    expect(values("31.07.2025")).toEqual([]);
    expect(values("2025-07-31")).toEqual([]);
    expect(values("at 11:43 a.m.")).toEqual([]);
  });

  it("marks ordinals", () => {
    expect(findNumbers("the 50th anniversary")[0]).toMatchObject({ value: 50, ordinal: true });
    expect(findNumbers("50-й")[0]).toMatchObject({ value: 50, ordinal: true });
  });
});

describe("findNumbers: the words around a number", () => {
  it("applies scale words and keeps the figure", () => {
    expect(findNumbers("$843 million")[0]).toMatchObject({ value: 843e6, figure: 843, scale: { word: "million", factor: 1e6 }, currency: "$" });
    expect(findNumbers("843 million dollars")[0]).toMatchObject({ value: 843e6, currency: "dollars" });
    expect(findNumbers("3 млрд рублей")[0]).toMatchObject({ value: 3e9, scale: { word: "млрд" }, currency: "рублей" });
    expect(findNumbers("около 420 тыс. т")[0]).toMatchObject({ value: 420e3, unit: "т", bound: { words: "около", kind: "about" } });
    expect(findNumbers("three million")[0]).toMatchObject({ value: 3e6, inWords: true });
  });

  it.each([
    ["more than 290 people", "more than", "over", "people"],
    ["about 420 t", "about", "about", "t"],
    ["up to 7 tonnes", "up to", "at-most", "tonnes"],
    ["over seven years", "over", "over", "years"],
    ["nearly 300 days", "nearly", "nearly", "days"],
    ["at least 2028", "at least", "at-least", "UNSET"],
    ["fewer than 250", "fewer than", "under", "UNSET"],
    ["более 290 человек", "более", "over", "человек"],
    ["свыше 290", "свыше", "over", "UNSET"],
    ["не менее 3 млрд", "не менее", "at-least", "UNSET"],
  ])("%s", (text, words, kind, unit) => {
    const [n] = findNumbers(text);
    expect(n!.bound).toEqual({ words, kind });
    expect(n!.unit ?? "UNSET").toBe(unit);
  });

  it("reads ranges onto their first number", () => {
    expect(findNumbers("between 5 and 6")[0]).toMatchObject({ value: 5, rangeTo: 6, bound: { kind: "between" } });
    expect(findNumbers("от 5 до 6")[0]).toMatchObject({ value: 5, rangeTo: 6, bound: { kind: "between" } });
    expect(findNumbers("5-6 years")[0]).toMatchObject({ value: 5, rangeTo: 6 });
    expect(findNumbers("from 2028")[0]!.bound).toBeUndefined();
  });

  it("gives a percentage sign as the unit and never a function word", () => {
    expect(findNumbers("12 %")[0]!.unit).toBe("%");
    expect(findNumbers("5 and 6")[0]!.unit).toBeUndefined();
  });

  it("gives offsets that cover the bound, the figure and the scale", () => {
    const text = "costs more than $843 million now";
    const [n] = findNumbers(text);
    expect(text.slice(n!.start, n!.end)).toBe("more than $843 million");
  });
});
