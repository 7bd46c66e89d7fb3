import type { DocPath } from "../../model/position.js";
import type { ValuePart } from "../../project/types.js";
import { COMPARISON_KEYS, describeComparison, literalProblem, literalsOf, readComparison, testComparison } from "../comparison.js";
import { asTypedDate, resolveDate } from "../dates.js";
import { attach, blank, decide, describeSelector, judge, noEvidence, propertyOf, type Scope } from "../scope.js";
import type { Typed } from "../typed.js";
import { dateReferences, type PartModule, type Reference } from "./part.js";

/** The date a part names with `at`, as days; undefined when it names none (the claim's as-of date then). */
export function partDate(at: ValuePart["at"], path: DocPath, scope: Scope): { date?: Typed; text?: string } {
  if (at === undefined) return {};
  const resolved = resolveDate(at, [...path, "at"], scope);
  return resolved.date ? { date: asTypedDate(resolved.date), text: resolved.text } : { text: resolved.text };
}

export const value: PartModule<"value"> = {
  kind: "value",
  description: "A statement's value against a literal: equals, not-equals, in, a range (gt/gte with lt/lte), or about with a tolerance.",
  example: "value: { subject: iss, property: mass, gte: { amount: 400, unit: t }, lte: { amount: 450, unit: t } }",
  evaluate(spec, path, scope) {
    const read = readComparison(spec as Record<string, unknown>, COMPARISON_KEYS);
    const target = describeSelector(spec);
    if ("problem" in read) {
      scope.problems.push({ kind: "bad-part", path, part: "value", detail: read.problem });
      return blank("value", target, "no comparison given");
    }
    const comparison = read.comparison;
    const at = partDate(spec.at, path, scope);
    const result = blank("value", `${target} ${describeComparison(comparison)}${at.text ? ` at ${at.text}` : ""}`, "");
    if (spec.at !== undefined && !at.date) {
      result.found = at.text ?? "no date";
      return result;
    }
    const decision = decide(spec, undefined, path, scope, at.date);
    attach(result, decision, scope);
    const propertyId = spec.property ?? decision.chosen[0]?.statement.property;
    const property = propertyOf(scope, propertyId);
    if (property?.multiple) {
      scope.problems.push({ kind: "bad-part", path, part: "value", detail: `${propertyId} has several values: test it with a members part (includes, equals, size)` });
      result.found = "a multi-valued property";
      return result;
    }
    const context = { property, asOfYear: scope.asOf?.year, anyYear: spec["currency-year"] === "any" };
    const problem = literalProblem(comparison, context);
    if (problem && propertyId !== undefined) {
      const key = Array.isArray(problem.key) ? problem.key : [problem.key];
      scope.problems.push({ kind: "bad-literal", path: [...path, ...key], property: propertyId, detail: problem.detail });
      result.found = `the literal does not fit ${propertyId}: not compared`;
      return result;
    }
    if (decision.chosen.length === 0) {
      result.found = noEvidence(decision, scope);
      return result;
    }
    const judged = judge(decision, scope, (v) => testComparison(v, comparison, context));
    result.found = judged.found;
    result.verdict = judged.verdict;
    return result;
  },
  references(spec, path) {
    const refs: Reference[] = [{ kind: "selector", selector: spec, path }, ...dateReferences(spec.at, [...path, "at"])];
    const read = readComparison(spec as Record<string, unknown>);
    if ("comparison" in read) {
      for (const { key, literal } of literalsOf(read.comparison)) {
        refs.push({ kind: "literal", value: literal, selector: spec, path: [...path, ...(Array.isArray(key) ? key : [key])] });
      }
    }
    return refs;
  },
};
