import type { Verdict } from "../../model/result.js";
import type { CountComparisons, Literal, MembersPart } from "../../project/types.js";
import { describeComparison, readComparison, testComparison } from "../comparison.js";
import type { Quantity } from "../quantity.js";
import { attach, blank, decide, describeSelector, noEvidence, propertyOf, type Candidate } from "../scope.js";
import { and, not, verdictOf, type Truth } from "../truth.js";
import { sameValue, showValue } from "../values.js";
import { dateReferences, type PartModule, type Reference } from "./part.js";
import { partDate } from "./value.js";

const TESTS = ["includes", "excludes", "equals", "size"] as const;

/** What the statements say the values are: some of them for certain, and all of them where a source gives the whole list. */
interface Values {
  known: Literal[];
  /** The whole list, where a source states it (`complete: true`); undefined otherwise. */
  complete?: Literal[];
  /** Two sources give different whole lists. */
  conflict?: string;
}

function itemsOf(c: Candidate): Literal[] {
  const v = c.statement.value;
  return Array.isArray(v) ? v : [v as Literal];
}

function union(lists: Literal[][]): Literal[] {
  const out: Literal[] = [];
  for (const item of lists.flat()) if (!out.some((o) => sameValue(o, item))) out.push(item);
  return out;
}

function sameSet(a: Literal[], b: Literal[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => sameValue(x, y))) && b.every((y) => a.some((x) => sameValue(x, y)));
}

function valuesOf(candidates: Candidate[]): Values {
  const known = union(candidates.map(itemsOf));
  const wholes = candidates.filter((c) => c.fact.record.complete === true && Array.isArray(c.statement.value));
  if (wholes.length === 0) return { known };
  const first = itemsOf(wholes[0]!);
  const other = wholes.find((w) => !sameSet(itemsOf(w), first));
  if (other) {
    return { known, conflict: `${wholes[0]!.fact.source} lists ${showValue(first)}, ${other.fact.source} lists ${showValue(itemsOf(other))}` };
  }
  // A value stated elsewhere but missing from the whole list is a disagreement too.
  const missing = known.filter((k) => !first.some((f) => sameValue(f, k)));
  if (missing.length > 0) return { known, conflict: `${wholes[0]!.fact.source} gives the whole list ${showValue(first)}, but ${showValue(missing)} is stated too` };
  return { known, complete: first };
}

function listOf(value: Literal | Literal[] | undefined): Literal[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function among(item: Literal, values: Values): Truth {
  if (values.known.some((k) => sameValue(k, item))) return true;
  if (values.complete) return false;
  return undefined;
}

function judgeMembers(spec: MembersPart, test: (typeof TESTS)[number], values: Values): Truth {
  switch (test) {
    case "includes":
      return listOf(spec.includes).reduce<Truth>((t, item) => and(t, among(item, values)), true);
    case "excludes":
      return listOf(spec.excludes).reduce<Truth>((t, item) => and(t, not(among(item, values))), true);
    case "equals": {
      const wanted = spec.equals ?? [];
      if (values.complete) return sameSet(values.complete, wanted);
      // Without the whole list, a stated value the claim leaves out still refutes it.
      if (values.known.some((k) => !wanted.some((w) => sameValue(w, k)))) return false;
      return undefined;
    }
    case "size": {
      const size: Quantity = { low: values.known.length, high: values.complete ? values.complete.length : Infinity, lowOpen: false, highOpen: false };
      const comparisons: CountComparisons = typeof spec.size === "number" ? { equals: spec.size } : (spec.size ?? {});
      const read = readComparison(comparisons as Record<string, unknown>, ["equals", "lt", "lte", "gt", "gte"]);
      return "comparison" in read ? testComparison({ kind: "quantity", q: size }, read.comparison, {}).truth : undefined;
    }
  }
}

function describeTest(spec: MembersPart, test: (typeof TESTS)[number]): string {
  switch (test) {
    case "includes":
      return `include ${showValue(listOf(spec.includes))}`;
    case "excludes":
      return `exclude ${showValue(listOf(spec.excludes))}`;
    case "equals":
      return `are exactly ${showValue(spec.equals ?? [])}`;
    case "size": {
      if (typeof spec.size === "number") return `number ${spec.size}`;
      const read = readComparison((spec.size ?? {}) as Record<string, unknown>, ["equals", "lt", "lte", "gt", "gte"]);
      return `number ${"comparison" in read ? describeComparison(read.comparison) : "?"}`;
    }
  }
}

export const members: PartModule<"members"> = {
  kind: "members",
  description: "The values of a multi-valued property (or an event's participants): includes, excludes, equals (the whole list), size.",
  example: "members: { subject: expedition-1, property: crew-member, includes: krikalev }",
  evaluate(spec, path, scope) {
    const tests = TESTS.filter((t) => spec[t] !== undefined);
    const target = describeSelector(spec);
    const result = blank("members", target, "");
    if (tests.length !== 1) {
      scope.problems.push({ kind: "bad-part", path, part: "members", detail: `needs exactly one of ${TESTS.join(", ")}` });
      result.found = "no test given";
      return result;
    }
    const test = tests[0]!;
    const at = partDate(spec.at, path, scope);
    result.expected = `${target} ${describeTest(spec, test)}${at.text ? ` at ${at.text}` : ""}`;
    const propertyId = spec.property;
    const property = propertyOf(scope, propertyId);
    if (property && !property.multiple && propertyId !== "participants") {
      scope.problems.push({ kind: "bad-part", path, part: "members", detail: `${propertyId} has one value at a time (declare it multiple: true, or test it with value)` });
      result.found = "a single-valued property";
      return result;
    }
    const decision = decide(spec, undefined, path, scope, at.date);
    attach(result, decision, scope);
    if (decision.chosen.length === 0) {
      result.found = noEvidence(decision, scope);
      return result;
    }
    const values = valuesOf(decision.chosen);
    if (values.conflict) {
      result.found = `sources disagree: ${values.conflict}`;
      result.verdict = "mixed";
      return result;
    }
    let verdict: Verdict = verdictOf(judgeMembers(spec, test, values));
    if (decision.uncertain.length > 0) {
      const wider = valuesOf([...decision.chosen, ...decision.uncertain]);
      if (wider.conflict || verdictOf(judgeMembers(spec, test, wider)) !== verdict) verdict = "unverifiable";
    }
    const whole = values.complete ? "the whole list" : "some of them";
    result.found = `${showValue(values.known)} (${whole}; ${decision.chosen.map((c) => `${c.fact.source}#${c.fact.id}`).join(", ")})`;
    result.verdict = verdict;
    return result;
  },
  references(spec, path) {
    const refs: Reference[] = [{ kind: "selector", selector: spec, path }, ...dateReferences(spec.at, [...path, "at"])];
    for (const key of ["includes", "excludes", "equals"] as const) {
      const v = spec[key];
      if (Array.isArray(v)) v.forEach((item, i) => refs.push({ kind: "literal", value: item, selector: spec, path: [...path, key, i] }));
      else if (v !== undefined) refs.push({ kind: "literal", value: v, selector: spec, path: [...path, key] });
    }
    return refs;
  },
};
