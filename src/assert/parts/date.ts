import type { Verdict } from "../../model/result.js";
import type { FactSelector } from "../../project/types.js";
import { addYears, compareDates, fallsIn, firstDay, formatPartialDate, lastDay, parsePartialDate, type PartialDate } from "../../time/partial-date.js";
import { resolveDate, type ResolvedDate } from "../dates.js";
import { append, blank, describeRef, describeSelector, evidenceOf, type Decision } from "../scope.js";
import { dateReferences, type PartModule, type Reference } from "./part.js";

const TESTS = ["in", "before", "after", "within", "anniversary"] as const;

/** Within N days, over every day each partial date can mean. */
export function judgeWithin(a: PartialDate, b: PartialDate, days: number): Verdict {
  const widest = Math.max(Math.abs(lastDay(a) - firstDay(b)), Math.abs(lastDay(b) - firstDay(a)));
  const narrowest = Math.max(0, firstDay(a) - lastDay(b), firstDay(b) - lastDay(a));
  if (widest <= days) return "supported";
  if (narrowest > days) return "refuted";
  return "unverifiable";
}

export const date: PartModule<"date"> = {
  kind: "date",
  description: "An event's date (or a date-valued statement) is in a year or month, before or after another date, within N days of one, or on an anniversary.",
  example: 'date: { event: expedition-1-launch, anniversary: { of: { event: iss-first-module-launch }, years: 2, tolerance-days: 31 } }',
  evaluate(spec, path, scope) {
    const tests = TESTS.filter((t) => spec[t] !== undefined);
    const subject: FactSelector = { event: spec.event, subject: spec.subject, property: spec.property, fact: spec.fact };
    const result = blank("date", describeSelector(subject, spec.event !== undefined ? "date" : undefined), "");
    if (tests.length !== 1) {
      scope.problems.push({ kind: "bad-part", path, part: "date", detail: `needs exactly one of ${TESTS.join(", ")}` });
      result.found = "no test given";
      return result;
    }
    const test = tests[0]!;
    const own = resolveDate(subject, path, scope);
    const decisions: Decision[] = own.decision ? [own.decision] : [];
    let verdict: Verdict = "unverifiable";
    let expected = "";
    let found = own.text;
    const settle = (other: ResolvedDate | undefined, judgeDates: (d: PartialDate, o: PartialDate) => Verdict) => {
      if (other?.decision) decisions.push(other.decision);
      if (other?.conflict) verdict = "mixed";
      if (other && !other.date) {
        found = `${own.text}; ${other.text}`;
        return;
      }
      if (!own.date || own.conflict) {
        if (own.conflict) verdict = "mixed";
        return;
      }
      if (other && test !== "in") found = `${own.text}; ${other.text}`;
      verdict = judgeDates(own.date, other?.date ?? own.date);
    };
    switch (test) {
      case "in": {
        const period = parsePartialDate(spec.in);
        expected = `in ${String(spec.in)}`;
        settle(period ? { date: period, text: String(spec.in) } : { text: `"${String(spec.in)}" is not a date` }, (d, p) => {
          const inside = fallsIn(d, p);
          return inside === "unknown" ? "unverifiable" : inside ? "supported" : "refuted";
        });
        break;
      }
      case "before":
      case "after": {
        const other = resolveDate(spec[test]!, [...path, test], scope);
        expected = `${test} ${other.decision ? describeRef(spec[test]!) : other.text}`;
        settle(other, (d, o) => {
          const order = compareDates(d, o);
          const want = test === "before" ? -1 : 1;
          if (order === want) return "supported";
          if (order === -want) return "refuted";
          // Equal at the coarser precision: only two day-precise dates can say "not before".
          return d.precision === "day" && o.precision === "day" ? "refuted" : "unverifiable";
        });
        break;
      }
      case "within": {
        const { days, of } = spec.within!;
        const other = resolveDate(of, [...path, "within", "of"], scope);
        expected = `within ${days} days of ${other.decision ? describeRef(of) : other.text}`;
        settle(other, (d, o) => judgeWithin(d, o, days));
        break;
      }
      case "anniversary": {
        const { of, years } = spec.anniversary!;
        const tolerance = spec.anniversary!["tolerance-days"] ?? 0;
        const other = resolveDate(of, [...path, "anniversary", "of"], scope);
        expected = `${years}-year anniversary of ${describeRef(of)}${tolerance ? `, ±${tolerance} days` : ""}`;
        settle(other, (d, o) => judgeWithin(d, addYears(o, years), tolerance));
        if (other.date) found = `${own.text}; anniversary ${formatPartialDate(addYears(other.date, years))}`;
        break;
      }
    }
    result.expected = `${result.expected} ${expected}`;
    result.found = found;
    result.verdict = verdict;
    for (const d of decisions) {
      append(result.evidence, evidenceOf(d.chosen, scope));
      append(result.later, evidenceOf(d.later, scope));
    }
    return result;
  },
  references(spec, path) {
    const refs: Reference[] = [{ kind: "selector", selector: { event: spec.event, subject: spec.subject, property: spec.property, fact: spec.fact }, path }];
    refs.push(...dateReferences(spec.before, [...path, "before"]), ...dateReferences(spec.after, [...path, "after"]));
    refs.push(...dateReferences(spec.within?.of, [...path, "within", "of"]));
    if (spec.anniversary) refs.push({ kind: "selector", selector: spec.anniversary.of, path: [...path, "anniversary", "of"] });
    return refs;
  },
};
