import { closestPassage, findQuote } from "../text/find-quote.js";
import type { Rule } from "./types.js";

/** Most characters of a source's text a hint shows: a quote's neighbourhood, never a file. */
export const HINT_CHARS = 160;
/** Most characters of one word a hint shows. */
const WORD_CHARS = 40;

/** A long passage cut to a few words either side of the word that differs, and to HINT_CHARS. */
function around(passage: string, word: string | undefined, reach = 6): string {
  const words = passage.split(" ");
  const whole = words.length <= reach * 2 + 2;
  const at = Math.max(0, word === undefined ? 0 : words.indexOf(word));
  const from = whole ? 0 : Math.max(0, at - reach);
  const to = whole ? words.length : Math.min(words.length, at + reach + 1);
  let shown = words.slice(from, to).map(shortWord).join(" ");
  let cut = to < words.length;
  if (shown.length > HINT_CHARS) {
    shown = shown.slice(0, HINT_CHARS);
    const code = shown.charCodeAt(shown.length - 1);
    if (code >= 0xd800 && code <= 0xdbff) shown = shown.slice(0, -1);
    cut = true;
  }
  return `${from > 0 ? "… " : ""}${shown}${cut ? " …" : ""}`;
}

/** A word longer than WORD_CHARS, cut with an ellipsis (a "word" is anything between spaces). */
function shortWord(word: string): string {
  if (word.length <= WORD_CHARS) return word;
  const code = word.charCodeAt(WORD_CHARS - 1);
  return `${word.slice(0, code >= 0xd800 && code <= 0xdbff ? WORD_CHARS - 1 : WORD_CHARS)}…`;
}

/** Every quote stands, verbatim under the documented normalisation, in its source. */
export const quoteFound: Rule = {
  id: "quote-found",
  description: "Every quote is found in its source's excerpts or stored snapshot.",
  defaultSeverity: "error",
  messages: {
    notFound: 'quote not found in source "{source}"{closest}',
    notFoundNoHint:
      'quote not found in source "{source}"; no closest passage is shown: comparing the quote with the source went past the search limit',
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
        if (closest && "gaveUp" in closest) {
          report({ messageId: "notFoundNoHint", data: { source: citation.source }, at });
          return;
        }
        const differs = closest?.differs
          ? ` (quote has "${shortWord(closest.differs.quote)}" where the source has "${shortWord(closest.differs.passage)}")`
          : "";
        // Only the window shown goes into the finding's data too: a source's text (a snapshot may
        // be any file of the repository) never reaches a report beyond a quote's neighbourhood.
        const shown = closest ? around(closest.passage, closest.differs?.passage) : undefined;
        report({
          messageId: "notFound",
          data: {
            source: citation.source,
            passage: shown,
            closest: closest ? `; closest passage: "${shown}"${differs}` : "",
          },
          at,
        });
      });
    }
  },
};
