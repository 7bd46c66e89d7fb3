import { closestPassage, findQuote } from "../text/find-quote.js";
import type { Rule } from "./types.js";

/** A long passage cut to a few words either side of the word that differs. */
function around(passage: string, word: string | undefined, reach = 6): string {
  const words = passage.split(" ");
  if (words.length <= reach * 2 + 2) return passage;
  const at = Math.max(0, word === undefined ? 0 : words.indexOf(word));
  const from = Math.max(0, at - reach);
  const to = Math.min(words.length, at + reach + 1);
  return `${from > 0 ? "… " : ""}${words.slice(from, to).join(" ")}${to < words.length ? " …" : ""}`;
}

/** Every quote stands, verbatim under the documented normalisation, in its source. */
export const quoteFound: Rule = {
  id: "quote-found",
  description: "Every quote is found in its source's excerpts or stored snapshot.",
  defaultSeverity: "error",
  messages: {
    notFound: 'quote not found in source "{source}"{closest}',
    contextMismatch: 'quote found in source "{source}", but not with the given prefix or suffix',
  },
  check({ index, report }) {
    for (const claim of index.claims) {
      (claim.data.citations ?? []).forEach((citation, i) => {
        const source = index.sources.get(citation.source);
        if (!source) return; // source-exists reports it
        const texts = (source.data.excerpts ?? []).map((e) => e.text);
        if (source.snapshot?.ok) texts.push(source.snapshot.text);
        const quote = { exact: citation.quote, prefix: citation.prefix, suffix: citation.suffix };
        if (texts.some((text) => findQuote(text, quote))) return;
        const at = { doc: claim.doc, path: ["citations", i, "quote"] };
        if ((citation.prefix || citation.suffix) && texts.some((text) => findQuote(text, { exact: citation.quote }))) {
          report({ messageId: "contextMismatch", data: { source: citation.source }, at });
          return;
        }
        const closest = closestPassage(texts, citation.quote);
        const differs = closest?.differs ? ` (quote has "${closest.differs.quote}" where the source has "${closest.differs.passage}")` : "";
        const shown = closest ? around(closest.passage, closest.differs?.passage) : "";
        report({
          messageId: "notFound",
          data: {
            source: citation.source,
            passage: closest?.passage,
            closest: closest ? `; closest passage: "${shown}"${differs}` : "",
          },
          at,
        });
      });
    }
  },
};
