import { stringify } from "yaml";

/**
 * A string as a YAML scalar on one line: plain where YAML reads it back as the same string,
 * else double-quoted. Dates are always quoted, so YAML never reads them as numbers.
 */
export function yamlString(value: string): string {
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return JSON.stringify(value);
  const out = stringify(value, { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" }).replace(/\n$/, "");
  // Block scalars (| or >) span lines; keep every generated value on its own line.
  return out.includes("\n") ? JSON.stringify(value) : out;
}

/** A flow list of ids: `[a, b]`. */
export function yamlIdList(ids: readonly string[]): string {
  return `[${ids.join(", ")}]`;
}

/** The path from a new file to a schema, for the `yaml-language-server` modeline. */
export function modeline(relativeSchemaPath: string): string {
  return `# yaml-language-server: $schema=${relativeSchemaPath}`;
}
