/**
 * Finds the dates a text states, in the forms English and Russian news use: "31 July 2025",
 * "July 31, 2025", "Jan. 8, 1994", "July 31", "31 July", "July 2025", "2025", "31.07.2025",
 * "2025-07-31", "31 июля 2025 года", "31 июля", "в июле 2025", "июль 2025", "on Thursday",
 * "в четверг", "last June", "next year", "в прошлом году", "today". Russian month and weekday
 * names are read in the cases that occur (nominative, genitive, prepositional, accusative).
 *
 * A mention keeps what the text says and no more: "July 31" has no year. `datesMeant` turns
 * a mention into the dates it can mean, given the date of the text it stands in (its
 * source's `issued`); the rules for that are in docs/rules/fact-grounded.md.
 *
 * Scanning only, over `tokenise`'s tokens: linear in the text, no regular expression.
 */
import type { PartialDate } from "../time/partial-date.js";
import { daysInMonth, firstDay } from "../time/partial-date.js";
import { normaliseRemembered } from "./normalize.js";
import { fold, tokenise, type Token } from "./tokens.js";

export type DateRelation = "last" | "next" | "this" | "today" | "yesterday" | "tomorrow";

export interface DateMention {
  year?: number;
  /** 1-based. */
  month?: number;
  /** 1-based day of the month. */
  day?: number;
  /** ISO weekday, 1 (Monday) to 7 (Sunday), for "on Thursday" / "в четверг". */
  weekday?: number;
  /** A word placing the date against the text's own date: "last June", "next year", "вчера". */
  relation?: DateRelation;
  /** The mention as written (normalised). */
  text: string;
  /** UTF-16 offsets in the text after the quote normalisation. */
  start: number;
  end: number;
}

interface MonthName {
  month: number;
  /** An English full name, which counts on its own only when capitalised ("May", not "may"). */
  english: boolean;
  /** A short form ("Jan", "сент"), which counts only before a "." or a number. */
  short: boolean;
}

const MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTHS_EN_SHORT: Array<[string, number]> = [
  ["jan", 1], ["feb", 2], ["mar", 3], ["apr", 4], ["jun", 6], ["jul", 7], ["aug", 8], ["sep", 9], ["sept", 9], ["oct", 10], ["nov", 11], ["dec", 12],
];
/** Nominative, genitive ("31 июля"), prepositional ("в июле"). */
const MONTHS_RU: string[][] = [
  ["январь", "января", "январе"], ["февраль", "февраля", "феврале"], ["март", "марта", "марте"],
  ["апрель", "апреля", "апреле"], ["май", "мая", "мае"], ["июнь", "июня", "июне"],
  ["июль", "июля", "июле"], ["август", "августа", "августе"], ["сентябрь", "сентября", "сентябре"],
  ["октябрь", "октября", "октябре"], ["ноябрь", "ноября", "ноябре"], ["декабрь", "декабря", "декабре"],
];
const MONTHS_RU_SHORT: Array<[string, number]> = [
  ["янв", 1], ["фев", 2], ["февр", 2], ["мар", 3], ["апр", 4], ["июн", 6], ["июл", 7], ["авг", 8], ["сен", 9], ["сент", 9], ["окт", 10], ["ноя", 11], ["нояб", 11], ["дек", 12],
];

const MONTH_NAMES = new Map<string, MonthName>();
MONTHS_EN.forEach((name, i) => MONTH_NAMES.set(name, { month: i + 1, english: true, short: false }));
for (const [name, month] of MONTHS_EN_SHORT) MONTH_NAMES.set(name, { month, english: false, short: true });
MONTHS_RU.forEach((forms, i) => forms.forEach((form) => MONTH_NAMES.set(fold(form), { month: i + 1, english: false, short: false })));
for (const [name, month] of MONTHS_RU_SHORT) if (!MONTH_NAMES.has(fold(name))) MONTH_NAMES.set(fold(name), { month, english: false, short: true });

const WEEKDAYS = new Map<string, number>();
["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].forEach((d, i) => WEEKDAYS.set(d, i + 1));
[
  ["понедельник", "понедельника"], ["вторник", "вторника"], ["среда", "среду", "среды"], ["четверг", "четверга"],
  ["пятница", "пятницу", "пятницы"], ["суббота", "субботу", "субботы"], ["воскресенье", "воскресенья"],
].forEach((forms, i) => forms.forEach((form) => WEEKDAYS.set(fold(form), i + 1)));

const RELATIONS = new Map<string, DateRelation>(
  [
    ["last", "last"], ["previous", "last"], ["next", "next"], ["coming", "next"], ["this", "this"],
    ["прошлом", "last"], ["прошлого", "last"], ["прошлый", "last"], ["прошлому", "last"],
    ["следующем", "next"], ["следующего", "next"], ["следующий", "next"], ["будущем", "next"], ["будущего", "next"],
    ["этом", "this"], ["этого", "this"], ["текущем", "this"], ["текущего", "this"], ["нынешнем", "this"],
  ].map(([w, r]) => [fold(w!), r as DateRelation]),
);
const YEAR_WORDS = new Set(["year", "год", "году", "года"].map(fold));
const DAY_WORDS = new Map<string, DateRelation>(
  [["today", "today"], ["yesterday", "yesterday"], ["tomorrow", "tomorrow"], ["сегодня", "today"], ["вчера", "yesterday"], ["завтра", "tomorrow"]].map(
    ([w, r]) => [fold(w!), r as DateRelation],
  ),
);
const ORDINAL_SUFFIXES = new Set(["st", "nd", "rd", "th", "го", "е"].map(fold));
const SCALE_AFTER_YEAR = new Set(["thousand", "million", "billion", "тыс", "тысяч", "млн", "млрд"].map(fold));
const CURRENCY_BEFORE = new Set(["$", "€", "£", "₽"]);

/** The lowest and highest year read from four digits alone. */
const YEAR_MIN = 1000;
const YEAR_MAX = 2999;

function isDigits(t: Token | undefined, lengths: number[], glued: boolean): boolean {
  return t !== undefined && t.kind === "digits" && lengths.includes(t.text.length) && (!glued || !t.spaced);
}

function isMark(t: Token | undefined, marks: string, glued: boolean): boolean {
  return t !== undefined && t.kind === "mark" && marks.includes(t.text) && (!glued || !t.spaced);
}

function monthAt(tokens: Token[], i: number): MonthName | undefined {
  const t = tokens[i];
  if (t?.kind !== "word") return undefined;
  return MONTH_NAMES.get(t.folded);
}

function validDay(day: number): boolean {
  return day >= 1 && day <= 31;
}

/** Skips an ordinal ending glued to a day ("31st", "1-го") and "of" ("the 31st of July"). */
function afterDay(tokens: Token[], i: number): number {
  let k = i;
  if (tokens[k]?.kind === "word" && !tokens[k]!.spaced && ORDINAL_SUFFIXES.has(tokens[k]!.folded)) k += 1;
  else if (isMark(tokens[k], "-", true) && tokens[k + 1]?.kind === "word" && !tokens[k + 1]!.spaced && ORDINAL_SUFFIXES.has(tokens[k + 1]!.folded)) k += 2;
  if (tokens[k]?.kind === "word" && tokens[k]!.folded === "of") k += 1;
  return k;
}

/** A year right at `k` (after an optional comma): returns it and the index after it, skipping "года"/"г.". */
function yearAt(tokens: Token[], k: number): { year: number; next: number } | undefined {
  let j = k;
  if (isMark(tokens[j], ",", true)) j += 1;
  const t = tokens[j];
  if (!t || !isDigits(t, [4], false)) return undefined;
  const year = Number(t.text);
  if (year < YEAR_MIN || year > YEAR_MAX) return undefined;
  j += 1;
  if (tokens[j]?.kind === "word" && (YEAR_WORDS.has(tokens[j]!.folded) || tokens[j]!.folded === "г")) {
    j += 1;
    if (isMark(tokens[j], ".", true)) j += 1;
  }
  return { year, next: j };
}

function twoDigitYear(text: string): number {
  const yy = Number(text);
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

interface Found {
  mentions: Array<Omit<DateMention, "text" | "start" | "end">>;
  next: number;
}

/** Tries every form at token `i`; the longest reading wins by being tried first. */
function readAt(tokens: Token[], i: number): Found | undefined {
  const t = tokens[i]!;
  // 2025-07-31, 2025-07
  if (isDigits(t, [4], false) && isMark(tokens[i + 1], "-", true) && isDigits(tokens[i + 2], [2], true)) {
    const year = Number(t.text);
    const month = Number(tokens[i + 2]!.text);
    if (month >= 1 && month <= 12 && year >= YEAR_MIN && year <= YEAR_MAX) {
      if (isMark(tokens[i + 3], "-", true) && isDigits(tokens[i + 4], [2], true)) {
        const day = Number(tokens[i + 4]!.text);
        if (day >= 1 && day <= daysInMonth(year, month)) return { mentions: [{ year, month, day }], next: i + 5 };
      } else {
        return { mentions: [{ year, month }], next: i + 3 };
      }
    }
  }
  // 31.07.2025, 28.07.25
  if (isDigits(t, [1, 2], false) && isMark(tokens[i + 1], ".", true) && isDigits(tokens[i + 2], [1, 2], true) && isMark(tokens[i + 3], ".", true) && isDigits(tokens[i + 4], [2, 4], true)) {
    const day = Number(t.text);
    const month = Number(tokens[i + 2]!.text);
    const yearText = tokens[i + 4]!.text;
    const year = yearText.length === 4 ? Number(yearText) : twoDigitYear(yearText);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { mentions: [{ year, month, day }], next: i + 5 };
    return { mentions: [], next: i + 5 };
  }
  // 31 July 2025, 31 July, 31st of July, 15-17 July 1975, 31 июля 2025 года
  if (isDigits(t, [1, 2], false) && validDay(Number(t.text))) {
    let days = [Number(t.text)];
    let k = afterDay(tokens, i + 1);
    if (isMark(tokens[k], "-", false) && isDigits(tokens[k + 1], [1, 2], false) && validDay(Number(tokens[k + 1]!.text))) {
      days = [days[0]!, Number(tokens[k + 1]!.text)];
      k = afterDay(tokens, k + 2);
    }
    const name = monthAt(tokens, k);
    if (name && !(name.short && !isMark(tokens[k + 1], ".", true) && !isDigits(tokens[k + 1], [4], false))) {
      let next = k + 1;
      if (name.short && isMark(tokens[next], ".", true)) next += 1;
      const year = yearAt(tokens, next);
      const found = days.map((day) => ({ year: year?.year, month: name.month, day }));
      return { mentions: found.filter((m) => m.year === undefined || m.day <= daysInMonth(m.year, m.month)).map(dropUndefined), next: year?.next ?? next };
    }
  }
  // July 31, 2025 · Jan. 8, 1994 · July 31 · July 15-17, 1975 · July 2025 · July, 2025 · в июле 2025 · July
  const name = monthAt(tokens, i);
  if (name) {
    let k = i + 1;
    if (isMark(tokens[k], ".", true)) k += 1;
    if (isDigits(tokens[k], [1, 2], false) && validDay(Number(tokens[k]!.text))) {
      let days = [Number(tokens[k]!.text)];
      let next = afterDay(tokens, k + 1);
      if (tokens[next]?.kind === "word" && tokens[next]!.folded === "of") next -= 1; // "of" belongs to what follows
      if (isMark(tokens[next], "-", false) && isDigits(tokens[next + 1], [1, 2], false) && validDay(Number(tokens[next + 1]!.text))) {
        days = [days[0]!, Number(tokens[next + 1]!.text)];
        next = afterDay(tokens, next + 2);
      }
      const year = yearAt(tokens, next);
      return { mentions: days.map((day) => dropUndefined({ year: year?.year, month: name.month, day })), next: year?.next ?? next };
    }
    const year = yearAt(tokens, k);
    if (year) return { mentions: [{ year: year.year, month: name.month }], next: year.next };
    // A month on its own: not a short form, and an English name only when capitalised.
    if (name.short) return undefined;
    if (name.english && !/^[A-Z]/.test(t.text)) return undefined;
    return { mentions: [{ month: name.month }], next: i + 1 };
  }
  // 2025, 2030 год, в 2025 г.
  if (isDigits(t, [4], false)) {
    const year = Number(t.text);
    const prev = tokens[i - 1];
    const gluedToNumber = prev !== undefined && !t.spaced && (prev.kind === "digits" || isMark(prev, ",.", false));
    const money = prev !== undefined && prev.kind === "mark" && CURRENCY_BEFORE.has(prev.text);
    const scaled = tokens[i + 1]?.kind === "word" && SCALE_AFTER_YEAR.has(tokens[i + 1]!.folded);
    const grouped = isMark(tokens[i + 1], ",", true) && isDigits(tokens[i + 2], [3], true);
    if (year >= YEAR_MIN && year <= YEAR_MAX && !gluedToNumber && !money && !scaled && !grouped) {
      const at = yearAt(tokens, i)!;
      return { mentions: [{ year }], next: at.next };
    }
    return undefined;
  }
  if (t.kind !== "word") return undefined;
  const weekday = WEEKDAYS.get(t.folded);
  if (weekday !== undefined) return { mentions: [{ weekday }], next: i + 1 };
  const day = DAY_WORDS.get(t.folded);
  if (day !== undefined) return { mentions: [{ relation: day }], next: i + 1 };
  return undefined;
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

/** Every date the text states, in order. Offsets are in the text after the quote normalisation. */
export function findDates(text: string): DateMention[] {
  const normalised = normaliseRemembered(text);
  return datesInTokens(tokenise(normalised), normalised);
}

/** `findDates` over tokens already made from `normalised`. */
export function datesInTokens(tokens: Token[], normalised: string): DateMention[] {
  const out: DateMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // "last June", "next year", "в прошлом году": a relation word, then a month or "year".
    const relation = t.kind === "word" ? RELATIONS.get(t.folded) : undefined;
    if (relation !== undefined && tokens[i + 1]?.kind === "word") {
      const after = tokens[i + 1]!;
      if (YEAR_WORDS.has(after.folded)) {
        out.push({ relation, text: normalised.slice(t.start, after.end), start: t.start, end: after.end });
        i += 2;
        continue;
      }
      const name = MONTH_NAMES.get(after.folded);
      if (name && !name.short && !isDigits(tokens[i + 2], [1, 2, 4], false)) {
        out.push({ month: name.month, relation, text: normalised.slice(t.start, after.end), start: t.start, end: after.end });
        i += 2;
        continue;
      }
    }
    const found = readAt(tokens, i);
    if (!found) {
      i += 1;
      continue;
    }
    const start = t.start;
    const end = tokens[found.next - 1]!.end;
    for (const m of found.mentions) out.push({ ...m, text: normalised.slice(start, end), start, end });
    i = Math.max(found.next, i + 1);
  }
  return out;
}

const DAY_MS = 86_400_000;

function dayToDate(epochDay: number): PartialDate {
  const d = new Date(epochDay * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), precision: "day" };
}

function monthDate(year: number, month: number, day: number | undefined): PartialDate | undefined {
  if (day === undefined) return { year, month, precision: "month" };
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: "day" };
}

/**
 * The dates a mention can mean in a text dated `issued` (its source's date), best first:
 * - with a year, the date as written;
 * - a month (and day) without a year: the nearest such date to `issued` (a tie goes to the
 *   earlier); after "last"/"прошлом", the latest one before `issued`'s month; after "next",
 *   the first one after it; with only a year known for `issued`, that year;
 * - a weekday: the latest such day on or before `issued` (within the six days before it);
 * - "today", "yesterday", "tomorrow"; "this/last/next year".
 * Without `issued` (or with `issued` too coarse for the question), only mentions that carry
 * their year mean anything.
 */
export function datesMeant(mention: DateMention, issued: PartialDate | undefined): PartialDate[] {
  const { year, month, day, weekday, relation } = mention;
  if (year !== undefined) {
    if (month === undefined) return [{ year, precision: "year" }];
    const date = monthDate(year, month, day);
    return date ? [date] : [];
  }
  if (!issued) return [];
  if (month !== undefined) {
    if (issued.precision === "year") {
      const date = monthDate(issued.year, month, day);
      return date ? [date] : [];
    }
    const issuedMonth = issued.year * 12 + (issued.month! - 1);
    const candidates: PartialDate[] = [];
    for (const y of [issued.year - 1, issued.year, issued.year + 1]) {
      const date = monthDate(y, month, day);
      if (!date) continue;
      const at = y * 12 + (month - 1);
      if (relation === "last" && at >= issuedMonth) continue;
      if (relation === "next" && at <= issuedMonth) continue;
      if (relation === "this" && y !== issued.year) continue;
      candidates.push(date);
    }
    if (candidates.length === 0) return [];
    if (relation === "last") return [candidates[candidates.length - 1]!];
    if (relation === "next" || relation === "this") return [candidates[0]!];
    // Nearest by days where both sides give a day, else by months; a tie goes to the earlier.
    const byDay = day !== undefined && issued.precision === "day";
    const distance = (c: PartialDate) =>
      byDay ? Math.abs(firstDay(c) - firstDay(issued)) : Math.abs(c.year * 12 + (c.month! - 1) - issuedMonth);
    let best = candidates[0]!;
    for (const c of candidates) if (distance(c) < distance(best)) best = c;
    return [best];
  }
  if (relation === "last" || relation === "next" || relation === "this") {
    // "last year" / "next year" / "this year" (a relation on a month was handled above).
    return [{ year: issued.year + (relation === "last" ? -1 : relation === "next" ? 1 : 0), precision: "year" }];
  }
  if (issued.precision !== "day") return [];
  const today = firstDay(issued);
  if (relation === "today") return [issued];
  if (relation === "yesterday") return [dayToDate(today - 1)];
  if (relation === "tomorrow") return [dayToDate(today + 1)];
  if (weekday !== undefined) {
    // 1970-01-01 was a Thursday (ISO weekday 4).
    const isoWeekday = (((today + 3) % 7) + 7) % 7 + 1;
    const back = (isoWeekday - weekday + 7) % 7;
    return [dayToDate(today - back)];
  }
  return [];
}
