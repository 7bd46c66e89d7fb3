import type { LoadedDoc } from "../load/document.js";
import type { DocPath } from "../model/position.js";
import type { Report, Rule } from "./types.js";

function fileStem(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1);
  return name.replace(/\.ya?ml$/, "");
}

/** Ids are unique, and a claim's or source's id is its file name. */
export const uniqueId: Rule = {
  id: "unique-id",
  description: "Claim, source, excerpt and fact ids are unique, and a file's id matches its name.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    fileNameMismatch: 'id "{id}" does not match the file name "{stem}"',
    duplicate: '{kind} id "{id}" is also used in {other}',
    duplicateInSource: '{kind} id "{id}" appears twice in this source',
    secondRegistry: "a second entity registry; entities are declared once, in {other}",
    secondArticleMap: 'article "{article}" already has an article map in {other}',
  },
  check({ index, report }) {
    const checkFiles = (kind: string, items: Array<{ id: string; doc: LoadedDoc }>) => {
      const firstById = new Map<string, LoadedDoc>();
      for (const item of items) {
        const stem = fileStem(item.doc.file);
        if (stem !== item.id) report({ messageId: "fileNameMismatch", data: { id: item.id, stem }, at: { doc: item.doc, path: ["id"] } });
        const first = firstById.get(item.id);
        if (first) {
          report({
            messageId: "duplicate",
            data: { kind, id: item.id, other: first.file },
            at: { doc: item.doc, path: ["id"] },
            related: [{ messageId: "duplicate", data: { kind, id: item.id, other: item.doc.file }, at: { doc: first, path: ["id"] } }],
          });
        } else firstById.set(item.id, item.doc);
      }
    };
    checkFiles("claim", [...index.claims].sort((a, b) => (a.doc.file < b.doc.file ? -1 : 1)));
    checkFiles("source", index.sourceList);

    for (const source of index.sourceList) {
      const seen = (kind: string, list: Array<{ id: string }>, key: string) => {
        const ids = new Set<string>();
        list.forEach((item, i) => {
          if (ids.has(item.id)) {
            const at: { doc: LoadedDoc; path: DocPath } = { doc: source.doc, path: [key, i, "id"] };
            report({ messageId: "duplicateInSource", data: { kind, id: item.id }, at } satisfies Report);
          }
          ids.add(item.id);
        });
      };
      seen("excerpt", source.data.excerpts ?? [], "excerpts");
      seen("fact", source.data.facts ?? [], "facts");
    }

    const maps = new Map<string, LoadedDoc>();
    for (const article of index.articleList) {
      const first = maps.get(article.id);
      if (first) report({ messageId: "secondArticleMap", data: { article: article.id, other: first.file }, at: { doc: article.doc, path: ["source"] } });
      else maps.set(article.id, article.doc);
    }
  },
};
