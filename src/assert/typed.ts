import type { Literal, PropertyRecord } from "../project/types.js";
import { firstDay, formatPartialDate, lastDay, parsePartialDate } from "../time/partial-date.js";
import { isQuantityRecord, point, readQuantity, relate, showQuantity, within, intersect, overlaps, scale, type Quantity, type Relation } from "./quantity.js";
import type { Truth } from "./truth.js";
import { convert, dimensionOf, isCurrency, knownUnit } from "./units.js";
import { orderValues, showValue } from "./values.js";

/**
 * A value read as its property's declared type says (docs/data-model.md, "Typed values"):
 * an interval of amounts, an interval of days, a list, or a plain literal compared as
 * before types were declared.
 */
export type Typed =
  | { kind: "quantity"; q: Quantity }
  /** A date as the days it can mean: `2018-10` is 1–31 October 2018. `q` counts days since 1970-01-01. */
  | { kind: "date"; q: Quantity; text: string }
  | { kind: "list"; items: Literal[] }
  | { kind: "plain"; value: Literal };

export type Read = { typed: Typed } | { problem: string };

/** A `value`'s problem in words, for a value that does not match its property's type. */
function expected(property: PropertyRecord): string {
  switch (property.type) {
    case "year":
      return 'a year (2028, or "2028")';
    case "date":
      return 'a date ("2025-07-31", "2025-07" or "2025")';
    case "number":
      return "a number (290, or a quantity such as { more-than: 290 })";
    case "quantity":
      return `a quantity such as { amount: 420, unit: ${exampleUnit(property)} }`;
    case "string":
      return "text";
    case "boolean":
      return "true or false";
    case "entity":
      return "an entity id";
  }
}

function exampleUnit(property: PropertyRecord): string {
  if (property.unit) return property.unit;
  const examples: Record<string, string> = { mass: "t", length: "km", area: "km^2", volume: "L", duration: "d", speed: "km/h", money: "USD", energy: "kWh", power: "W", force: "N", pressure: "Pa" };
  return examples[property.dimension ?? "mass"] ?? "kg";
}

function found(value: unknown): string {
  if (typeof value === "string") return /^-?\d+(\.\d+)?$/.test(value.trim()) ? `the quoted number "${value}" (write it without quotes)` : `"${value}"`;
  if (Array.isArray(value)) return "a list";
  if (isQuantityRecord(value)) return "a quantity";
  return String(value);
}

function mismatch(value: unknown, property: PropertyRecord): { problem: string } {
  return { problem: `expected ${expected(property)}, found ${found(value)}` };
}

const ENTITY_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Days a partial date can mean, as an interval. */
export function dateInterval(text: string | number): Typed | undefined {
  const date = parsePartialDate(text);
  if (!date) return undefined;
  return { kind: "date", q: { low: firstDay(date), high: lastDay(date), lowOpen: false, highOpen: false }, text: formatPartialDate(date) };
}

/**
 * Reads a fact's value (or an element of a list value) as its property declares it.
 * `year` is the year an amount of money is counted in when the value does not say.
 */
export function readValue(value: unknown, property: PropertyRecord | undefined, options: { year?: number; listed?: boolean } = {}): Read {
  if (Array.isArray(value)) {
    if (options.listed) return { problem: "a list inside a list" };
    if (property && !property.multiple) return { problem: `a list of values, but property is not declared multiple: true` };
    for (const item of value) {
      const read = readValue(item, property, { ...options, listed: true });
      if ("problem" in read) return read;
    }
    return { typed: { kind: "list", items: value as Literal[] } };
  }
  if (!property) return readUntyped(value, options.year);
  switch (property.type) {
    case "year":
    case "date": {
      if (isQuantityRecord(value) || typeof value === "boolean") return mismatch(value, property);
      const date = dateInterval(value as string | number);
      return date ? { typed: date } : mismatch(value, property);
    }
    case "number":
    case "quantity":
      return readAmount(value, property, options.year);
    case "string":
      return typeof value === "string" ? { typed: { kind: "plain", value } } : mismatch(value, property);
    case "boolean":
      return typeof value === "boolean" ? { typed: { kind: "plain", value } } : mismatch(value, property);
    case "entity":
      return typeof value === "string" && ENTITY_ID.test(value) ? { typed: { kind: "plain", value } } : mismatch(value, property);
  }
}

/** A value of a property the registry does not declare: quantities are still quantities; the rest compares as before. */
function readUntyped(value: unknown, year: number | undefined): Read {
  if (isQuantityRecord(value)) return readAmount(value, undefined, year);
  return { typed: { kind: "plain", value: value as Literal } };
}

function readAmount(value: unknown, property: PropertyRecord | undefined, year: number | undefined): Read {
  if (typeof value !== "number" && !isQuantityRecord(value)) return property ? mismatch(value, property) : { problem: "not an amount" };
  const read = readQuantity(value, property?.unit);
  if ("problem" in read) return read;
  const q = read.quantity;
  const dimension = property?.type === "number" ? "count" : property?.dimension;
  if (q.unit !== undefined) {
    if (dimension === "count") return { problem: `a count has no unit (found "${q.unit}")` };
    if (!knownUnit(q.unit)) return { problem: `unknown unit "${q.unit}" (units are written as js-quantities names them: kg, t, km, d, h, m/s, USD …)` };
    const measured = dimensionOf(q.unit);
    if (dimension !== undefined && measured !== dimension) return { problem: `"${q.unit}" measures ${measured ?? "something else"}, but the property is a ${dimension}` };
    if (isCurrency(q.unit) && q.year === undefined && year !== undefined) q.year = year;
  } else if (dimension !== undefined && dimension !== "count") {
    return { problem: `an amount of ${dimension} needs a unit: { amount: ${q.amount ?? q.low}, unit: ${exampleUnit(property!)} }` };
  }
  if (q.year !== undefined && (q.unit === undefined || !isCurrency(q.unit))) return { problem: "year belongs with an amount of money (a currency unit such as USD)" };
  return { typed: { kind: "quantity", q } };
}

/**
 * Reads an assertion's literal against the property it is compared with. A literal is a
 * plain value or an amount (`{ amount: 420, unit: t }`); amounts of money without a year
 * are in the claim's as-of year.
 */
export function readLiteral(literal: unknown, property: PropertyRecord | undefined, asOfYear: number | undefined): Read {
  if (isQuantityRecord(literal)) {
    const extra = Object.keys(literal).filter((k) => k !== "amount" && k !== "unit" && k !== "year");
    if (extra.length > 0 || literal.amount === undefined) {
      return { problem: `a literal amount is { amount: 420, unit: t }; bounds and "about" are comparisons (gt, lte, about with tolerance), not literals` };
    }
  }
  if (Array.isArray(literal)) return { problem: "a list is not a literal here" };
  if (property && (property.type === "number" || property.type === "quantity") && typeof literal === "string") return mismatch(literal, property);
  return readValue(literal, property, { year: asOfYear });
}

/** Brings two quantities to one unit; why not, when they cannot be compared. */
export function align(a: Quantity, b: Quantity, options: { anyYear?: boolean } = {}): { a: Quantity; b: Quantity } | { why: string } {
  if (a.unit === b.unit || a.unit === undefined || b.unit === undefined) {
    if ((a.unit === undefined) !== (b.unit === undefined)) return { why: `${showQuantity(a)} and ${showQuantity(b)}: one has a unit and the other none` };
    if (a.unit && isCurrency(a.unit) && !options.anyYear && a.year !== b.year) {
      return { why: `${a.unit} of ${a.year ?? "an unknown year"} and of ${b.year ?? "an unknown year"} are not compared (currency-year: any compares them as written)` };
    }
    return { a, b };
  }
  if (isCurrency(a.unit) || isCurrency(b.unit)) return { why: `${a.unit} and ${b.unit} are not converted into each other` };
  const factor = convert(1, b.unit, a.unit);
  if (factor === undefined) return { why: `${b.unit} cannot be converted to ${a.unit}` };
  return { a, b: scale(b, factor, a.unit) };
}

export interface Outcome {
  truth: Truth;
  /** Why the comparison could not be made at all (units, types); undefined when it was made. */
  why?: string;
}

export type Op = "equals" | "not-equals" | "lt" | "lte" | "gt" | "gte";

const RELATION: Record<Op, Relation> = { equals: "eq", "not-equals": "ne", lt: "lt", lte: "lte", gt: "gt", gte: "gte" };

/**
 * Compares a fact's value with a claim's literal. Quantities compare as intervals; a date
 * literal stands for its whole period ("2026" in `gte: "2026"` means from 1 January 2026,
 * in `lte` until 31 December); plain values compare as they always have.
 */
export function compareWithLiteral(value: Typed, op: Op, literal: Typed, options: { anyYear?: boolean } = {}): Outcome {
  // A plain number beside an amount is an amount without a unit.
  if (value.kind === "quantity" && literal.kind === "plain" && typeof literal.value === "number") literal = { kind: "quantity", q: point(literal.value) };
  if (literal.kind === "quantity" && value.kind === "plain" && typeof value.value === "number") value = { kind: "quantity", q: point(value.value) };
  if (value.kind === "quantity" && literal.kind === "quantity") {
    const aligned = align(value.q, literal.q, options);
    if ("why" in aligned) return { truth: undefined, why: aligned.why };
    return { truth: relate(aligned.a, RELATION[op], aligned.b) };
  }
  if (value.kind === "date" && literal.kind === "date") {
    const l = literal.q;
    switch (op) {
      case "equals":
        return { truth: within(value.q, l) };
      case "not-equals": {
        const inside = within(value.q, l);
        return { truth: inside === undefined ? undefined : !inside };
      }
      case "gte":
      case "lt":
        return { truth: relate(value.q, RELATION[op], point(l.low)) };
      case "gt":
      case "lte":
        return { truth: relate(value.q, RELATION[op], point(l.high)) };
    }
  }
  if (value.kind === "list" || literal.kind === "list") return { truth: undefined, why: "a list is tested with a members part" };
  const a = plainOf(value);
  const b = plainOf(literal);
  if (a === undefined || b === undefined) return { truth: undefined, why: `${showTyped(value)} and ${showTyped(literal)} are not of one kind` };
  const order = orderValues(a, b);
  if (order === undefined) return { truth: op === "not-equals" ? true : op === "equals" ? false : undefined };
  switch (op) {
    case "equals":
      return { truth: order === 0 };
    case "not-equals":
      return { truth: order !== 0 };
    case "lt":
      return { truth: order < 0 };
    case "lte":
      return { truth: order <= 0 };
    case "gt":
      return { truth: order > 0 };
    case "gte":
      return { truth: order >= 0 };
  }
}

/** Compares two facts' values (`compare`): every pair of possible values must agree for a decision. */
export function compareValues(left: Typed, op: Op, right: Typed, options: { anyYear?: boolean; times?: number } = {}): Outcome {
  if (left.kind === "quantity" && right.kind === "plain" && typeof right.value === "number") right = { kind: "quantity", q: point(right.value) };
  if (right.kind === "quantity" && left.kind === "plain" && typeof left.value === "number") left = { kind: "quantity", q: point(left.value) };
  if (options.times !== undefined && left.kind === "plain" && right.kind === "plain" && typeof left.value === "number" && typeof right.value === "number") {
    left = { kind: "quantity", q: point(left.value) };
    right = { kind: "quantity", q: point(right.value) };
  }
  if ((left.kind === "quantity" || left.kind === "date") && left.kind === right.kind) {
    let l = left.q;
    let r = right.q;
    if (left.kind === "quantity") {
      const aligned = align(l, r, options);
      if ("why" in aligned) return { truth: undefined, why: aligned.why };
      l = aligned.a;
      r = aligned.b;
    }
    if (options.times !== undefined) r = scale(r, options.times);
    return { truth: relate(l, RELATION[op], r) };
  }
  if (options.times !== undefined) return { truth: undefined, why: "times multiplies amounts only" };
  return compareWithLiteral(left, op, right, options);
}

function plainOf(t: Typed): Literal | undefined {
  if (t.kind === "plain") return t.value;
  if (t.kind === "date") return t.text;
  if (t.kind === "quantity" && t.q.unit === undefined && t.q.amount !== undefined && t.q.low === t.q.high) return t.q.amount;
  return undefined;
}

/**
 * Whether two statements of one subject and property can both be true: amounts and dates
 * that overlap within their bounds and precision agree (419,725 kg and "about 420,000 kg").
 */
export function agree(a: Typed, b: Typed): boolean {
  return merge(a, b) !== undefined;
}

/**
 * Whether two statements cannot both be true. Amounts that cannot be compared (two
 * currencies, two years of one currency) are not a disagreement: nothing says they differ.
 */
export function disagree(a: Typed, b: Typed): boolean {
  if (a.kind === "quantity" && b.kind === "quantity" && "why" in align(a.q, b.q)) return false;
  return !agree(a, b);
}

/** The value both statements allow, when they can both be true. */
export function merge(a: Typed, b: Typed): Typed | undefined {
  if (a.kind === "quantity" && b.kind === "quantity") {
    const aligned = align(a.q, b.q);
    if ("why" in aligned) return undefined;
    return overlaps(aligned.a, aligned.b) ? { kind: "quantity", q: intersect(aligned.a, aligned.b) } : undefined;
  }
  if (a.kind === "date" && b.kind === "date") {
    if (!overlaps(a.q, b.q)) return undefined;
    const q = intersect(a.q, b.q);
    // The finer of the two dates names the days both allow.
    return { kind: "date", q, text: a.q.high - a.q.low <= b.q.high - b.q.low ? a.text : b.text };
  }
  if (a.kind === "list" && b.kind === "list") return a.items.join("\u0000") === b.items.join("\u0000") ? a : undefined;
  const x = plainOf(a);
  const y = plainOf(b);
  if (x === undefined || y === undefined) return undefined;
  return orderValues(x, y) === 0 ? a : undefined;
}

export function showTyped(t: Typed): string {
  switch (t.kind) {
    case "quantity":
      return showQuantity(t.q);
    case "date":
      return t.text;
    case "list":
      return showValue(t.items);
    case "plain":
      return showValue(t.value);
  }
}
