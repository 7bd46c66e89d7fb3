import type { Rule } from "./types.js";

/** A claim may not rest on a statement its own dataset ranks as wrong. */
export const deprecatedFact: Rule = {
  id: "deprecated-fact",
  description: "A claim does not rely on, or cite, a statement ranked deprecated.",
  scope: "claim",
  defaultSeverity: "error",
  messages: {
    reliesOnDeprecated: 'the assertion relies on {source}#{fact}, ranked deprecated: {reason}',
    citesDeprecated: 'citation names {source}#{fact}, ranked deprecated: {reason}',
  },
  check({ index, claims, evaluations, report }) {
    for (const claim of claims) {
      const evaluation = evaluations.get(claim.id);
      if (evaluation && evaluation.claimId === claim.id) {
        for (const problem of evaluation.problems) {
          if (problem.kind !== "deprecated") continue;
          report({
            messageId: "reliesOnDeprecated",
            data: { source: problem.fact.source, fact: problem.fact.id, reason: problem.fact.record.reason ?? "" },
            at: { doc: claim.doc, path: problem.path },
          });
        }
      }
      (claim.data.citations ?? []).forEach((citation, i) => {
        const source = index.sources.get(citation.source);
        (citation.facts ?? []).forEach((factId, j) => {
          const fact = source?.facts.find((f) => f.id === factId);
          if (fact?.rank !== "deprecated") return;
          report({
            messageId: "citesDeprecated",
            data: { source: citation.source, fact: factId, reason: fact.record.reason ?? "" },
            at: { doc: claim.doc, path: ["citations", i, "facts", j] },
          });
        });
      });
    }
  },
};
