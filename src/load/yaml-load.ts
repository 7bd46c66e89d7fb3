import { createRequire } from "node:module";
import type { Document, Node, Pair, YAMLMap } from "yaml";
import type { Diagnostic, MessageData } from "../model/diagnostic.js";
import type { DocPath, Position } from "../model/position.js";
import type { LoadedDoc } from "./document.js";
import { DEFAULT_LIMITS, type LoadLimits } from "../options/limits.js";
import { loaderMessages } from "./messages.js";

// `yaml` is loaded on first use: most runs parse every file with the fast parser
// (fast-yaml.ts) and never need it, and loading it is a good part of a cold start.
const require = createRequire(import.meta.url);
let yamlModule: typeof import("yaml") | undefined;
function yamlLib(): typeof import("yaml") {
  yamlModule ??= require("yaml") as typeof import("yaml");
  return yamlModule;
}

/** Keys that would reach an object's prototype if a consumer ever assigned them. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type LoadOutcome =
  | { ok: true; doc: LoadedDoc; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

function diagnostic(
  file: string,
  messageId: keyof typeof loaderMessages,
  data: MessageData,
  at: { line: number; column: number },
  severity: "error" | "warning" = "error",
): Diagnostic {
  const template = loaderMessages[messageId];
  return {
    ruleId: "parse",
    messageId,
    data,
    message: template.replace(/\{(\w+)\}/g, (_, name: string) => String(data[name] ?? "")),
    severity,
    at: { file, line: at.line, column: at.column },
    docs: "docs/rules/parse.md",
  };
}

/**
 * Decodes bytes as UTF-8 and parses them as one YAML document, keeping positions.
 * Never throws for bad input: every problem is a diagnostic at a position.
 */
export function loadYaml(file: string, bytes: Uint8Array, limits: LoadLimits = DEFAULT_LIMITS): LoadOutcome {
  const diagnostics: Diagnostic[] = [];
  const top = { line: 1, column: 1 };
  if (bytes.byteLength > limits.maxFileBytes) {
    diagnostics.push(diagnostic(file, "tooLarge", { bytes: bytes.byteLength, limit: limits.maxFileBytes }, top));
    return { ok: false, diagnostics };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    diagnostics.push(diagnostic(file, "notUtf8", {}, positionOfBadByte(bytes)));
    return { ok: false, diagnostics };
  }
  // TextDecoder drops a leading BOM by itself; say so, since editors disagree on it.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    diagnostics.push(diagnostic(file, "byteOrderMark", {}, top, "warning"));
  }
  if (onlyCommentsAndBlanks(text)) {
    diagnostics.push(diagnostic(file, "empty", {}, top));
    return { ok: false, diagnostics };
  }
  const compact = compactNesting(text, limits.maxDepth);
  if (compact) {
    diagnostics.push(diagnostic(file, "tooDeep", { limit: limits.maxDepth }, compact));
    return { ok: false, diagnostics };
  }
  return parseText(file, text, limits, diagnostics);
}

/**
 * Where a line opens more nested lists than the depth limit allows, in the compact form
 * `- - - - x` (each `- ` one level deeper), or undefined. Checked before `yaml` parses: it
 * recurses several frames per level of this form, and a few thousand levels exhausted the
 * stack, at times inside V8's regular-expression compiler, which ends the process.
 */
function compactNesting(text: string, maxDepth: number): { line: number; column: number } | undefined {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let i = start;
    let levels = 0;
    while (i < text.length && text[i] === " ") i++;
    while (text[i] === "-" && (text[i + 1] === " " || text[i + 1] === "\t")) {
      if (++levels > maxDepth) return { line, column: i - start + 1 };
      i += 2;
      while (text[i] === " " || text[i] === "\t") i++;
    }
    const newline = text.indexOf("\n", i);
    if (newline < 0) break;
    start = newline + 1;
  }
  return undefined;
}

function parseText(file: string, text: string, limits: LoadLimits, diagnostics: Diagnostic[]): LoadOutcome {
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter,
      // yaml's own check compares each key with every earlier key of its map (quadratic: 30,000
      // keys took minutes); duplicateKeys() below finds the same keys with a Set.
      uniqueKeys: false,
      strict: true,
      prettyErrors: false,
      schema: "core",
      merge: false,
      intAsBigInt: false,
    });
  } catch (error) {
    diagnostics.push(diagnostic(file, "syntax", { detail: (error as Error).message }, { line: 1, column: 1 }));
    return { ok: false, diagnostics };
  }
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const errors: Array<{ offset: number; diagnostic: Diagnostic }> = [];
  for (const error of doc.errors) {
    const messageId = error.code === "TAB_AS_INDENT" ? "tab" : "syntax";
    // The parser notices an unclosed bracket or quote only lines later; point where it was opened.
    const opener = /^Flow (sequence|map)|Missing closing/.test(error.message) ? findUnclosed(text, error.pos[0]) : undefined;
    const detail =
      opener === undefined ? firstLine(error.message) : `the ${/["']/.test(text[opener]!) ? "quote" : "bracket"} ${text[opener]} opened here is never closed`;
    errors.push({ offset: error.pos[0], diagnostic: diagnostic(file, messageId, { detail }, at(opener ?? error.pos[0])) });
  }
  const duplicates = duplicateKeys(doc);
  if (duplicates.length > 0) {
    // In document order among the parser's errors, where yaml's own check reported them.
    for (const offset of duplicates) errors.push({ offset, diagnostic: diagnostic(file, "duplicateKey", { detail: DUPLICATE_KEY_DETAIL }, at(offset)) });
    errors.sort((a, b) => a.offset - b.offset);
  }
  for (const error of errors) diagnostics.push(error.diagnostic);
  if (errors.length > 0) return { ok: false, diagnostics };
  for (const warning of doc.warnings) {
    diagnostics.push(diagnostic(file, "yamlWarning", { detail: firstLine(warning.message) }, at(warning.pos[0]), "warning"));
  }

  const budget = { nodes: 0, aliases: 0 };
  let failed = false;
  const fail = (messageId: keyof typeof loaderMessages, data: MessageData, node: Node | null | undefined) => {
    failed = true;
    diagnostics.push(diagnostic(file, messageId, data, at(node?.range?.[0] ?? 0)));
  };

  const toValue = (node: unknown, depth: number): unknown => {
    if (failed) return null;
    if (++budget.nodes > limits.maxNodes) {
      fail("tooManyNodes", { limit: limits.maxNodes }, node as Node);
      return null;
    }
    if (depth > limits.maxDepth) {
      fail("tooDeep", { limit: limits.maxDepth }, node as Node);
      return null;
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++budget.aliases > limits.maxAliases) {
        fail("tooManyAliases", { limit: limits.maxAliases }, node);
        return null;
      }
      return toValue(node.resolve(doc), depth + 1);
    }
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === "bigint") return Number(value);
      return value ?? null;
    }
    if (isSeq(node)) return node.items.map((item) => toValue(item, depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? keyNode.value : undefined;
        if (typeof key !== "string" && typeof key !== "number" && typeof key !== "boolean") {
          fail("complexKey", {}, keyNode ?? node);
          continue;
        }
        const name = String(key);
        if (FORBIDDEN_KEYS.has(name)) {
          fail("forbiddenKey", { key: name }, keyNode);
          continue;
        }
        Object.defineProperty(out, name, {
          value: toValue(pair.value, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return null;
  };
  const data = toValue(doc.contents, 0);
  if (failed) return { ok: false, diagnostics };

  const locate = (path: DocPath, options?: { key?: boolean }): Position => {
    let node: unknown = doc.contents;
    let keyNode: Node | null = null;
    for (const part of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      if (isMap(node)) {
        const pair = pairsByKey(node).get(String(part));
        if (pair) {
          keyNode = pair.key as Node;
          next = pair.value;
        }
      } else if (isSeq(node) && typeof part === "number") {
        next = node.items[part];
        keyNode = null;
      }
      if (next === undefined || next === null) {
        // The path stops here: point at the key that holds the missing child, or the node.
        if (next === null && keyNode) return rangeOf(keyNode);
        break;
      }
      node = next;
    }
    if (options?.key && keyNode) return rangeOf(keyNode);
    return rangeOf(node as Node);
  };
  // Each map's pairs by key, made on the first lookup in that map: a linear search per lookup
  // made a file with thousands of findings quadratic. The first pair with a key wins, as before.
  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  const pairsByKey = (map: YAMLMap): Map<string, Pair> => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        const name = String(item.key.value);
        if (!index.has(name)) index.set(name, item as Pair);
      }
      keyIndex.set(map, index);
    }
    return index;
  };
  const rangeOf = (node: Node | null | undefined): Position => {
    const range = node?.range;
    if (!range) return { file, line: 1, column: 1 };
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1]);
    return { file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };

  return { ok: true, doc: { file, data, locate, text }, diagnostics };
}

/** What yaml said of a duplicate key when it checked them itself; kept, so findings read the same. */
const DUPLICATE_KEY_DETAIL = "Map keys must be unique";

/**
 * Offsets of every key that repeats an earlier key of its map, as yaml's `uniqueKeys` check
 * found them (scalar keys with the same value; other keys never equal), with one Set per map:
 * linear, where yaml compares each key with all before it.
 */
function duplicateKeys(doc: Document.Parsed): number[] {
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  const offsets: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key)) {
          const value = key.value;
          // yaml compares values with ===: the type matters (1 is not "1"), and NaN equals nothing.
          if (!(typeof value === "number" && Number.isNaN(value))) {
            const tag = `${value === null ? "null" : typeof value}:${String(value)}`;
            if (keys.has(tag)) offsets.push((key as Node).range?.[0] ?? 0);
            else keys.add(tag);
          }
        } else if (key) {
          stack.push(key); // a map or list as a key: its own maps are checked too
        }
        stack.push(pair.value);
      }
    }
  }
  return offsets.sort((a, b) => a - b);
}

/**
 * Offset of the last bracket or quote opened before `end` and not closed by then, skipping
 * comments and the insides of quoted strings. Undefined when everything is balanced.
 */
export function findUnclosed(text: string, end: number): number | undefined {
  const stack: number[] = [];
  let quote: { char: string; at: number } | undefined;
  for (let i = 0; i < end && i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\" && quote.char === '"') i++;
      else if (ch === quote.char) {
        if (quote.char === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (ch === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < end && text[i] !== "\n") i++;
    } else if ((ch === '"' || ch === "'") && (i === 0 || /[\s,\[{:]/.test(text[i - 1]!))) {
      quote = { char: ch, at: i };
    } else if (ch === "[" || ch === "{") {
      stack.push(i);
    } else if ((ch === "]" || ch === "}") && stack.length > 0) {
      stack.pop();
    }
  }
  return quote?.at ?? stack[stack.length - 1];
}

/**
 * Whether every line is blank or a comment (its first character after leading white space is
 * `#`). A scan, not a regular expression: the pattern this replaces, `^(\s*#[^\n]*\n?)*\s*$`,
 * backtracked exponentially on a line of `#` characters followed by anything else.
 */
export function onlyCommentsAndBlanks(text: string): boolean {
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).trimStart();
    if (line !== "" && line[0] !== "#") return false;
    start = end + 1;
  }
  return true;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/** Line and column of the first byte that is not valid UTF-8 (columns count bytes here). */
function positionOfBadByte(bytes: Uint8Array): { line: number; column: number } {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    if (valid && length > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + length));
      } catch {
        valid = false;
      }
    }
    if (!valid) return { line, column: i - lineStart + 1 };
    if (b === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
    i += length;
  }
  return { line, column: 1 };
}
