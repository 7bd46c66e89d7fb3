import type { Literal } from "../project/types.js";
import { compareDates, parsePartialDate } from "../time/partial-date.js";

/** Renders a fact value or literal for explanations. */
export function showValue(value: Literal | string[] | undefined): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  return typeof value === "string" ? value : String(value);
}

/**
 * Orders two values: dates (and years) at the coarser precision, numbers by value,
 * anything else as text. `undefined` when they cannot be ordered (a list, say).
 */
export function orderValues(a: Literal | string[], b: Literal | string[]): -1 | 0 | 1 | undefined {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) return a.join("\u0000") === b.join("\u0000") ? 0 : undefined;
    return undefined;
  }
  if (typeof a === "boolean" || typeof b === "boolean") return a === b ? 0 : undefined;
  const da = parsePartialDate(a);
  const db = parsePartialDate(b);
  if (da && db) return compareDates(da, db);
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Whether two values state the same thing (dates at the coarser precision). */
export function sameValue(a: Literal | string[], b: Literal | string[]): boolean {
  return orderValues(a, b) === 0;
}
