import type { Rule } from "./types.js";

/** An assertion may only lean on the sources its claim cites. */
export const citedFactsOnly: Rule = {
  id: "cited-facts-only",
  description: "An assertion uses only facts of sources the claim cites.",
  scope: "claim",
  defaultSeverity: "error",
  messages: {
    uncitedFact: 'fact "{ref}" belongs to source "{source}", which this claim does not cite',
    uncitedOnly: 'no cited source states {subject} {property}; {sources} does — cite it, or the part cannot be decided',
  },
  check({ index, claims, evaluations, report }) {
    for (const claim of claims) {
      const evaluation = evaluations.get(claim.id);
      if (!evaluation || evaluation.claimId !== claim.id) continue;
      // A citation of a missing or broken source is source-exists' finding; what follows from it is not ours.
      if ((claim.data.citations ?? []).some((c) => !index.sources.has(c.source))) continue;
      for (const problem of evaluation.problems) {
        const at = { doc: claim.doc, path: problem.path };
        if (problem.kind === "uncited-fact") report({ messageId: "uncitedFact", data: { ref: problem.ref, source: problem.source }, at });
        if (problem.kind === "uncited-only") {
          report({
            messageId: "uncitedOnly",
            data: { subject: problem.subject, property: problem.property, sources: problem.sources.join(", ") },
            at,
          });
        }
      }
    }
  },
};
