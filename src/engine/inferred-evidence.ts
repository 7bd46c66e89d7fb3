import type { EvidenceRef, PartResult } from "../model/result.js";
import type { ProjectIndex } from "../project/types.js";

/**
 * A claim's evaluation with each piece of evidence that its source marks as an inference
 * (`grounding` on the fact) carrying the inferred fields and the reason, so every report can
 * show the fact as an inference beside its excerpt. The evaluation itself is shared and stays
 * unchanged: this returns copies.
 */
export function markInferences(part: PartResult, index: ProjectIndex): PartResult {
  const mark = (refs: EvidenceRef[]): EvidenceRef[] =>
    refs.map((ref) => {
      const grounding = index.sources.get(ref.source)?.facts.find((f) => f.id === ref.fact)?.record.grounding;
      return grounding ? { ...ref, inferred: { fields: [...grounding.inferred], reason: grounding.reason } } : ref;
    });
  const marked: PartResult = { ...part, evidence: mark(part.evidence), later: mark(part.later) };
  if (part.parts) marked.parts = part.parts.map((child) => markInferences(child, index));
  return marked;
}
