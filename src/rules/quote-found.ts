import { closestNote } from "../text/closest-note.js";
import { citedExcerpt } from "../project/cited-excerpt.js";
import { findQuote } from "../text/find-quote.js";
import type { Rule } from "./types.js";

/** Every quote stands, verbatim under the documented normalisation, in its source. */
export const quoteFound: Rule = {
  id: "quote-found",
  description: "Every quote is found in its source's excerpts or stored snapshot.",
  scope: "claim",
  defaultSeverity: "error",
  messages: {
    notFound: 'quote not found in source "{source}"{closest}',
    notFoundNoHint:
      'quote not found in source "{source}"; no closest passage is shown: comparing the quote with the source went past the search limit',
    contextMismatch: 'quote found in source "{source}", but not with the given prefix or suffix',
  },
  check({ index, claims, report }) {
    for (const claim of claims) {
      (claim.data.citations ?? []).forEach((citation, i) => {
        const source = index.sources.get(citation.source);
        if (!source) return; // source-exists reports it
        if (citedExcerpt(source.data, citation)) return;
        const texts = (source.data.excerpts ?? []).map((e) => e.text);
        if (source.snapshot?.ok) texts.push(source.snapshot.text);
        const quote = { exact: citation.quote, prefix: citation.prefix, suffix: citation.suffix };
        if (source.snapshot?.ok && findQuote(source.snapshot.text, quote)) return;
        const at = { doc: claim.doc, path: ["citations", i, "quote"] };
        if ((citation.prefix || citation.suffix) && texts.some((text) => findQuote(text, { exact: citation.quote }))) {
          report({ messageId: "contextMismatch", data: { source: citation.source }, at });
          return;
        }
        const closest = closestNote(texts, citation.quote);
        if (closest.gaveUp) {
          report({ messageId: "notFoundNoHint", data: { source: citation.source }, at });
          return;
        }
        report({ messageId: "notFound", data: { source: citation.source, passage: closest.passage, closest: closest.note }, at });
      });
    }
  },
};
