import type { DocPath } from "../../model/position.js";
import type { PartResult } from "../../model/result.js";
import type { AssertPart } from "../../project/types.js";
import type { Scope } from "../scope.js";
import { combine } from "../truth.js";

/** Evaluates the parts of an `all` or `any` group and combines their verdicts (src/assert/truth.ts). */
export function evaluateGroup(kind: "all" | "any", parts: AssertPart[], path: DocPath, scope: Scope): PartResult {
  const results = parts.map((p, i) => scope.evaluatePart(p, [...path, i]));
  const verdict = combine(kind, results.map((r) => r.verdict));
  const tally = (["supported", "refuted", "mixed", "unverifiable"] as const)
    .map((v) => [v, results.filter((r) => r.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`)
    .join(", ");
  const n = parts.length;
  return {
    kind,
    expected: kind === "all" ? (n === 1 ? "its one part holds" : `all ${n} parts hold`) : n === 1 ? "its one part holds" : `any of ${n} parts holds`,
    found: tally,
    verdict,
    evidence: [],
    later: [],
    parts: results,
  };
}
