import { describe, expect, it } from "vitest";
import { convert, dimensionOf, knownUnit } from "../../src/assert/units.js";

describe("units through js-quantities", () => {
  it("converts between units of one dimension", () => {
    expect(convert(419725, "kg", "t")).toBeCloseTo(419.725, 9);
    expect(convert(2, "week", "d")).toBe(14);
    expect(convert(1, "year", "month")).toBeCloseTo(12, 9);
    expect(convert(36, "km/h", "m/s")).toBeCloseTo(10, 9);
    expect(convert(1, "mi", "km")).toBeCloseTo(1.609344, 9);
  });

  it("refuses to convert across dimensions, and never converts money", () => {
    expect(convert(1, "kg", "m")).toBeUndefined();
    expect(convert(1, "USD", "EUR")).toBeUndefined();
    expect(convert(5, "USD", "USD")).toBe(5);
  });

  it("names the dimension of a unit", () => {
    expect([dimensionOf("kg"), dimensionOf("Mt"), dimensionOf("km/h"), dimensionOf("USD"), dimensionOf("month"), dimensionOf("m^2"), dimensionOf("d")]).toEqual([
      "mass", "mass", "speed", "money", "duration", "area", "duration",
    ]);
  });

  it("recognises units token by token before the library reads them", () => {
    expect(knownUnit("kg")).toBe(true);
    expect(knownUnit("kgg")).toBe(false);
    expect(knownUnit("kg; rm -rf")).toBe(false);
    expect(knownUnit("m".repeat(19) + "x")).toBe(false);
    expect(knownUnit("m".repeat(5000))).toBe(false);
  });
});
