import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { LoadedDoc } from "../load/document.js";
import type { Diagnostic, MessageData } from "../model/diagnostic.js";
import type { DocPath } from "../model/position.js";
import { didYouMean } from "../text/suggest.js";
import { precompiledValidator } from "./precompiled.js";

// ajv's compiler is loaded only when a schema has no precompiled validator (see precompiled.ts).
const require = createRequire(import.meta.url);

/** The kinds of YAML file, each with its schema in `schema/<kind>.schema.json`. */
export type DocKind = "claim" | "source" | "entities" | "article" | "config";

const SCHEMA_DIR = fileURLToPath(new URL("../../schema/", import.meta.url));

export const schemaMessages = {
  unknownKey: 'unknown key "{key}"{hint}',
  missingKey: 'missing required key "{key}"',
  notInEnum: "{found} is not one of: {allowed}{hint}",
  wrongType: "expected {expected}, found {found}",
  badPattern: "expected {expected}, found {found}",
  tooShort: "must not be empty",
  tooLong: "is longer than {limit} characters",
  outOfRange: "{found} is out of range ({detail})",
  invalid: "{detail}",
  mixedShapes: "this fact has both {first} fields ({firstKeys}) and {second} fields ({secondKeys}); split it into a {first} and an {second}",
} as const;

/** Keywords of our own in the schemas: annotations for messages, never validation. */
export const ANNOTATION_KEYWORDS = [
  { keyword: "x-message", schemaType: "string" },
  { keyword: "x-example", schemaType: "string" },
  { keyword: "x-shapes", schemaType: "object" },
] as const;

let ajv: Ajv2020 | undefined;
const compiled = new Map<DocKind, ValidateFunction>();

function validatorFor(kind: DocKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (validate) return validate;
  validate = precompiledValidator(kind);
  if (validate) {
    compiled.set(kind, validate);
    return validate;
  }
  if (!ajv) {
    const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
    const addFormatsModule = require("ajv-formats") as unknown;
    ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true, allowUnionTypes: true });
    for (const k of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword: k.keyword, schemaType: k.schemaType });
    const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
    addFormats(ajv);
    ajv.addSchema(readSchema("defs"));
  }
  validate = ajv.compile(readSchema(kind));
  compiled.set(kind, validate);
  return validate;
}

function readSchema(name: string): object {
  return JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, "utf8")) as object;
}

/** Validates a loaded document against its kind's schema; every error becomes a diagnostic at its node. */
export function validateDoc(doc: LoadedDoc, kind: DocKind): Diagnostic[] {
  const validate = validatorFor(kind);
  if (validate(doc.data)) return [];
  return toDiagnostics(doc, validate.errors ?? [], kind);
}

function hasMessage(error: ErrorObject): boolean {
  return typeof (error.parentSchema as Record<string, unknown> | undefined)?.["x-message"] === "string";
}

const PART_KEYS = new Set(["all", "any"]);
let examples: Map<string, string> | undefined;

/**
 * For an error inside an assertion part: the part's kind and a valid example of it, from
 * the claim schema's `x-example`s (read only when a claim has such an error).
 */
function partExample(path: DocPath): { part: string; example: string } | undefined {
  if (path[0] !== "assert") return undefined;
  let kind: string | undefined;
  for (let i = 1; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== "string" || PART_KEYS.has(key)) continue;
    // A part's kind stands right after `assert` or after a group's index.
    if (i === 1 || typeof path[i - 1] === "number") kind = key;
  }
  if (kind === undefined) return undefined;
  if (!examples) {
    const schema = readSchema("claim") as { $defs: { part: { properties: Record<string, { "x-example"?: string }> } } };
    examples = new Map(Object.entries(schema.$defs.part.properties).flatMap(([k, v]) => (v["x-example"] ? [[k, v["x-example"]] as [string, string]] : [])));
  }
  const example = examples.get(kind);
  return example ? { part: kind, example } : undefined;
}

function toDiagnostics(doc: LoadedDoc, errors: ErrorObject[], kind: DocKind): Diagnostic[] {
  // oneOf/anyOf failures speak for their branches: drop the branch errors beneath them. The
  // unions are looked up by schema path and instance path (each prefix of the error's own), not
  // compared one by one with every error: a file with thousands of failing unions was quadratic.
  const unions = new Set(errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf").map((u) => `${u.schemaPath}\u0000${u.instancePath}`));
  const kept = unions.size === 0 ? errors.filter((e) => e.keyword !== "if") : errors.filter((e) => e.keyword !== "if" && !underUnion(e, unions));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // A type error that its schema explains (x-message) speaks for the plain one at the same node.
  const explainedTypes = new Set(kept.filter((e) => e.keyword === "type" && hasMessage(e)).map((e) => e.instancePath));
  for (const error of kept) {
    if (error.keyword === "type" && !hasMessage(error) && explainedTypes.has(error.instancePath)) continue;
    const path = pointerToPath(error.instancePath);
    const rendered = describe(error, doc, path);
    if (!rendered) continue;
    const key = `${rendered.path.join("/")}|${rendered.messageId}|${JSON.stringify(rendered.data)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const template: string = schemaMessages[rendered.messageId];
    const example = kind === "claim" ? partExample(rendered.path) : undefined;
    if (example) Object.assign(rendered.data, example);
    out.push({
      ruleId: "schema",
      messageId: rendered.messageId,
      data: rendered.data,
      message: template.replace(/\{(\w+)\}/g, (_, name: string) => String(rendered.data[name] ?? "")) + (example ? ` — a ${example.part} part looks like: ${example.example}` : ""),
      severity: "error",
      at: doc.locate(rendered.path, { key: rendered.atKey }),
      docs: "docs/rules/schema.md",
    });
  }
  return out;
}

/** Whether a union error stands at a strict prefix of this error's schema path and a prefix of its instance path. */
function underUnion(error: ErrorObject, unions: Set<string>): boolean {
  const instancePrefixes = [error.instancePath];
  for (let i = error.instancePath.lastIndexOf("/"); i >= 0; i = error.instancePath.lastIndexOf("/", i - 1)) {
    instancePrefixes.push(error.instancePath.slice(0, i));
    if (i === 0) break;
  }
  for (let i = error.schemaPath.lastIndexOf("/"); i > 0; i = error.schemaPath.lastIndexOf("/", i - 1)) {
    const schemaPrefix = error.schemaPath.slice(0, i);
    for (const instancePrefix of instancePrefixes) if (unions.has(`${schemaPrefix}\u0000${instancePrefix}`)) return true;
  }
  return false;
}

interface Rendered {
  messageId: keyof typeof schemaMessages;
  data: MessageData;
  path: DocPath;
  atKey?: boolean;
}

function describe(error: ErrorObject, doc: LoadedDoc, path: DocPath): Rendered | undefined {
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const where = path.length > 0 ? String(path[path.length - 1]) : "document";
  const found = summarise(error.data);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((parent.properties as object | undefined) ?? {});
      const suggestion = didYouMean(key, known);
      return {
        messageId: "unknownKey",
        data: { key, suggestion, hint: suggestion ? ` — did you mean "${suggestion}"?` : "" },
        path: [...path, key],
        atKey: true,
      };
    }
    case "required": {
      const key = String((error.params as { missingProperty: string }).missingProperty);
      return { messageId: "missingKey", data: { key }, path, atKey: path.length > 0 };
    }
    case "enum": {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const suggestion = typeof error.data === "string" ? didYouMean(error.data, allowed) : undefined;
      return {
        messageId: "notInEnum",
        data: { found, allowed: allowed.join(", "), suggestion, hint: suggestion ? ` — did you mean "${suggestion}"?` : "" },
        path,
      };
    }
    case "const":
      return { messageId: "invalid", data: { detail: `${where} ${error.message ?? "is invalid"}` }, path };
    case "type": {
      if (typeof parent["x-message"] === "string") return { messageId: "badPattern", data: { expected: parent["x-message"], found }, path };
      const expected = String((error.params as { type: string | string[] }).type).replace(/,/g, " or ");
      return { messageId: "wrongType", data: { expected: article(expected), found: typeName(error.data) }, path };
    }
    case "oneOf":
    case "anyOf": {
      const shapes = mixedShapes(parent, error.data);
      if (shapes) return { messageId: "mixedShapes", data: shapes, path };
      const expected = typeof parent["x-message"] === "string" ? (parent["x-message"] as string) : unionHint(parent) ?? "a valid value";
      return { messageId: "badPattern", data: { expected, found }, path };
    }
    case "pattern":
    case "format": {
      const expected = typeof parent["x-message"] === "string" ? (parent["x-message"] as string) : unionHint(parent) ?? "a valid value";
      return { messageId: "badPattern", data: { expected, found }, path };
    }
    case "minLength":
    case "minItems":
    case "minProperties":
      return { messageId: "tooShort", data: {}, path };
    case "maxLength":
    case "maxItems":
    case "maxProperties":
      return { messageId: "tooLong", data: { limit: String((error.params as { limit: number }).limit) }, path };
    case "minimum":
    case "maximum":
      return { messageId: "outOfRange", data: { found, detail: error.message ?? "" }, path };
    case "not":
      return undefined;
    default:
      return { messageId: "invalid", data: { detail: `${where} ${error.message ?? "is invalid"}` }, path };
  }
  void doc;
}

/** For a map that mixes the keys of two shapes its schema names (`x-shapes`): which, and the keys of each. */
function mixedShapes(schema: Record<string, unknown>, data: unknown): MessageData | undefined {
  const shapes = schema["x-shapes"] as Record<string, string[]> | undefined;
  if (!shapes || typeof data !== "object" || data === null) return undefined;
  const present = Object.entries(shapes)
    .map(([name, keys]) => ({ name, keys: keys.filter((k) => k in data) }))
    .filter((s) => s.keys.length > 0);
  if (present.length < 2) return undefined;
  const [a, b] = present as [{ name: string; keys: string[] }, { name: string; keys: string[] }];
  return { first: a.name, firstKeys: a.keys.join(", "), second: b.name, secondKeys: b.keys.join(", ") };
}

function unionHint(schema: Record<string, unknown>): string | undefined {
  const branches = (schema.oneOf ?? schema.anyOf) as Array<Record<string, unknown>> | undefined;
  if (!branches) return undefined;
  const hints = branches.map((b) => (typeof b["x-message"] === "string" ? (b["x-message"] as string) : undefined));
  return hints.every((h) => h) ? hints.join(", or ") : undefined;
}

function pointerToPath(pointer: string): DocPath {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function typeName(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  return `a ${typeof value}`;
}

function article(typeWords: string): string {
  return typeWords
    .split(" or ")
    .map((t) => (t === "object" ? "a map" : t === "array" ? "a list" : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`))
    .join(" or ");
}

function summarise(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeName(value);
}
