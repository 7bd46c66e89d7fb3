import type { DateRef } from "../../project/types.js";
import { formatPartialDate } from "../../time/partial-date.js";
import { describeComparison, readComparison, testComparison } from "../comparison.js";
import { asTypedDate, resolveDate } from "../dates.js";
import { eventsOfKind, statedPrevious, type KnownEvent } from "../events.js";
import { point, relate, type Quantity } from "../quantity.js";
import { append, blank, describeRef, evidenceOf, type Candidate, type Scope } from "../scope.js";
import { and, verdictOf, type Truth } from "../truth.js";
import type { Typed } from "../typed.js";
import { dateReferences, type PartModule, type Reference } from "./part.js";
import type { DocPath } from "../../model/position.js";

const COUNT_KEYS = ["equals", "lt", "lte", "gt", "gte"] as const;

/** One end of the period: a date (its whole span is the boundary) or an event (a day somewhere in its date). */
interface End {
  days: Typed & { kind: "date" };
  event?: string;
  inclusive: boolean;
  text: string;
}

function resolveEnd(ref: DateRef | undefined, inclusive: boolean, path: DocPath, scope: Scope): End | undefined | "unresolved" {
  if (ref === undefined) return undefined;
  const resolved = resolveDate(ref, path, scope);
  if (!resolved.date) return "unresolved";
  const days = asTypedDate(resolved.date) as Typed & { kind: "date" };
  return { days, event: typeof ref === "object" ? ref.event : undefined, inclusive, text: typeof ref === "object" ? describeRef(ref) : String(ref) };
}

/** Whether an event with these days lies after the period's start: true, false, or undetermined. */
function afterStart(event: string, days: Quantity | undefined, start: End | undefined): Truth {
  if (!start) return true;
  if (start.event !== undefined && event === start.event) return start.inclusive;
  if (!days) return undefined;
  const s = start.days.q;
  if (start.event === undefined) {
    // A date bounds by its whole span: from "2019" is from 1 January 2019; after "2019" from 2020.
    return start.inclusive ? relate(days, "gte", { ...s, high: s.low }) : relate(days, "gt", { ...s, low: s.high });
  }
  return relate(days, start.inclusive ? "gte" : "gt", s);
}

function beforeEnd(event: string, days: Quantity | undefined, end: End | undefined): Truth {
  if (!end) return true;
  if (end.event !== undefined && event === end.event) return end.inclusive;
  if (!days) return undefined;
  const e = end.days.q;
  if (end.event === undefined) {
    return end.inclusive ? relate(days, "lte", { ...e, low: e.high }) : relate(days, "lt", { ...e, high: e.low });
  }
  return relate(days, end.inclusive ? "lte" : "lt", e);
}

export const count: PartModule<"count"> = {
  kind: "count",
  description:
    "How many events of a kind lie in a period (from/to inclusive, after/before exclusive; dates or events). An upper bound (and so any claim of absence) needs sources that state which event came before which.",
  example: 'count: { kind: heads-meeting, after: { event: rogozin-bridenstine-2018 }, before: { event: bakanov-duffy-2025 }, equals: 0 }',
  evaluate(spec, path, scope) {
    const read = readComparison(spec as unknown as Record<string, unknown>, COUNT_KEYS);
    const result = blank("count", `number of ${spec.kind} events`, "");
    if ("problem" in read) {
      scope.problems.push({ kind: "bad-part", path, part: "count", detail: read.problem });
      result.found = "no comparison given";
      return result;
    }
    if (spec.from !== undefined && spec.after !== undefined) {
      scope.problems.push({ kind: "bad-part", path, part: "count", detail: "has from and after; the period starts once" });
      return result;
    }
    if (spec.to !== undefined && spec.before !== undefined) {
      scope.problems.push({ kind: "bad-part", path, part: "count", detail: "has to and before; the period ends once" });
      return result;
    }
    const startRef = spec.from ?? spec.after;
    const endRef = spec.to ?? spec.before ?? (scope.asOf ? formatPartialDate(scope.asOf) : undefined);
    const start = resolveEnd(startRef, spec.after === undefined, [...path, spec.after !== undefined ? "after" : "from"], scope);
    const end = resolveEnd(endRef, spec.before === undefined, [...path, spec.before !== undefined ? "before" : "to"], scope);
    const period = [start && start !== "unresolved" ? `${start.inclusive ? "from" : "after"} ${start.text}` : "", end && end !== "unresolved" ? `${end.inclusive ? "to" : "before"} ${end.text}` : ""]
      .filter(Boolean)
      .join(" ");
    result.expected = `number of ${spec.kind} events${period ? ` ${period}` : ""} ${describeComparison(read.comparison)}`;
    if (start === "unresolved" || end === "unresolved") {
      result.found = "a date of the period cannot be resolved";
      return result;
    }
    const events = eventsOfKind(spec.kind, scope);
    const inside = (e: KnownEvent): Truth => {
      const days = e.date ? asTypedDate(e.date).q : undefined;
      return and(afterStart(e.event, days, start), beforeEnd(e.event, days, end));
    };
    const certain = events.filter((e) => inside(e) === true);
    const possible = events.filter((e) => inside(e) === undefined);
    const witnesses: Candidate[] = [];
    const complete = completeness(events, start, end, path, scope, witnesses);
    const contradicted = complete !== undefined && certain.some((e) => !complete.has(e.event));
    const upper = complete && !contradicted ? new Set([...complete].filter((id) => inside(events.find((e) => e.event === id) ?? { event: id, facts: [] }) !== false)).size : Infinity;
    const lower = certain.length;
    const amount: Quantity = { low: lower, high: Math.max(lower, upper), lowOpen: false, highOpen: false };
    const outcome = testComparison({ kind: "quantity", q: amount }, read.comparison, {});
    for (const e of [...certain, ...possible]) scope.used.add(e.facts[0]!.fact);
    result.evidence = evidenceOf([...certain, ...possible].flatMap((e) => e.facts), scope);
    append(result.evidence, evidenceOf(witnesses, scope));
    const listed = certain.length ? ` (${certain.map((e) => e.event).join(", ")})` : "";
    const maybe = possible.length ? `; perhaps also ${possible.map((e) => e.event).join(", ")}` : "";
    const bound =
      upper === Infinity
        ? contradicted
          ? "; the sources' statements of which event came before disagree with the recorded events, so the count has no upper bound"
          : "; no cited source states that there were no others, so the count has no upper bound"
        : "";
    result.found = `${lower}${listed}${maybe}${bound}`;
    result.verdict = verdictOf(outcome.truth);
    return result;
  },
  references(spec, path) {
    const refs: Reference[] = [{ kind: "event-kind", id: spec.kind, path: [...path, "kind"] }];
    for (const key of ["from", "to", "after", "before"] as const) refs.push(...dateReferences(spec[key], [...path, key]));
    return refs;
  },
};

/**
 * The events of the kind between the period's ends, when cited sources account for all of
 * them: a chain of "X came before Y" statements that reaches from an event at or past the
 * period's end down to one at or before its start. Undefined when there is no such chain.
 */
function completeness(events: KnownEvent[], start: End | undefined, end: End | undefined, path: DocPath, scope: Scope, witnesses: Candidate[]): Set<string> | undefined {
  if (!start || !end) return undefined;
  const dated = new Map(events.map((e) => [e.event, e]));
  const daysOf = (id: string) => {
    const date = dated.get(id)?.date;
    return date ? asTypedDate(date).q : undefined;
  };
  // The chain's top must lie at or past the period's last day, its bottom at or before the first.
  const lastDay = end.event !== undefined || end.inclusive ? end.days.q.high : end.days.q.low;
  const firstDay = start.event !== undefined || start.inclusive ? start.days.q.low : start.days.q.high;
  const pastEnd = (id: string): boolean => {
    const days = daysOf(id);
    return end.event === id || (days !== undefined && relate(days, "gte", point(lastDay)) === true);
  };
  const beforeStart = (id: string): boolean => {
    const days = daysOf(id);
    return start.event === id || (days !== undefined && relate(days, "lte", point(firstDay)) === true);
  };
  const tops = [...(end.event && !dated.has(end.event) ? [end.event] : []), ...events.map((e) => e.event)].filter(pastEnd);
  for (const top of tops) {
    const chain = new Set<string>([top]);
    const used: Candidate[] = [];
    let current = top;
    while (!beforeStart(current)) {
      const link = statedPrevious(current, path, scope);
      if (!link || chain.has(link.previous)) break;
      append(used, link.witness);
      chain.add(link.previous);
      current = link.previous;
    }
    if (beforeStart(current)) {
      append(witnesses, used);
      return chain;
    }
  }
  return undefined;
}
