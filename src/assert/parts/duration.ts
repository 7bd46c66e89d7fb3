import { formatPartialDate } from "../../time/partial-date.js";
import { aboutInterval, describeComparison, readComparison, type Comparison } from "../comparison.js";
import { asTypedDate, resolveDate } from "../dates.js";
import { isQuantityRecord, point, relate, type Quantity, type Relation } from "../quantity.js";
import { append, blank, describeRef, evidenceOf } from "../scope.js";
import { and, verdictOf, type Truth } from "../truth.js";
import { convert, dimensionOf } from "../units.js";
import { dateReferences, type PartModule } from "./part.js";

const DURATION_KEYS = ["equals", "about", "tolerance", "gt", "gte", "lt", "lte"] as const;

/** Units counted on the calendar: "four months" after 31 October is 28 February, not 120 days later. */
const CALENDAR_MONTHS: Record<string, number> = { month: 1, months: 1, mo: 1, year: 12, years: 12, y: 12, yr: 12, annum: 12 };

/** The day `months` calendar months after `day` (days since 1970-01-01), kept inside its month. */
function addMonths(day: number, months: number): number {
  const date = new Date(day * 86_400_000);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), last)) / 86_400_000;
}

/** A duration's amount in a unit, read from the claim: an amount with a unit of time. */
function readAmount(literal: unknown): { amount: number; unit: string } | { problem: string } {
  if (!isQuantityRecord(literal) || literal.amount === undefined || literal.unit === undefined) {
    return { problem: "a duration is an amount with a unit of time: { amount: 4, unit: month }" };
  }
  if (dimensionOf(literal.unit) !== "duration") return { problem: `"${literal.unit}" is not a unit of time (d, week, month, year)` };
  return { amount: literal.amount, unit: literal.unit };
}

/**
 * Whether the time from `from` to `to` (each the days its date can mean) stands in
 * `relation` to an amount: true for every pair of days, false for none, else undetermined.
 * Whole months and years are counted on the calendar; anything else in days.
 */
function durationTruth(from: Quantity, to: Quantity, relation: Relation, amount: number, unit: string): Truth {
  const months = CALENDAR_MONTHS[unit] !== undefined ? amount * CALENDAR_MONTHS[unit]! : undefined;
  if (months !== undefined && Number.isInteger(months)) {
    // "to ≥ from + N months": the bound moves with `from`, so the earliest `to` meets the latest bound.
    const earliest = addMonths(from.low, months);
    const latest = addMonths(from.high, months);
    return relate(to, relation, { low: earliest, high: latest, lowOpen: false, highOpen: false });
  }
  const days = convert(amount, unit, "d");
  if (days === undefined) return undefined;
  const elapsed: Quantity = { low: to.low - from.high, high: to.high - from.low, lowOpen: false, highOpen: false };
  return relate(elapsed, relation, point(days));
}

function test(from: Quantity, to: Quantity, comparison: Comparison): { truth: Truth } | { problem: string } {
  const bound = (relation: Relation, literal: unknown): { truth: Truth } | { problem: string } => {
    const read = readAmount(literal);
    if ("problem" in read) return read;
    return { truth: durationTruth(from, to, relation, read.amount, read.unit) };
  };
  switch (comparison.form) {
    case "equals": {
      const lower = bound("gte", comparison.literal);
      const upper = bound("lte", comparison.literal);
      if ("problem" in lower) return lower;
      if ("problem" in upper) return upper;
      return { truth: and(lower.truth, upper.truth) };
    }
    case "range": {
      let truth: Truth = true;
      for (const b of [comparison.lower, comparison.upper]) {
        if (!b) continue;
        const outcome = bound(b.op, b.literal);
        if ("problem" in outcome) return outcome;
        truth = and(truth, outcome.truth);
      }
      return { truth };
    }
    case "about": {
      const read = readAmount(comparison.literal);
      if ("problem" in read) return read;
      const allowed = aboutInterval(point(read.amount, read.unit), comparison.tolerance);
      if ("why" in allowed) return { problem: allowed.why };
      const lower = durationTruth(from, to, "gte", allowed.q.low, read.unit);
      const upper = durationTruth(from, to, "lte", allowed.q.high, read.unit);
      return { truth: and(lower, upper) };
    }
    case "not-equals":
    case "in":
      return { problem: "a duration is compared with equals, about, or a range" };
  }
}

export const duration: PartModule<"duration"> = {
  kind: "duration",
  description: "The time between two dates or events (to defaults to the claim's as-of date) against an amount of time: equals, about with a tolerance, or a range.",
  example: "duration: { from: { event: expedition-1-launch }, to: { event: expedition-1-landing }, gt: { amount: 4, unit: month }, lt: { amount: 5, unit: month } }",
  evaluate(spec, path, scope) {
    const read = readComparison(spec as unknown as Record<string, unknown>, DURATION_KEYS);
    const result = blank("duration", "time between two dates", "");
    if ("problem" in read) {
      scope.problems.push({ kind: "bad-part", path, part: "duration", detail: read.problem });
      result.found = "no comparison given";
      return result;
    }
    const toRef = spec.to ?? (scope.asOf ? formatPartialDate(scope.asOf) : undefined);
    const from = resolveDate(spec.from, [...path, "from"], scope);
    const to = toRef === undefined ? undefined : resolveDate(toRef, [...path, "to"], scope);
    for (const r of [from, to]) {
      append(result.evidence, evidenceOf(r?.decision?.chosen ?? [], scope));
      append(result.later, evidenceOf(r?.decision?.later ?? [], scope));
    }
    result.expected = `time from ${describeRef(spec.from)} to ${toRef === undefined ? "?" : describeRef(toRef)} ${describeComparison(read.comparison)}`;
    if (!from.date || !to?.date) {
      result.found = [from, to].filter((r) => r && !r.date).map((r) => r!.text).join("; ") || "no end date";
      if (from.conflict || to?.conflict) result.verdict = "mixed";
      return result;
    }
    const f = asTypedDate(from.date).q;
    const t = asTypedDate(to.date).q;
    const outcome = test(f, t, read.comparison);
    const low = t.low - f.high;
    const high = t.high - f.low;
    result.found = `${formatPartialDate(from.date)} to ${formatPartialDate(to.date)}: ${low === high ? `${low} days` : `${low} to ${high} days`}`;
    if ("problem" in outcome) {
      scope.problems.push({ kind: "bad-part", path, part: "duration", detail: outcome.problem });
      return result;
    }
    result.verdict = verdictOf(outcome.truth);
    return result;
  },
  references: (spec, path) => [...dateReferences(spec.from, [...path, "from"]), ...dateReferences(spec.to, [...path, "to"])],
};
