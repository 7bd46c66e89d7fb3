import type { Rule } from "./types.js";

/** A source nothing cites is dead weight, or a citation someone forgot. */
export const orphanSource: Rule = {
  id: "orphan-source",
  description: "Every source is cited by some claim or is an article's own record.",
  defaultSeverity: "warning",
  messages: {
    orphan: 'source "{source}" is cited by no claim',
  },
  check({ index, report }) {
    const used = new Set<string>();
    for (const claim of index.claims) for (const c of claim.data.citations ?? []) used.add(c.source);
    for (const article of index.articleList) used.add(article.data.source);
    for (const source of index.sourceList) {
      if (!used.has(source.id)) report({ messageId: "orphan", data: { source: source.id }, at: { doc: source.doc, path: ["id"] } });
    }
  },
};
