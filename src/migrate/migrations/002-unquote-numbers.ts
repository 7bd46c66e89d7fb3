import { YamlEditor, type EditPath } from "../../edit/yaml-editor.js";
import type { Migration, ProjectView } from "../migration.js";

const NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;
const COMPARATORS = ["equals", "not-equals", "lt", "lte", "gt", "gte", "about"];

function numericProperties(project: ProjectView): Set<string> {
  const out = new Set<string>();
  for (const file of project.files) {
    if (file.role !== "entities") continue;
    const properties = (file.data as { properties?: Record<string, { type?: unknown }> } | null)?.properties;
    for (const [id, p] of Object.entries(properties ?? {})) if (p?.type === "number" || p?.type === "quantity") out.add(id);
  }
  return out;
}

/**
 * A number written in quotes (`value: "7"`) compared as text before values were typed; it is
 * now an error (value-typed). Where the property is declared a number or a quantity, the
 * quotes go, in facts and in the literals of `value` parts.
 */
export const migration: Migration = {
  id: "unquote-numbers",
  description: "write quoted numbers of number and quantity properties as numbers (a quoted number is no longer compared as text)",
  migrate(file, project) {
    if (file.role !== "source" && file.role !== "claim") return file.text;
    const numeric = numericProperties(project);
    if (numeric.size === 0) return file.text;
    const editor = new YamlEditor(file.text);
    const data = editor.toJS() as Record<string, unknown> | null;
    if (!data || typeof data !== "object") return file.text;
    const edits: Array<{ path: EditPath; value: number }> = [];
    if (file.role === "source" && Array.isArray(data.facts)) {
      data.facts.forEach((fact: unknown, i) => {
        const f = fact as { property?: unknown; value?: unknown } | null;
        if (typeof f?.property === "string" && numeric.has(f.property) && typeof f.value === "string" && NUMBER.test(f.value)) {
          edits.push({ path: ["facts", i, "value"], value: Number(f.value) });
        }
      });
    }
    if (file.role === "claim") {
      const walk = (part: unknown, path: EditPath) => {
        if (!part || typeof part !== "object") return;
        const p = part as Record<string, unknown>;
        for (const group of ["all", "any"]) if (Array.isArray(p[group])) (p[group] as unknown[]).forEach((child, i) => walk(child, [...path, group, i]));
        const value = p.value as Record<string, unknown> | undefined;
        if (value && typeof value.property === "string" && numeric.has(value.property)) {
          for (const key of COMPARATORS) {
            const literal = value[key];
            if (typeof literal === "string" && NUMBER.test(literal)) edits.push({ path: [...path, "value", key], value: Number(literal) });
          }
        }
      };
      walk(data.assert, ["assert"]);
    }
    for (const edit of edits) editor.set(edit.path, edit.value);
    return editor.text;
  },
};
