import { OP_WORDS } from "../comparison.js";
import { attach, blank, decide, describeSelector, judge, noEvidence, typedValue, type Scope } from "../scope.js";
import { compareValues, merge, showTyped, type Op, type Typed } from "../typed.js";
import type { PartModule } from "./part.js";
import { partDate } from "./value.js";

const OPS: Record<string, Op> = { eq: "equals", ne: "not-equals", lt: "lt", lte: "lte", gt: "gt", gte: "gte" };

export const compare: PartModule<"compare"> = {
  kind: "compare",
  description: "Two statements' values compared (eq, ne, lt, lte, gt, gte), the right one optionally multiplied (times).",
  example: "compare: { left: { subject: iss, property: mass }, op: gt, times: 3, right: { subject: mir, property: mass } }",
  evaluate(spec, path, scope) {
    const times = spec.times !== undefined ? `${spec.times} × ` : "";
    const expected = `${describeSelector(spec.left)} ${OP_WORDS[spec.op] ?? spec.op} ${times}${describeSelector(spec.right)}`;
    const result = blank("compare", expected, "");
    const at = partDate(spec.at, path, scope);
    const left = decide(spec.left, undefined, [...path, "left"], scope, at.date);
    const right = decide(spec.right, undefined, [...path, "right"], scope, at.date);
    attach(result, left, scope);
    attach(result, right, scope);
    if (left.chosen.length === 0 || right.chosen.length === 0) {
      const missing = left.chosen.length === 0 ? "left" : "right";
      result.found = `${missing}: ${noEvidence(missing === "left" ? left : right, scope)}`;
      return result;
    }
    const options = { anyYear: spec["currency-year"] === "any", times: spec.times };
    const rightValues = right.chosen.map((c) => typedValue(c, scope)).filter((t): t is Typed => t !== undefined);
    let rightShared: Typed | undefined = rightValues[0];
    for (const t of rightValues.slice(1)) rightShared = rightShared && merge(rightShared, t);
    // Sources that disagree on the right side decide only where each of their values gives the same answer.
    const sides = rightShared ? [rightShared] : rightValues;
    const judgements = sides.map((r) => ({ r, judged: judge(left, scope, (l) => compareValues(l, OPS[spec.op]!, r, options)) }));
    const verdicts = new Set(judgements.map((j) => j.judged.verdict));
    const first = judgements[0]!;
    result.verdict = verdicts.size === 1 ? first.judged.verdict : "mixed";
    result.found = judgements.map((j) => `${j.judged.found} against ${times}${showTyped(j.r)}`).join("; ");
    if (!rightShared) result.found = `sources disagree on the right: ${result.found}`;
    return result;
  },
  references: (spec, path) => [
    { kind: "selector", selector: spec.left, path: [...path, "left"] },
    { kind: "selector", selector: spec.right, path: [...path, "right"] },
  ],
};
