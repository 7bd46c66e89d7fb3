import type { DocPath } from "../model/position.js";
import type { DateRef } from "../project/types.js";
import { formatPartialDate, parsePartialDate, type PartialDate } from "../time/partial-date.js";
import { decide, describeSelector, noEvidence, typedValue, type Decision, type Scope } from "./scope.js";
import { dateInterval, merge, showTyped, type Typed } from "./typed.js";

/** A date resolved from a literal or from facts, with the facts that gave it. */
export interface ResolvedDate {
  date?: PartialDate;
  text: string;
  decision?: Decision;
  /** Equally ranked sources give dates that cannot both be right. */
  conflict?: boolean;
}

/**
 * Resolves a date reference: a date literal, an event (`{ event: id }`: its date), or a
 * statement whose value is a date. Sources that agree at different precisions give the
 * finer date; sources that disagree give none (`conflict`).
 */
export function resolveDate(ref: DateRef, path: DocPath, scope: Scope): ResolvedDate {
  if (typeof ref === "string" || typeof ref === "number") {
    const date = parsePartialDate(ref);
    if (!date) scope.problems.push({ kind: "bad-part", path, detail: `"${ref}" is not a date` });
    return { date, text: String(ref) };
  }
  const property = ref.event !== undefined || (ref.fact !== undefined && ref.property === undefined) ? "date" : undefined;
  const decision = decide(ref, property ?? ref.property, path, scope);
  const label = describeSelector(ref, property);
  if (decision.chosen.length === 0) return { text: `${label}: ${noEvidence(decision, scope)}`, decision };
  const values = decision.chosen.map((c) => typedValue(c, scope)).filter((t): t is Typed => t !== undefined);
  let shared: Typed | undefined = values[0];
  for (const t of values.slice(1)) shared = shared && merge(shared, t);
  if (!shared) {
    const sides = decision.chosen.map((c, i) => `${c.fact.source} says ${values[i] ? showTyped(values[i]!) : "?"}`).join("; ");
    return { text: `${label}: sources disagree: ${sides}`, decision, conflict: true };
  }
  const date = parsePartialDate(shared.kind === "date" ? shared.text : shared.kind === "plain" ? shared.value : undefined);
  return { date, text: date ? `${label} ${formatPartialDate(date)}` : `${label} ${showTyped(shared)} (not a date)`, decision };
}

/** A resolved date as the days it can mean (for comparisons). */
export function asTypedDate(date: PartialDate): Typed & { kind: "date" } {
  return dateInterval(formatPartialDate(date)) as Typed & { kind: "date" };
}
