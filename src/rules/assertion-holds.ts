import { partModule } from "../assert/parts/index.js";
import { judgeClaim, type ClaimStanding } from "../assert/evidence-standard.js";
import type { PartResult, Verdict } from "../model/result.js";
import type { Locator, Report, Rule, RuleContext } from "./types.js";

/** Leaves of an evaluated part, depth first. */
export function leavesOf(part: PartResult): PartResult[] {
  return part.parts ? part.parts.flatMap(leavesOf) : [part];
}

/** Parts of an evaluated tree, depth first, with their paths under `assert`. */
function withPaths(part: PartResult, path: Array<string | number>): Array<{ part: PartResult; path: Array<string | number> }> {
  const own = { part, path };
  if (!part.parts) return [own];
  return [own, ...part.parts.flatMap((p, i) => withPaths(p, [...path, part.kind, i]))];
}

function describePart(part: PartResult): string {
  return part.id ?? part.label ?? part.kind;
}

/** The verdict the claim declares follows from the facts its cited sources state. */
export const assertionHolds: Rule = {
  id: "assertion-holds",
  description: "The verdict derived from the claim's assertion over its cited sources equals the declared verdict.",
  scope: "claim",
  defaultSeverity: "error",
  messages: {
    noAssertion: 'claim "{claim}" has no assert; its verdict cannot be derived from the sources',
    mixedNeedsExpect: "a mixed claim says which of its parts hold: give part {part} an expect (it is {verdict} now)",
    mismatch: "declared {declared}, but the cited facts give {derived}: {part} expected {expected}, found {found}{decidedBy}",
    partMismatch: "part {part} was expected to be {expect}, but is {verdict}: expected {expected}, found {found}{decidedBy}",
    badPart: "assertion part {detail}",
    badPartOfKind: "this {part} part {detail} — a {part} part looks like: {example}",
    unknownFact: 'no fact "{ref}"',
    evidence: "{statement} — {source}#{fact}",
  },
  check(context) {
    const { index, claims, evaluations, report } = context;
    for (const claim of claims) {
      const evaluation = evaluations.get(claim.id);
      if (!evaluation || evaluation.claimId !== claim.id) {
        if (!claim.data.assert) report({ messageId: "noAssertion", data: { claim: claim.id }, at: { doc: claim.doc, path: ["verdict"] } });
        continue;
      }
      for (const problem of evaluation.problems) {
        if (problem.kind === "bad-part") {
          const at = { doc: claim.doc, path: problem.path };
          if (problem.part) report({ messageId: "badPartOfKind", data: { part: problem.part, detail: problem.detail, example: partModule(problem.part).example }, at });
          else report({ messageId: "badPart", data: { detail: problem.detail }, at });
        }
        if (problem.kind === "unknown-fact") report({ messageId: "unknownFact", data: { ref: problem.ref }, at: { doc: claim.doc, path: problem.path } });
      }
      const declared = claim.data.verdict;
      if (declared === "mixed") {
        // "Mixed" alone would survive one part flipping; each part's own expectation pins it down.
        const group = claim.data.assert?.all ? "all" : claim.data.assert?.any ? "any" : undefined;
        (evaluation.part.parts ?? []).forEach((part, i) => {
          if (group === undefined || part.expect !== undefined) return;
          report({
            messageId: "mixedNeedsExpect",
            data: { part: describePart(part), verdict: part.verdict },
            at: { doc: claim.doc, path: ["assert", group, i] },
          });
        });
      }
      // Facts that point one way on evidence short of the project's standard make a claim, or
      // part, unverifiable (docs/rules/evidence-sufficiency.md): declaring that is no mismatch.
      // Judged only when a verdict differs: most claims never need it.
      let judged: { standard?: ClaimStanding } | undefined;
      const standard = () => (judged ??= { standard: context.evidence ? judgeClaim(claim, evaluation.part, index, context.evidence) : undefined }).standard;
      const isShort = (part: PartResult) => standard()?.parts.some((p) => p.part === part && !p.judgement.sufficient) ?? false;
      if (evaluation.derived !== declared && standard()?.derived !== declared) {
        const decisive = decisiveLeaf(evaluation.part, declared);
        report({
          messageId: "mismatch",
          data: { declared, derived: evaluation.derived, ...explain(decisive) },
          at: { doc: claim.doc, path: ["verdict"] },
          related: evidenceLocators(context, decisive),
        });
      }
      for (const { part, path } of withPaths(evaluation.part, ["assert"])) {
        if (part.expect === undefined || part.expect === part.verdict || part === evaluation.part) continue;
        if (part.expect === "unverifiable" && isShort(part)) continue;
        report({
          messageId: "partMismatch",
          data: { expect: part.expect, verdict: part.verdict, ...explain(part) },
          at: { doc: claim.doc, path: [...path, "expect"] },
          related: evidenceLocators(context, part),
        });
      }
    }
  },
};

/** The leaf that best explains why the derived verdict is not the declared one. */
function decisiveLeaf(root: PartResult, declared: Verdict): PartResult {
  const leaves = leavesOf(root);
  const wanted: Verdict = declared === "mixed" ? "supported" : declared;
  return leaves.find((l) => l.verdict !== wanted && l.expect === undefined) ?? leaves.find((l) => l.verdict !== wanted) ?? root;
}

function explain(part: PartResult): Record<string, string> {
  const first = part.evidence[0];
  return {
    part: describePart(part),
    expected: part.expected,
    found: part.found,
    source: first?.source ?? "",
    fact: first?.fact ?? "",
    decidedBy: first ? ` (decided by ${first.source}#${first.fact}${first.excerpt ? `: "${first.excerpt}"` : ""})` : "",
  };
}

function evidenceLocators(context: RuleContext, part: PartResult): NonNullable<Report["related"]> {
  const out: NonNullable<Report["related"]> = [];
  for (const ref of part.evidence) {
    const source = context.index.sources.get(ref.source);
    const fact = source?.facts.find((f) => f.id === ref.fact);
    if (!source || !fact) continue;
    const at: Locator = { doc: source.doc, path: ["facts", fact.index] };
    out.push({ messageId: "evidence", data: { statement: ref.statement, source: ref.source, fact: ref.fact }, at });
  }
  return out;
}
