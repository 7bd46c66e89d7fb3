import { didYouMean } from "../text/suggest.js";
import type { Rule } from "./types.js";

/** Every fact is backed by an excerpt of its own source. */
export const excerptExists: Rule = {
  id: "excerpt-exists",
  description: "Every fact names an excerpt of its own source that backs it.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    unknownExcerpt: 'fact "{fact}" names excerpt "{excerpt}", which this source does not have{hint}',
  },
  check({ index, report }) {
    for (const source of index.sourceList) {
      const ids = (source.data.excerpts ?? []).map((e) => e.id);
      for (const fact of source.facts) {
        if (ids.includes(fact.record.excerpt)) continue;
        const suggestion = didYouMean(fact.record.excerpt, ids);
        report({
          messageId: "unknownExcerpt",
          data: { fact: fact.id, excerpt: fact.record.excerpt, suggestion, hint: suggestion ? ` — did you mean "${suggestion}"?` : "" },
          at: { doc: source.doc, path: ["facts", fact.index, "excerpt"] },
        });
      }
    }
  },
};
