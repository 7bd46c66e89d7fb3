import type { DocPath } from "../../model/position.js";
import type { PartResult } from "../../model/result.js";
import type { DateRef, FactSelector } from "../../project/types.js";
import { compareDates, fallsIn, formatPartialDate, parsePartialDate } from "../../time/partial-date.js";
import { resolveDate } from "../dates.js";
import { eventsOfKind } from "../events.js";
import { append, blank, decide, describeRef, evidenceOf, judge, noEvidence, type Scope } from "../scope.js";
import { showValue } from "../values.js";

/**
 * `first-since` and `last-before`: an event is the first of its kind since a date or an
 * event, or the last before another event. "None in between" needs a witness: a cited
 * source that states which event came before (docs/assertions.md).
 */
export function evaluatePrevious(
  kind: "first-since" | "last-before",
  spec: { event: string; kind: string; since?: DateRef; before?: FactSelector },
  path: DocPath,
  scope: Scope,
): PartResult {
  // first-since: `event` is the later one; last-before: `before` names the later one.
  const later = kind === "first-since" ? spec.event : spec.before?.event;
  const expected =
    kind === "first-since"
      ? `${spec.event} is the first ${spec.kind} since ${spec.since === undefined ? "?" : describeRef(spec.since)}`
      : `${spec.event} is the last ${spec.kind} before ${later ?? "?"}`;
  const result = blank(kind, expected, "");
  if (!later) {
    scope.problems.push({ kind: "bad-part", path, part: kind, detail: "before needs an event: { event: id }" });
    result.found = "no later event named";
    return result;
  }
  const laterDate = resolveDate({ event: later }, path, scope);
  const witness = decide({ event: later }, "previous", path, scope);
  append(result.evidence, evidenceOf(laterDate.decision?.chosen ?? [], scope), evidenceOf(witness.chosen, scope));
  append(result.later, evidenceOf(laterDate.decision?.later ?? [], scope), evidenceOf(witness.later, scope));
  if (!laterDate.date) {
    result.found = laterDate.conflict ? laterDate.text : `date of ${later}: ${laterDate.decision ? noEvidence(laterDate.decision, scope) : "none"}`;
    if (laterDate.conflict) result.verdict = "mixed";
    return result;
  }
  if (witness.chosen.length === 0) {
    result.found = `no cited source states which ${spec.kind} came before ${later}`;
    return result;
  }
  const stated = judge(witness, scope, () => ({ truth: true }));
  if (stated.value?.kind !== "plain") {
    const sides = witness.chosen.map((c) => `${c.fact.source} says ${showValue(c.statement.value as string)}`).join("; ");
    result.found = stated.value ? `${later} previous: ${stated.found}` : `sources disagree on which ${spec.kind} came before ${later}: ${sides}`;
    result.verdict = stated.value ? "unverifiable" : "mixed";
    return result;
  }
  const previous = String(stated.value.value);
  const previousDate = resolveDate({ event: previous }, path, scope);
  append(result.evidence, evidenceOf(previousDate.decision?.chosen ?? [], scope));
  append(result.later, evidenceOf(previousDate.decision?.later ?? [], scope));
  if (!previousDate.date) {
    result.found = `previous ${spec.kind} is ${previous}; its date: ${previousDate.decision ? noEvidence(previousDate.decision, scope) : "none"}`;
    if (previousDate.conflict) result.verdict = "mixed";
    return result;
  }
  const pDate = previousDate.date;
  const lDate = laterDate.date;
  result.found = `previous ${spec.kind}: ${previous} (${formatPartialDate(pDate)})`;
  if (kind === "last-before" && previous !== spec.event) {
    result.verdict = "refuted";
    return result;
  }
  if (kind === "first-since") {
    const decisive = () => {
      // The previous event's date decides: name it first.
      const own = previousDate.decision?.chosen ?? [];
      result.evidence = [...evidenceOf(own, scope), ...result.evidence.filter((e) => !own.some((c) => c.fact.id === e.fact && c.fact.source === e.source))];
    };
    const since = spec.since!;
    if (typeof since === "object") {
      // Since an event: the previous one of the kind is that event, or came before it.
      const sinceDate = resolveDate(since, [...path, "since"], scope);
      append(result.evidence, evidenceOf(sinceDate.decision?.chosen ?? [], scope));
      if (previous !== since.event) {
        if (!sinceDate.date) {
          result.found += `; ${sinceDate.text}`;
          result.verdict = sinceDate.conflict ? "mixed" : "unverifiable";
          return result;
        }
        const order = compareDates(pDate, sinceDate.date);
        if (order >= 0) {
          decisive();
          result.found += `; ${sinceDate.text}`;
          result.verdict = order > 0 ? "refuted" : "unverifiable";
          return result;
        }
      }
    } else {
      const inYear = fallsIn(pDate, parsePartialDate(since)!);
      if (inYear !== true) {
        decisive();
        result.verdict = inYear === "unknown" ? "unverifiable" : "refuted";
        return result;
      }
    }
  }
  const between = eventsOfKind(spec.kind, scope).filter(
    (e) => e.event !== previous && e.event !== later && e.date && compareDates(e.date, pDate) > 0 && compareDates(e.date, lDate) < 0,
  );
  if (between.length > 0) {
    result.evidence = [...evidenceOf(between.flatMap((e) => e.facts), scope), ...result.evidence];
    result.found += `; but ${between.map((e) => `${e.event} (${formatPartialDate(e.date!)})`).join(", ")} came in between`;
    result.verdict = "refuted";
    return result;
  }
  result.verdict = "supported";
  return result;
}
