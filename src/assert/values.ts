import type { Literal } from "../project/types.js";
import { compareDates, parsePartialDate } from "../time/partial-date.js";

/** A value as a fact or an assertion writes it: a literal, a list, or a quantity map. */
type Written = Literal | readonly Literal[] | object;

/** Renders a fact value or literal for explanations. */
export function showValue(value: Written | undefined): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `[${value.map((v) => showValue(v as Written)).join(", ")}]`;
  if (typeof value === "object") {
    // A quantity map, as written: `{ about: 420, unit: t }`.
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${(v as unknown[]).join(", ")}]` : String(v)}`).join(", ")} }`;
  }
  return typeof value === "string" ? value : String(value);
}

/**
 * Orders two values: dates (and years) at the coarser precision, numbers by value,
 * anything else as text. `undefined` when they cannot be ordered (a list, say).
 */
export function orderValues(a: Written, b: Written): -1 | 0 | 1 | undefined {
  if (typeof a === "object" || typeof b === "object") {
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
export function sameValue(a: Written, b: Written): boolean {
  return orderValues(a, b) === 0;
}
