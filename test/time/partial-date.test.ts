import { describe, expect, it } from "vitest";
import { addYears, compareDates, fallsIn, formatPartialDate, parsePartialDate } from "../../src/time/partial-date.js";

const d = (s: string) => parsePartialDate(s)!;

describe("parsePartialDate", () => {
  it("reads three precisions and an integer year", () => {
    expect(parsePartialDate("2018")).toEqual({ year: 2018, precision: "year" });
    expect(parsePartialDate("2018-10")).toEqual({ year: 2018, month: 10, precision: "month" });
    expect(parsePartialDate("2018-10-11")).toEqual({ year: 2018, month: 10, day: 11, precision: "day" });
    expect(parsePartialDate(2028)).toEqual({ year: 2028, precision: "year" });
  });
  it("refuses impossible dates, including 29 February in a common year", () => {
    for (const bad of ["2025-02-29", "2025-02-30", "2025-13", "2025-00-10", "2025-04-31", "18-10-11", "2018/10/11", "", 20.5]) {
      expect(parsePartialDate(bad), String(bad)).toBeUndefined();
    }
    expect(parsePartialDate("2024-02-29")).toBeDefined();
    expect(parsePartialDate("2000-02-29")).toBeDefined();
    expect(parsePartialDate("1900-02-29")).toBeUndefined();
  });
});

describe("compareDates", () => {
  it("compares at the coarser precision", () => {
    expect(compareDates(d("2018-10"), d("2018-10-11"))).toBe(0);
    expect(compareDates(d("2018"), d("2018-10-11"))).toBe(0);
    expect(compareDates(d("2018-09-30"), d("2018-10"))).toBe(-1);
    expect(compareDates(d("2019"), d("2018-12-31"))).toBe(1);
  });
});

describe("fallsIn", () => {
  it("knows when a coarser date cannot tell", () => {
    expect(fallsIn(d("2018-10-11"), d("2018"))).toBe(true);
    expect(fallsIn(d("2018-10"), d("2018-10"))).toBe(true);
    expect(fallsIn(d("2018"), d("2018-10"))).toBe("unknown");
    expect(fallsIn(d("2019"), d("2018-10"))).toBe(false);
  });
});

describe("addYears", () => {
  it("keeps a leap day's anniversary inside February", () => {
    expect(formatPartialDate(addYears(d("2024-02-29"), 1))).toBe("2025-02-28");
    expect(formatPartialDate(addYears(d("2024-02-29"), 4))).toBe("2028-02-29");
    expect(formatPartialDate(addYears(d("1975-07-17"), 50))).toBe("2025-07-17");
    expect(formatPartialDate(addYears(d("1975-07"), 50))).toBe("2025-07");
  });
});
