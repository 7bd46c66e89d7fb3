import type { DocPath } from "../model/position.js";
import type { PartResult } from "../model/result.js";
import type { AssertPart, Claim, ProjectIndex } from "../project/types.js";
import { parsePartialDate } from "../time/partial-date.js";
import { PART_KINDS, partModule } from "./parts/index.js";
import { blank, type Evaluation, type Scope } from "./scope.js";

export type { AssertProblem, Evaluation } from "./scope.js";

/** Evaluates a claim's `assert` against the facts of its cited sources, as of its `as-of` date. */
export function evaluateClaim(claim: Claim, index: ProjectIndex): Evaluation | undefined {
  const assertion = claim.data.assert;
  if (!assertion) return undefined;
  const scope: Scope = {
    claim,
    index,
    cited: new Set((claim.data.citations ?? []).map((c) => c.source)),
    asOf: parsePartialDate(claim.data["as-of"]),
    used: new Set(),
    problems: [],
    evaluatePart: (part, path) => evaluatePart(part, path, scope),
  };
  const part = evaluatePart(assertion, ["assert"], scope);
  const used = [...scope.used].sort((a, b) => (a.source === b.source ? a.index - b.index : a.source < b.source ? -1 : 1));
  return { claimId: claim.id, part, derived: part.verdict, used, problems: scope.problems };
}

/** Finds the part's kind and hands it to that kind's module (src/assert/parts/<kind>.ts). */
function evaluatePart(part: AssertPart, path: DocPath, scope: Scope): PartResult {
  const kinds = PART_KINDS.filter((k) => (part as Record<string, unknown>)[k] !== undefined);
  let result: PartResult;
  if (kinds.length !== 1) {
    const detail = kinds.length === 0 ? `needs one of ${PART_KINDS.join(", ")}` : `has ${kinds.join(" and ")}; one part checks one thing`;
    scope.problems.push({ kind: "bad-part", path, detail });
    result = blank("all", "a well-formed part", detail);
  } else {
    const kind = kinds[0]!;
    const spec = (part as Record<string, unknown>)[kind] as never;
    result = partModule(kind).evaluate(spec, [...path, kind], scope);
  }
  if (part.id !== undefined) result.id = part.id;
  if (part.label !== undefined) result.label = part.label;
  if (part.expect !== undefined) result.expect = part.expect;
  result.at = scope.claim.doc.locate(path);
  return result;
}
