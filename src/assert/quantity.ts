import type { QuantityRecord } from "../project/types.js";
import type { Truth } from "./truth.js";

/**
 * A quantity as a source states it, on Wikidata's model: an amount with a lower and an
 * upper bound, in a unit. It is read as the interval of amounts the statement allows:
 * "419,725 kg" is one point, "about 420 t" an interval around 420, "more than 290" an
 * interval open below at 290 and unbounded above.
 */
export interface Quantity {
  /** The amount the source gives, where it gives one ("about 420" gives 420). */
  amount?: number;
  /** Lowest amount the statement allows; -Infinity when it sets no lower bound. */
  low: number;
  /** Highest amount the statement allows; Infinity when it sets no upper bound. */
  high: number;
  /** `low` itself is excluded ("more than 290"). */
  lowOpen: boolean;
  /** `high` itself is excluded ("fewer than 300"). */
  highOpen: boolean;
  /** Unit as written (`kg`, `t`, `USD`); undefined for a count or a plain number. */
  unit?: string;
  /** For money: the year whose currency the amount is in. */
  year?: number;
}

/** Whether a value is written as a quantity map (rather than a plain number, string or list). */
export function isQuantityRecord(value: unknown): value is QuantityRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The interval a quantity map states, or why it states none. A plain number is an exact
 * amount. `unit` stands in where the map gives none (a property's declared unit).
 */
export function readQuantity(value: unknown, unit?: string): { quantity: Quantity } | { problem: string } {
  if (typeof value === "number") return { quantity: point(value, unit) };
  if (!isQuantityRecord(value)) return { problem: "not a quantity" };
  const r = value;
  const unitOf = r.unit ?? unit;
  const centres = (["amount", "about", "between"] as const).filter((k) => r[k] !== undefined);
  const lower = (["more-than", "at-least"] as const).filter((k) => r[k] !== undefined);
  const upper = (["less-than", "at-most"] as const).filter((k) => r[k] !== undefined);
  if (centres.length > 1) return { problem: `give one of amount, about or between, not ${centres.join(" and ")}` };
  if (centres.length === 1 && lower.length + upper.length > 0) {
    return { problem: `${centres[0]} states the amount; ${[...lower, ...upper].join(" and ")} would bound it again` };
  }
  if (lower.length > 1 || upper.length > 1) return { problem: `${[...lower, ...upper].join(" and ")} set the same bound twice` };
  if (centres.length === 0 && lower.length + upper.length === 0) {
    return { problem: "a quantity needs amount, about, between, or a bound (more-than, at-least, less-than, at-most)" };
  }
  if (r.precision !== undefined && r.amount === undefined && r.about === undefined) return { problem: "precision belongs with amount or about" };
  if (r.precision !== undefined && !(r.precision >= 0)) return { problem: "precision is a distance from the amount: zero or more" };
  const base = { unit: unitOf, year: r.year };
  if (r.amount !== undefined || r.about !== undefined) {
    const amount = (r.amount ?? r.about)!;
    const spread = r.precision ?? (r.about !== undefined ? impliedPrecision(amount) : 0);
    return { quantity: { amount, low: amount - spread, high: amount + spread, lowOpen: false, highOpen: false, ...base } };
  }
  if (r.between !== undefined) {
    const [low, high] = r.between;
    if (!(low <= high)) return { problem: "between lists the lower bound first" };
    return { quantity: { low, high, lowOpen: false, highOpen: false, ...base } };
  }
  const low = r["more-than"] ?? r["at-least"] ?? -Infinity;
  const high = r["less-than"] ?? r["at-most"] ?? Infinity;
  if (low > high || (low === high && (r["more-than"] !== undefined || r["less-than"] !== undefined))) {
    return { problem: "the lower bound is above the upper bound" };
  }
  return { quantity: { low, high, lowOpen: r["more-than"] !== undefined, highOpen: r["less-than"] !== undefined, ...base } };
}

export function point(amount: number, unit?: string, year?: number): Quantity {
  return { amount, low: amount, high: amount, lowOpen: false, highOpen: false, unit, year };
}

/**
 * "About 420,000" allows half a step of its last non-zero digit either way: ±5,000. A source
 * that rounds says so by its zeros; a statement that needs another spread gives `precision`.
 */
export function impliedPrecision(amount: number): number {
  if (amount === 0 || !Number.isFinite(amount)) return 0;
  const text = Math.abs(amount).toExponential(); // "4.2e+5": mantissa digits and exponent
  const [mantissa, exponent] = text.split("e") as [string, string];
  const decimals = mantissa.includes(".") ? mantissa.length - mantissa.indexOf(".") - 1 : 0;
  const place = Number(exponent) - decimals;
  return 0.5 * 10 ** place;
}

/** Tolerance for float noise after a unit conversion (419725 kg → 419.72499999999997 t). */
const EPSILON = 1e-9;

function near(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= EPSILON * Math.max(Math.abs(a), Math.abs(b));
}

/** a < b, with a and b within float noise counted as equal. */
function below(a: number, b: number): boolean {
  return a < b && !near(a, b);
}

function atMost(a: number, b: number): boolean {
  return a < b || near(a, b);
}

/** The same interval in another unit, through `convert`; undefined when it cannot be converted. */
export function scale(q: Quantity, factor: number, unit = q.unit): Quantity {
  const a = q.low * factor;
  const b = q.high * factor;
  const flip = factor < 0;
  return {
    amount: q.amount === undefined ? undefined : q.amount * factor,
    low: flip ? b : a,
    high: flip ? a : b,
    lowOpen: flip ? q.highOpen : q.lowOpen,
    highOpen: flip ? q.lowOpen : q.highOpen,
    unit,
    year: q.year,
  };
}

/** Whether the interval allows exactly one amount. */
export function isPoint(q: Quantity): boolean {
  return near(q.low, q.high) && !q.lowOpen && !q.highOpen;
}

/** Comparisons of an interval against a number, or another interval. */
export type Relation = "eq" | "ne" | "lt" | "lte" | "gt" | "gte";

/**
 * Whether every amount of `a` stands in `relation` to every amount of `b` (true), none
 * does (false), or some do and some do not (undefined). Intervals are sound: "more than
 * 290" is greater than 280 (true), less than 250 (false), greater than 295 (undefined).
 */
export function relate(a: Quantity, relation: Relation, b: Quantity): Truth {
  switch (relation) {
    case "gt":
      return relate(b, "lt", a);
    case "gte":
      return relate(b, "lte", a);
    case "lt": {
      // Every a below every b: a's top under b's bottom (touching is fine when either end is open).
      if (below(a.high, b.low) || (near(a.high, b.low) && (a.highOpen || b.lowOpen))) return true;
      if (atMost(b.high, a.low)) return false;
      return undefined;
    }
    case "lte": {
      if (atMost(a.high, b.low)) return true;
      if (below(b.high, a.low) || (near(b.high, a.low) && (b.highOpen || a.lowOpen))) return false;
      return undefined;
    }
    case "eq": {
      if (isPoint(a) && isPoint(b) && near(a.low, b.low)) return true;
      if (!overlaps(a, b)) return false;
      return undefined;
    }
    case "ne": {
      const eq = relate(a, "eq", b);
      return eq === undefined ? undefined : !eq;
    }
  }
}

/** Whether an interval allows any amount at all. */
function nonEmpty(q: Quantity): boolean {
  if (below(q.low, q.high)) return true;
  return near(q.low, q.high) && !q.lowOpen && !q.highOpen;
}

/** Whether two intervals share an amount. */
export function overlaps(a: Quantity, b: Quantity): boolean {
  return nonEmpty(intersect(a, b));
}

/** Whether every amount of `a` lies in `b` (true), none does (false), or it depends (undefined). */
export function within(a: Quantity, b: Quantity): Truth {
  const lowOk = below(b.low, a.low) || (near(b.low, a.low) && (!b.lowOpen || a.lowOpen));
  const highOk = below(a.high, b.high) || (near(a.high, b.high) && (!b.highOpen || a.highOpen));
  if (lowOk && highOk) return true;
  if (!overlaps(a, b)) return false;
  return undefined;
}

/** The amounts two intervals share (both sources right at once); empty when they share none. */
export function intersect(a: Quantity, b: Quantity): Quantity {
  // The higher bottom and the lower top; on a tie the open end is the stricter one.
  const low = near(a.low, b.low) ? (a.lowOpen ? a : b) : a.low > b.low ? a : b;
  const high = near(a.high, b.high) ? (a.highOpen ? a : b) : a.high < b.high ? a : b;
  return {
    amount: isPoint(a) ? a.amount : isPoint(b) ? b.amount : undefined,
    low: low.low,
    lowOpen: low.lowOpen,
    high: high.high,
    highOpen: high.highOpen,
    unit: a.unit,
    year: a.year,
  };
}

/** A quantity for explanations: `419725 kg`, `about 420 t (415–425)`, `more than 290`. */
export function showQuantity(q: Quantity): string {
  const unit = q.unit ? ` ${q.unit}` : "";
  const n = (x: number) => String(Number(x.toPrecision(12)));
  let text: string;
  if (isPoint(q)) text = `${n(q.low)}${unit}`;
  else if (q.amount !== undefined) text = `about ${n(q.amount)}${unit} (${n(q.low)}–${n(q.high)})`;
  else if (q.low === -Infinity) text = `${q.highOpen ? "less than" : "at most"} ${n(q.high)}${unit}`;
  else if (q.high === Infinity) text = `${q.lowOpen ? "more than" : "at least"} ${n(q.low)}${unit}`;
  else text = `between ${n(q.low)} and ${n(q.high)}${unit}`;
  return q.year !== undefined && q.unit ? `${text} (${q.year})` : text;
}
