import type { PropertyRecord, QuantityRecord } from "../project/types.js";
import { isQuantityRecord, within, type Quantity } from "./quantity.js";
import { and, or, type Truth } from "./truth.js";
import { align, compareWithLiteral, readLiteral, showTyped, type Op, type Outcome, type Typed } from "./typed.js";
import { convert } from "./units.js";
import { showValue } from "./values.js";

/**
 * The comparison a part asks for, read from its keys: one of `equals`, `not-equals`, `in`,
 * `about` (with `tolerance`), or a range: one lower bound (`gt`/`gte`) and/or one upper
 * bound (`lt`/`lte`) in one part.
 */
export type Comparison =
  | { form: "equals" | "not-equals"; literal: unknown }
  | { form: "in"; literals: unknown[] }
  | { form: "about"; literal: unknown; tolerance: unknown }
  | { form: "range"; lower?: { op: "gt" | "gte"; literal: unknown }; upper?: { op: "lt" | "lte"; literal: unknown } };

export const COMPARISON_KEYS = ["equals", "not-equals", "in", "about", "tolerance", "gt", "gte", "lt", "lte"] as const;

export const OP_WORDS: Record<string, string> = {
  equals: "=",
  "not-equals": "≠",
  in: "in",
  lt: "<",
  lte: "≤",
  gt: ">",
  gte: "≥",
  eq: "=",
  ne: "≠",
  about: "about",
};

/** Reads the comparison of a spec; a problem in words when it asks for none, or for two at once. */
export function readComparison(spec: Record<string, unknown>, allowed: readonly string[] = COMPARISON_KEYS): { comparison: Comparison } | { problem: string } {
  const has = (k: string) => spec[k] !== undefined && allowed.includes(k);
  const singles = (["equals", "not-equals", "in", "about"] as const).filter(has);
  const lower = (["gt", "gte"] as const).filter(has);
  const upper = (["lt", "lte"] as const).filter(has);
  const words = allowed.filter((k) => k !== "tolerance").join(", ");
  if (has("tolerance") && !has("about")) return { problem: "tolerance belongs with about" };
  if (singles.length + lower.length + upper.length === 0) return { problem: `needs a comparison: one of ${words}` };
  if (singles.length > 1 || (singles.length === 1 && lower.length + upper.length > 0)) {
    return { problem: `has ${[...singles, ...lower, ...upper].join(" and ")}; give one comparison, or a range (one lower bound and one upper bound)` };
  }
  if (lower.length > 1 || upper.length > 1) return { problem: `has ${[...lower, ...upper].join(" and ")}; a range has one lower bound (gt or gte) and one upper bound (lt or lte)` };
  const single = singles[0];
  if (single === "about") {
    if (spec.tolerance === undefined) return { problem: 'about needs a tolerance: a share ("5%") or an amount in its unit (2)' };
    return { comparison: { form: "about", literal: spec.about, tolerance: spec.tolerance } };
  }
  if (single === "in") return { comparison: { form: "in", literals: spec.in as unknown[] } };
  if (single !== undefined) return { comparison: { form: single, literal: spec[single] } };
  const lo = lower[0];
  const hi = upper[0];
  return {
    comparison: {
      form: "range",
      lower: lo ? { op: lo, literal: spec[lo] } : undefined,
      upper: hi ? { op: hi, literal: spec[hi] } : undefined,
    },
  };
}

/** The literals of a comparison with the key each stands under, for type checks. */
export function literalsOf(comparison: Comparison): Array<{ key: string | [string, number]; literal: unknown }> {
  switch (comparison.form) {
    case "equals":
    case "not-equals":
      return [{ key: comparison.form, literal: comparison.literal }];
    case "in":
      return comparison.literals.map((literal, i) => ({ key: ["in", i] as [string, number], literal }));
    case "about":
      return [{ key: "about", literal: comparison.literal }];
    case "range":
      return [
        ...(comparison.lower ? [{ key: comparison.lower.op, literal: comparison.lower.literal }] : []),
        ...(comparison.upper ? [{ key: comparison.upper.op, literal: comparison.upper.literal }] : []),
      ];
  }
}

function showLiteral(literal: unknown): string {
  if (isQuantityRecord(literal)) return `${literal.amount ?? "?"}${literal.unit ? ` ${literal.unit}` : ""}${literal.year !== undefined ? ` (${literal.year})` : ""}`;
  return showValue(literal as string);
}

/** The comparison in words: `= 2028`, `> 295`, `≥ 400 t and ≤ 450 t`, `about 420 t ± 5%`. */
export function describeComparison(comparison: Comparison): string {
  switch (comparison.form) {
    case "equals":
    case "not-equals":
      return `${OP_WORDS[comparison.form]} ${showLiteral(comparison.literal)}`;
    case "in":
      return `in [${comparison.literals.map(showLiteral).join(", ")}]`;
    case "about":
      return `about ${showLiteral(comparison.literal)} ± ${showLiteral(comparison.tolerance)}`;
    case "range":
      return [comparison.lower, comparison.upper]
        .filter((b) => b !== undefined)
        .map((b) => `${OP_WORDS[b!.op]} ${showLiteral(b!.literal)}`)
        .join(" and ");
  }
}

export interface LiteralContext {
  property?: PropertyRecord;
  asOfYear?: number;
  anyYear?: boolean;
}

/** Every literal of a comparison, read against the property; the first problem if one does not fit. */
export function literalProblem(comparison: Comparison, context: LiteralContext): { key: string | [string, number]; detail: string } | undefined {
  for (const { key, literal } of literalsOf(comparison)) {
    const read = readLiteral(literal, context.property, context.asOfYear);
    if ("problem" in read) return { key, detail: read.problem };
  }
  if (comparison.form === "about") {
    const problem = toleranceProblem(comparison.tolerance);
    if (problem) return { key: "tolerance", detail: problem };
  }
  return undefined;
}

const PERCENT = /^(\d{1,6}(?:\.\d{1,6})?)\s?%$/;

function toleranceProblem(tolerance: unknown): string | undefined {
  if (typeof tolerance === "number") return tolerance >= 0 ? undefined : "a tolerance is zero or more";
  if (typeof tolerance === "string") return PERCENT.test(tolerance) ? undefined : 'a relative tolerance is written as a share: "5%"';
  if (isQuantityRecord(tolerance)) return tolerance.amount !== undefined && tolerance.amount >= 0 && Object.keys(tolerance).every((k) => k === "amount" || k === "unit") ? undefined : "an absolute tolerance is { amount: 2, unit: t }";
  return 'a tolerance is a share ("5%") or an amount';
}

/** The interval "about X ± tolerance" allows, in X's unit; why not, when the tolerance cannot be read. */
export function aboutInterval(centre: Quantity, tolerance: unknown): { q: Quantity } | { why: string } {
  const amount = centre.amount ?? centre.low;
  let spread: number | undefined;
  if (typeof tolerance === "number") spread = tolerance;
  else if (typeof tolerance === "string") {
    const match = PERCENT.exec(tolerance);
    if (match) spread = (Math.abs(amount) * Number(match[1])) / 100;
  } else if (isQuantityRecord(tolerance)) {
    const t = tolerance as QuantityRecord;
    if (t.unit === undefined || t.unit === centre.unit) spread = t.amount;
    else if (centre.unit !== undefined) {
      const converted = convert(t.amount ?? 0, t.unit, centre.unit);
      if (converted === undefined) return { why: `a tolerance in ${t.unit} cannot be applied to ${centre.unit}` };
      spread = converted;
    }
  }
  if (spread === undefined || !(spread >= 0)) return { why: "the tolerance cannot be read" };
  return { q: { ...centre, amount, low: amount - spread, high: amount + spread, lowOpen: false, highOpen: false } };
}

/** Applies a comparison to a value, three-valued. */
export function testComparison(value: Typed, comparison: Comparison, context: LiteralContext): Outcome {
  const literal = (l: unknown): Typed | undefined => {
    const read = readLiteral(l, context.property, context.asOfYear);
    return "typed" in read ? read.typed : undefined;
  };
  const options = { anyYear: context.anyYear };
  const one = (op: Op, l: unknown): Outcome => {
    const t = literal(l);
    if (!t) return { truth: undefined, why: `${showLiteral(l)} does not fit the property` };
    return compareWithLiteral(value, op, t, options);
  };
  switch (comparison.form) {
    case "equals":
    case "not-equals":
      return one(comparison.form, comparison.literal);
    case "in": {
      let truth: Truth = false;
      let why: string | undefined;
      for (const l of comparison.literals) {
        const outcome = one("equals", l);
        truth = or(truth, outcome.truth);
        why ??= outcome.why;
      }
      return { truth, why: truth === undefined ? why : undefined };
    }
    case "range": {
      let truth: Truth = true;
      let why: string | undefined;
      for (const bound of [comparison.lower, comparison.upper]) {
        if (!bound) continue;
        const outcome = one(bound.op, bound.literal);
        truth = and(truth, outcome.truth);
        why ??= outcome.why;
      }
      return { truth, why: truth === undefined ? why : undefined };
    }
    case "about": {
      const centre = literal(comparison.literal);
      if (!centre || centre.kind !== "quantity") return { truth: undefined, why: "about compares amounts" };
      if (value.kind !== "quantity") return { truth: undefined, why: `about compares amounts, not ${showTyped(value)}` };
      const allowed = aboutInterval(centre.q, comparison.tolerance);
      if ("why" in allowed) return { truth: undefined, why: allowed.why };
      const aligned = align(allowed.q, value.q, options);
      if ("why" in aligned) return { truth: undefined, why: aligned.why };
      return { truth: within(aligned.b, aligned.a) };
    }
  }
}
