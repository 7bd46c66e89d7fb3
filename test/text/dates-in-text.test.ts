import { describe, expect, it } from "vitest";
import { datesMeant, findDates } from "../../src/text/dates-in-text.js";
import { formatPartialDate, parsePartialDate, type PartialDate } from "../../src/time/partial-date.js";

const day = (text: string) => parsePartialDate(text)!;

/** Every date the text can mean, read against `issued`, as YYYY[-MM[-DD]] strings. */
function meant(text: string, issued?: string): string[] {
  const at: PartialDate | undefined = issued === undefined ? undefined : day(issued);
  return findDates(text).flatMap((m) => datesMeant(m, at).map(formatPartialDate));
}

describe("findDates: written forms with a year", () => {
  it.each([
    ["31 July 2025", "2025-07-31"],
    ["July 31, 2025", "2025-07-31"],
    ["on July 31 2025 at noon", "2025-07-31"],
    ["Jan. 8, 1994", "1994-01-08"],
    ["Sept. 5, 2001", "2001-09-05"],
    ["the 31st of July 2025", "2025-07-31"],
    ["July 2025", "2025-07"],
    ["October, 2018", "2018-10"],
    ["since 2018", "2018"],
    ["31.07.2025", "2025-07-31"],
    ["28.07.25", "2025-07-28"],
    ["2025-07-31", "2025-07-31"],
    ["2025-07", "2025-07"],
    ["31 июля 2025 года", "2025-07-31"],
    ["1 августа 2025 г.", "2025-08-01"],
    ["в июле 2025", "2025-07"],
    ["июль 2025", "2025-07"],
    ["в мае 2024 года", "2024-05"],
    ["не раньше, чем 2030 год", "2030"],
  ])("%s means %s", (text, date) => {
    expect(meant(text)).toEqual([date]);
  });

  it("reads both ends of a span of days", () => {
    expect(meant("15-17 July 1975")).toEqual(["1975-07-15", "1975-07-17"]);
    expect(meant("July 15–17, 1975")).toEqual(["1975-07-15", "1975-07-17"]);
    expect(meant("from Jan. 8, 1994, to March 22, 1995")).toEqual(["1994-01-08", "1995-03-22"]);
  });

  it("keeps the text and offsets of each mention", () => {
    const [mention] = findDates("met on 31 July 2025 in Florida");
    expect(mention).toMatchObject({ text: "31 July 2025", start: 7, end: 19, year: 2025, month: 7, day: 31 });
  });
});

describe("findDates: what is not a date", () => {
  it.each([
    ["Cooperation may well continue", []],
    ["a march on Washington", []],
    ["Mar alone", []],
    ["$2025 in cash", []],
    ["2,025 people", []],
    ["2000 million", []],
    ["31.02.2025", []],
    ["2025-13-01", ["2025"]],
    ["at 16:19 UTC", []],
    ["ISS-2 and MS-21", []],
  ])("%s", (text, dates) => {
    expect(meant(text)).toEqual(dates);
  });
});

describe("datesMeant: dates without a year are read against the text's own date", () => {
  it("takes the nearest such date to the issued date", () => {
    expect(meant("ahead of their planned July 31 launch", "2025-07-29")).toEqual(["2025-07-31"]);
    expect(meant("on December 31, an official notification", "2022-01-13")).toEqual(["2021-12-31"]);
    expect(meant("NASA said Jan. 4 it", "2019-01-04")).toEqual(["2019-01-04"]);
    expect(meant("the head of Roscosmos since February", "2025-07-29")).toEqual(["2025-02"]);
    expect(meant("31 июля", "2025-08-01")).toEqual(["2025-07-31"]);
  });

  it("breaks a tie towards the past", () => {
    expect(meant("since May", "2025-11")).toEqual(["2025-05"]);
  });

  it("uses the issued year when only the year is known", () => {
    expect(meant("on 17 July", "2025")).toEqual(["2025-07-17"]);
  });

  it("reads last, next and this", () => {
    expect(meant("approved engagement last June", "2019-01-05")).toEqual(["2018-06"]);
    expect(meant("next March", "2025-03-10")).toEqual(["2026-03"]);
    expect(meant("as soon as early next year", "2025-07")).toEqual(["2026"]);
    expect(meant("в прошлом году", "2025-08-01")).toEqual(["2024"]);
    expect(meant("this year", "2025")).toEqual(["2025"]);
  });

  it("reads a weekday as the latest such day on or before the issued date", () => {
    expect(meant("met on Thursday", "2025-08-01")).toEqual(["2025-07-31"]);
    expect(meant("On Thursday, Bakanov met Duffy", "2025-07-31")).toEqual(["2025-07-31"]);
    expect(meant("he announced Tuesday evening", "2025-11-04")).toEqual(["2025-11-04"]);
    expect(meant("в четверг", "2025-08-03")).toEqual(["2025-07-31"]);
    expect(meant("в среду", "2025-07-10")).toEqual(["2025-07-09"]);
  });

  it("reads today, yesterday and tomorrow", () => {
    expect(meant("today's (July 31) launch attempt", "2025-07-31")).toEqual(["2025-07-31", "2025-07-31"]);
    expect(meant("вчера", "2025-03-01")).toEqual(["2025-02-28"]);
    expect(meant("tomorrow", "2024-12-31")).toEqual(["2025-01-01"]);
  });

  it("gives nothing for a yearless date when the text's date is unknown or too coarse", () => {
    expect(meant("July 31")).toEqual([]);
    expect(meant("on Thursday", "2025-07")).toEqual([]);
  });
});
