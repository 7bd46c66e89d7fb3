import type { LoadedDoc } from "../load/document.js";
import type { DocPath } from "../model/position.js";
import type { Rule } from "./types.js";

// A value that opens with a to-do marker was left for later: `claimcheck new` writes them.
const PLACEHOLDER = /^\s*(TODO|FIXME|TBD|XXX)\b/;

/** Calls `found` with the path of every string that opens with a placeholder; paths are built only for hits. */
function findPlaceholders(value: unknown, path: Array<string | number>, found: (path: DocPath, text: string) => void): void {
  if (typeof value === "string") {
    if (PLACEHOLDER.test(value)) found([...path], value);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      findPlaceholders(value[i], path, found);
      path.pop();
    }
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      path.push(key);
      findPlaceholders((value as Record<string, unknown>)[key], path, found);
      path.pop();
    }
  }
}

/** No placeholder left where the contributor's own words belong. */
export const noPlaceholder: Rule = {
  id: "no-placeholder",
  description: "No value still holds a placeholder (TODO, FIXME, TBD, XXX) where real content belongs.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    placeholder: '{field} still holds a placeholder: "{text}"',
  },
  check({ index, report }) {
    const docs: LoadedDoc[] = [
      ...index.claims.map((c) => c.doc),
      ...index.sourceList.map((s) => s.doc),
      ...index.articleList.map((a) => a.doc),
      ...(index.registry ? [index.registry.doc] : []),
    ];
    for (const doc of docs) {
      findPlaceholders(doc.data, [], (path, text) => {
        const field = path.filter((p) => typeof p === "string").join(".") || "value";
        report({ messageId: "placeholder", data: { field, text: text.length > 60 ? `${text.slice(0, 57)}...` : text }, at: { doc, path } });
      });
    }
  },
};
