import { YamlEditor } from "../../edit/yaml-editor.js";
import type { Migration } from "../migration.js";

/**
 * Registries written before event kinds were declared get a `kinds:` section listing the
 * kinds their facts use, so a misspelt kind in an assertion (or a new fact) is reported.
 */
export const migration: Migration = {
  id: "declare-event-kinds",
  description: "declare, under kinds:, every event kind the facts use (a registry without kinds: cannot catch a misspelt kind)",
  migrate(file, project) {
    if (file.role !== "entities") return file.text;
    const editor = new YamlEditor(file.text);
    const data = editor.toJS() as Record<string, unknown> | null;
    if (!data || typeof data !== "object" || data.kinds !== undefined) return file.text;
    const kinds = new Set<string>();
    for (const other of project.files) {
      if (other.role !== "source") continue;
      const facts = (other.data as { facts?: unknown } | null)?.facts;
      if (!Array.isArray(facts)) continue;
      for (const fact of facts) {
        const kind = (fact as { kind?: unknown } | null)?.kind;
        if (typeof kind === "string") kinds.add(kind);
      }
    }
    if (kinds.size === 0) return file.text;
    const declared = Object.fromEntries([...kinds].sort().map((k) => [k, { label: k.replace(/-/g, " ") }]));
    editor.set(["kinds"], declared);
    return editor.text;
  },
};
