/** Precision of a date, as Wikidata counts it: year (9), month (10), day (11). */
export type DatePrecision = "year" | "month" | "day";

/** A calendar date known to a precision. Month and day are 1-based. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or an integer year). Returns undefined for
 * anything else, including impossible dates such as 2025-02-30.
 */
export function parsePartialDate(value: unknown): PartialDate | undefined {
  const text = typeof value === "number" && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== "string") return undefined;
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, precision: "year" };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month, precision: "month" };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: "day" };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Formats a partial date at its own precision. */
export function formatPartialDate(date: PartialDate): string {
  const yyyy = String(date.year).padStart(4, "0");
  if (date.precision === "year") return yyyy;
  const mm = String(date.month).padStart(2, "0");
  if (date.precision === "month") return `${yyyy}-${mm}`;
  return `${yyyy}-${mm}-${String(date.day).padStart(2, "0")}`;
}

const RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/** The coarser of two precisions. */
export function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Cuts a date down to a coarser precision (never refines it). */
export function truncate(date: PartialDate, precision: DatePrecision): PartialDate {
  const to = coarser(date.precision, precision);
  if (to === "year") return { year: date.year, precision: "year" };
  if (to === "month") return { year: date.year, month: date.month, precision: "month" };
  return date;
}

/**
 * Compares two dates at the coarser of their precisions: -1 (a earlier), 0 (the same
 * at that precision: `2018-10` and `2018-10-11` compare equal), 1 (a later).
 */
export function compareDates(a: PartialDate, b: PartialDate): -1 | 0 | 1 {
  const precision = coarser(a.precision, b.precision);
  const x = truncate(a, precision);
  const y = truncate(b, precision);
  const keyX = [x.year, x.month ?? 0, x.day ?? 0];
  const keyY = [y.year, y.month ?? 0, y.day ?? 0];
  for (let i = 0; i < 3; i++) {
    if (keyX[i]! < keyY[i]!) return -1;
    if (keyX[i]! > keyY[i]!) return 1;
  }
  return 0;
}

/** Whether `date` falls within `period` (a year or a month, or a day). */
export function fallsIn(date: PartialDate, period: PartialDate): boolean | "unknown" {
  if (RANK[date.precision] < RANK[period.precision]) {
    // "2018" cannot tell whether it falls in "2018-10".
    return compareDates(date, period) === 0 ? "unknown" : false;
  }
  return compareDates(truncate(date, period.precision), period) === 0;
}

/** Days from the epoch to the first day the partial date can mean (UTC). */
export function firstDay(date: PartialDate): number {
  return Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1) / 86_400_000;
}

/** Days from the epoch to the last day the partial date can mean (UTC). */
export function lastDay(date: PartialDate): number {
  const month = date.month ?? 12;
  const day = date.day ?? daysInMonth(date.year, month);
  return Date.UTC(date.year, month - 1, day) / 86_400_000;
}

/**
 * The date `years` after `date`. A 29 February lands on 28 February in a common year
 * (the anniversary is kept inside its month).
 */
export function addYears(date: PartialDate, years: number): PartialDate {
  const year = date.year + years;
  if (date.precision !== "day") return { ...date, year };
  const day = Math.min(date.day!, daysInMonth(year, date.month!));
  return { year, month: date.month, day, precision: "day" };
}

/** Today's date at day precision, from a clock given by the caller (never read here). */
export function fromJsDate(when: Date): PartialDate {
  return { year: when.getUTCFullYear(), month: when.getUTCMonth() + 1, day: when.getUTCDate(), precision: "day" };
}
