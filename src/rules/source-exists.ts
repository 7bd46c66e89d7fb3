import { didYouMean } from "../text/suggest.js";
import type { Rule } from "./types.js";

/** Every cited source, and every cited fact, exists. */
export const sourceExists: Rule = {
  id: "source-exists",
  description: "Every source a claim or article map names exists, and so does every fact a citation names.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    unknownSource: 'no source "{source}"{hint}',
    invalidSource: 'source "{source}" is invalid ({file}:{line}:{column}): its facts were not loaded',
    unknownFact: 'source "{source}" has no fact "{fact}"{hint}',
    unknownArticleSource: 'article map names source "{source}", which does not exist{hint}',
  },
  check({ index, report }) {
    const ids = [...index.sources.keys()];
    const hint = (word: string, candidates: Iterable<string>) => {
      const suggestion = didYouMean(word, candidates);
      return { suggestion, hint: suggestion ? ` — did you mean "${suggestion}"?` : "" };
    };
    for (const claim of index.claims) {
      (claim.data.citations ?? []).forEach((citation, i) => {
        const source = index.sources.get(citation.source);
        const broken = index.invalidSources.get(citation.source);
        if (!source && broken) {
          report({
            messageId: "invalidSource",
            data: { source: citation.source, file: broken.file, line: String(broken.at?.line ?? 1), column: String(broken.at?.column ?? 1) },
            at: { doc: claim.doc, path: ["citations", i, "source"] },
          });
          return;
        }
        if (!source) {
          report({
            messageId: "unknownSource",
            data: { source: citation.source, ...hint(citation.source, ids) },
            at: { doc: claim.doc, path: ["citations", i, "source"] },
          });
          return;
        }
        const factIds = source.facts.map((f) => f.id);
        (citation.facts ?? []).forEach((fact, j) => {
          if (!factIds.includes(fact)) {
            report({
              messageId: "unknownFact",
              data: { source: citation.source, fact, ...hint(fact, factIds) },
              at: { doc: claim.doc, path: ["citations", i, "facts", j] },
            });
          }
        });
      });
    }
    for (const article of index.articleList) {
      if (!index.sources.has(article.data.source)) {
        report({
          messageId: "unknownArticleSource",
          data: { source: article.data.source, ...hint(article.data.source, ids) },
          at: { doc: article.doc, path: ["source"] },
        });
      }
    }
  },
};
