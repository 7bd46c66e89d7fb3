import { isMap, isScalar, parseDocument } from "yaml";
import { modeline, yamlString } from "./yaml-text.js";

export const ENTITY_TYPES = ["person", "organisation", "programme", "spacecraft", "place", "event", "document", "country", "other"] as const;
export const PROPERTY_TYPES = ["year", "date", "number", "string", "boolean", "entity"] as const;

export interface Declaration {
  section: "entities" | "properties";
  id: string;
  label: string;
  type: string;
  aliases?: string[];
}

/** A new, empty registry with its modeline. */
export function renderRegistry(schemaPath: string): string {
  return [
    modeline(schemaPath),
    "# Every entity, event and property id used in the facts of sources/ and the asserts of claims/.",
    "entities: {}",
    "",
  ].join("\n");
}

/** Whether the registry text declares the id in the section. Undefined where the text does not parse. */
export function isDeclared(text: string, section: Declaration["section"], id: string): boolean | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const map = doc.get(section);
  return isMap(map) && map.items.some((pair) => isScalar(pair.key) && String(pair.key.value) === id);
}

/**
 * The registry text with one more declaration, inserted as text after the section's last
 * entry, so every other line, comment and quoting style stays as it was. Throws when the text
 * does not parse or the id is declared already (callers check with isDeclared first).
 */
export function addDeclaration(text: string, declaration: Declaration): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`the registry does not parse: ${doc.errors[0]!.message}`);
  if (isDeclared(text, declaration.section, declaration.id)) throw new Error(`"${declaration.id}" is declared already`);
  const section = doc.get(declaration.section, true);
  const entryLines = (indent: string) => {
    const lines = [`${indent}${declaration.id}:`, `${indent}  label: ${yamlString(declaration.label)}`, `${indent}  type: ${declaration.type}`];
    if (declaration.aliases?.length) lines.push(`${indent}  aliases: [${declaration.aliases.map(yamlString).join(", ")}]`);
    return lines;
  };
  const withNewline = text.endsWith("\n") ? text : `${text}\n`;
  if (isMap(section) && !section.flow && section.items.length > 0 && section.range) {
    const firstKey = section.items[0]!.key as { range?: [number, number, number] } | null;
    const keyStart = firstKey?.range?.[0] ?? section.range[0];
    const lineStart = withNewline.lastIndexOf("\n", keyStart - 1) + 1;
    const indent = withNewline.slice(lineStart, keyStart);
    // Insert after the line on which the section's last value ends.
    const end = section.range[1];
    const lineEnd = withNewline.indexOf("\n", Math.max(0, end - 1));
    const at = lineEnd < 0 ? withNewline.length : lineEnd + 1;
    return `${withNewline.slice(0, at)}${entryLines(indent).join("\n")}\n${withNewline.slice(at)}`;
  }
  // No section yet, or an empty one (`entities: {}`): write the section anew at the end, or in place.
  if (section !== undefined && section !== null) {
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === declaration.section) : undefined;
    const keyNode = pair?.key as { range?: [number, number, number] } | undefined;
    const valueNode = pair?.value as { range?: [number, number, number] } | undefined;
    if (keyNode?.range && valueNode?.range) {
      const lineStart = withNewline.lastIndexOf("\n", keyNode.range[0] - 1) + 1;
      const lineEnd = withNewline.indexOf("\n", valueNode.range[1] - 1);
      const replaced = [`${declaration.section}:`, ...entryLines("  ")].join("\n");
      return `${withNewline.slice(0, lineStart)}${replaced}\n${withNewline.slice(lineEnd < 0 ? withNewline.length : lineEnd + 1)}`;
    }
  }
  return `${withNewline}${declaration.section}:\n${entryLines("  ").join("\n")}\n`;
}
