import type { Verdict } from "../model/result.js";
import { modeline, yamlIdList, yamlString } from "./yaml-text.js";

export interface ClaimFields {
  id: string;
  text: string;
  /** Date at its precision: YYYY, YYYY-MM or YYYY-MM-DD. */
  asOf: string;
  verdict: Verdict;
  /** Why the sources give the verdict; a TODO placeholder when not given. */
  rationale?: string;
  /** Each cited source, its quote (a placeholder when not given), and the ids of its facts the claim relies on. */
  citations: Array<{ source: string; quote?: string; facts?: string[] }>;
  /** Path from the new file to the claim schema, for the modeline. */
  schemaPath: string;
}

/** Placeholder text for a quote not given: it can never be found in a source, so quote-found fails until it is replaced. */
export const QUOTE_PLACEHOLDER = "TODO: paste the exact words of the source that support the claim";
export const RATIONALE_PLACEHOLDER = "TODO: say in a sentence or two why the cited sources give this verdict.";

/**
 * A new claim file: valid against the claim schema, with a comment on each field. What only
 * the contributor can supply (a missing quote, the assert) is left for the rules to ask for:
 * quote-found and no-placeholder fail on a placeholder quote, no-placeholder on a placeholder
 * rationale, assertion-holds on the missing assert.
 */
export function renderClaim(fields: ClaimFields): string {
  const lines = [
    modeline(fields.schemaPath),
    "# A claim: one checkable statement of the article, the verdict, and the sources that decide it.",
    "# Fields: docs/data-model.md. The assert vocabulary: docs/assertions.md.",
    "",
    "# Equals the file name. Lowercase letters, digits and hyphens.",
    `id: ${fields.id}`,
    "# The statement as the article makes it, verbatim: claim-in-article finds it in the article's text.",
    `text: ${yamlString(fields.text)}`,
    "# When the claim was made (the article's date). Facts dated later are reported, never deciding.",
    `as-of: ${yamlString(fields.asOf)}`,
    "# supported | refuted | mixed | unverifiable. assertion-holds checks it against the cited facts.",
    `verdict: ${fields.verdict}`,
    "# Why the cited sources give this verdict, for the reader of the report.",
    `rationale: ${yamlString(fields.rationale ?? RATIONALE_PLACEHOLDER)}`,
    "# At least one. Each names a source record (sources/<source-id>.yaml) and a quote that stands,",
    "# verbatim, in one of its excerpts (quote-found). Optional: prefix/suffix around the quote, and",
    "# facts: [fact-id, ...] naming the source's facts the claim relies on.",
    "citations:",
  ];
  for (const citation of fields.citations) {
    lines.push(`  - source: ${citation.source}`);
    lines.push(`    quote: ${yamlString(citation.quote ?? QUOTE_PLACEHOLDER)}`);
    if (citation.facts?.length) lines.push(`    facts: ${yamlIdList(citation.facts)}`);
  }
  lines.push(
    "# The claim in machine-checkable form, evaluated against the facts of the cited sources only;",
    "# the verdict it derives must equal the declared one (docs/assertions.md). For example:",
    "#   assert:",
    '#     date: { event: bakanov-duffy-2025, in: "2025-07" }',
    "# or, for a statement's value:",
    "#   assert:",
    "#     value: { subject: russian-iss-segment, property: committed-until, equals: 2028 }",
    "",
  );
  return lines.join("\n");
}
