import { closestNote } from "../text/closest-note.js";
import { findQuote } from "../text/find-quote.js";
import type { Rule } from "./types.js";

/**
 * Where a source keeps a snapshot of its page, each of its excerpts stands in it. Without
 * this, an excerpt is only what a contributor typed: with it, the excerpt is checked against
 * the page as it was captured (`claimcheck capture`), under quote-found's normalisation.
 */
export const excerptInSnapshot: Rule = {
  id: "excerpt-in-snapshot",
  description: "Where a source has a stored snapshot, each of its excerpts is found in it.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    notFound: 'excerpt "{excerpt}" is not in the snapshot "{path}"{closest}',
  },
  check({ index, report }) {
    for (const source of index.sourceList) {
      const snapshot = source.snapshot;
      const declared = source.data.snapshot;
      // A snapshot that cannot be read, or is not the text its hash says, is snapshot-valid's finding.
      if (!snapshot?.ok || !declared || snapshot.sha256 !== declared.sha256) continue;
      (source.data.excerpts ?? []).forEach((excerpt, i) => {
        if (findQuote(snapshot.text, { exact: excerpt.text })) return;
        const closest = closestNote([snapshot.text], excerpt.text, { quote: "excerpt", source: "snapshot" });
        report({
          messageId: "notFound",
          data: { source: source.id, excerpt: excerpt.id, path: declared.path, passage: closest.passage, closest: closest.note },
          at: { doc: source.doc, path: ["excerpts", i, "text"] },
        });
      });
    }
  },
};
