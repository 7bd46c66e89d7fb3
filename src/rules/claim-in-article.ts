import { findQuote } from "../text/find-quote.js";
import type { Rule } from "./types.js";

/** Every claim's text, and every sentence an article map lists, stands in the article's snapshot. */
export const claimInArticle: Rule = {
  id: "claim-in-article",
  description: "A claim's text is found verbatim in its article's stored text.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    noArticleMap: 'article "{article}" has no article map (claims/{article}/article.yaml) naming its source',
    noSnapshot: 'the article\'s source "{source}" has no readable snapshot of its text',
    notInArticle: 'claim text not found in the article "{article}"',
    sentenceNotInArticle: 'sentence not found in the article "{article}"',
  },
  check({ index, report }) {
    const reportedMissingMap = new Set<string>();
    for (const claim of index.claims) {
      const article = index.articles.get(claim.article);
      if (!article) {
        if (!reportedMissingMap.has(claim.article)) {
          reportedMissingMap.add(claim.article);
          report({ messageId: "noArticleMap", data: { article: claim.article }, at: { doc: claim.doc, path: ["text"] } });
        }
        continue;
      }
      const snapshot = index.sources.get(article.data.source)?.snapshot;
      if (!snapshot?.ok) continue; // reported once, against the article map, below
      if (!findQuote(snapshot.text, { exact: claim.data.text })) {
        report({ messageId: "notInArticle", data: { article: claim.article }, at: { doc: claim.doc, path: ["text"] } });
      }
    }
    for (const article of index.articleList) {
      const source = index.sources.get(article.data.source);
      if (!source) continue; // source-exists reports it
      const snapshot = source.snapshot;
      if (!snapshot?.ok) {
        report({ messageId: "noSnapshot", data: { source: source.id }, at: { doc: article.doc, path: ["source"] } });
        continue;
      }
      for (const list of ["opinion", "not-checked"] as const) {
        (article.data[list] ?? []).forEach((sentence, i) => {
          if (!findQuote(snapshot.text, { exact: sentence.text })) {
            report({ messageId: "sentenceNotInArticle", data: { article: article.id }, at: { doc: article.doc, path: [list, i, "text"] } });
          }
        });
      }
    }
  },
};
