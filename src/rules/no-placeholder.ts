import type { LoadedDoc } from "../load/document.js";
import type { DocPath } from "../model/position.js";
import type { Rule } from "./types.js";

// A value that opens with a to-do marker was left for later: `claimcheck new` writes them.
const PLACEHOLDER = /^\s*(TODO|FIXME|TBD|XXX)\b/;

/** Every string in a document, with its path. */
function* strings(value: unknown, path: DocPath = []): Generator<{ path: DocPath; text: string }> {
  if (typeof value === "string") yield { path, text: value };
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) yield* strings(child, [...path, key]);
  }
}

/** No placeholder left where the contributor's own words belong. */
export const noPlaceholder: Rule = {
  id: "no-placeholder",
  description: "No value still holds a placeholder (TODO, FIXME, TBD, XXX) where real content belongs.",
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
      for (const { path, text } of strings(doc.data)) {
        if (!PLACEHOLDER.test(text)) continue;
        const field = path.filter((p) => typeof p === "string").join(".") || "value";
        report({ messageId: "placeholder", data: { field, text: text.length > 60 ? `${text.slice(0, 57)}...` : text }, at: { doc, path } });
      }
    }
  },
};
