import type { Rule } from "./types.js";

/** Pages move and vanish; a cited source should keep an archived copy's address. */
export const archiveUrl: Rule = {
  id: "archive-url",
  description: "A cited source records an archive-URL (or a stored snapshot) so the citation survives link rot.",
  scope: "project",
  defaultSeverity: "warning",
  messages: {
    missing: 'source "{source}" has no archive-URL and no snapshot',
  },
  check({ index, report }) {
    const cited = new Set<string>();
    for (const claim of index.claims) for (const c of claim.data.citations ?? []) cited.add(c.source);
    for (const source of index.sourceList) {
      if (!cited.has(source.id) || source.data["archive-URL"] || source.data.snapshot) continue;
      report({ messageId: "missing", data: { source: source.id }, at: { doc: source.doc, path: ["URL"], key: true } });
    }
  },
};
