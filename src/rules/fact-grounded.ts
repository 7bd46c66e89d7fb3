import { groundingInput, groundSources } from "../grounding/ground-sources.js";
import type { Rule } from "./types.js";

/** A fact's value, dates and who and where are recognisable in the excerpt it cites, or marked as inferred. */
export const factGrounded: Rule = {
  id: "fact-grounded",
  description: "Every fact's value, dates, subject, participants and place are stated in the excerpt it cites, or marked as inferred with a reason.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    notStated: 'fact "{fact}": {field} "{value}" is not stated in excerpt "{excerpt}"',
    notStatedNear: 'fact "{fact}": {field} "{value}" is not stated in excerpt "{excerpt}"; the nearest {shape} it states is "{closest}"',
    notNamed: 'fact "{fact}": {field} "{value}" is not named in excerpt "{excerpt}" (looked for: {names})',
    inferenceNotNeeded: 'fact "{fact}" marks {field} as inferred, but excerpt "{excerpt}" states it: take it out of grounding.inferred',
    inferredFieldMissing: 'fact "{fact}" marks {field} as inferred, but the fact has no {field}',
    blankReason: 'fact "{fact}" marks fields as inferred without saying why: give grounding.reason',
  },
  check({ index, report, grounding }) {
    // On a large project the findings were worked out on another thread while the claims were evaluated.
    const findings = grounding?.() ?? groundSources(groundingInput(index));
    for (const finding of findings) {
      const source = index.sourceList[finding.source]!;
      const fact = source.facts[finding.fact]!;
      report({ messageId: finding.messageId, data: finding.data, at: { doc: source.doc, path: ["facts", fact.index, ...finding.path] } });
    }
  },
};
