import type { Rule } from "./types.js";

/** Every claim cites at least one source: an uncited claim is an opinion. */
export const citationRequired: Rule = {
  id: "citation-required",
  description: "Every claim cites at least one source.",
  scope: "claim",
  defaultSeverity: "error",
  messages: {
    missing: "claim \"{claim}\" cites no source; add a citation with a source and a quote",
  },
  check({ index, claims, report }) {
    for (const claim of claims) {
      const citations = claim.data.citations;
      if (citations === undefined || citations.length === 0) {
        report({
          messageId: "missing",
          data: { claim: claim.id },
          at: { doc: claim.doc, path: citations === undefined ? ["id"] : ["citations"], key: citations !== undefined },
        });
      }
    }
  },
};
