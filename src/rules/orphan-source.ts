import type { Rule } from "./types.js";

/** A source nothing cites is dead weight, or a citation someone forgot. */
export const orphanSource: Rule = {
  id: "orphan-source",
  description: "Every source is cited by some claim or is an article's own record.",
  scope: "project",
  defaultSeverity: "warning",
  messages: {
    orphan: 'source "{source}" is cited by no claim',
  },
  check({ index, report }) {
    const used = new Set<string>();
    for (const claim of index.claims) for (const c of claim.data.citations ?? []) used.add(c.source);
    // A claim file that failed to load still cites what it cites: its own errors say what is wrong.
    for (const broken of index.invalidClaims) for (const id of citedIn(broken.data)) used.add(id);
    for (const article of index.articleList) used.add(article.data.source);
    for (const source of index.sourceList) {
      if (!used.has(source.id)) report({ messageId: "orphan", data: { source: source.id }, at: { doc: source.doc, path: ["id"] } });
    }
  },
};

/** The source ids a claim file that failed validation names in its citations, as far as they read. */
function citedIn(data: unknown): string[] {
  const citations = (data as { citations?: unknown } | undefined)?.citations;
  if (!Array.isArray(citations)) return [];
  return citations.flatMap((c) => (typeof c === "object" && c !== null && typeof (c as { source?: unknown }).source === "string" ? [(c as { source: string }).source] : []));
}
