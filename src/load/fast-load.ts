import type { Position } from "../model/position.js";
import type { DocPath } from "../model/position.js";
import type { LoadedDoc } from "./document.js";
import { NODE_FIELDS, parseFastYaml, type FastDocument } from "./fast-yaml.js";
import { DEFAULT_LIMITS, type LoadLimits } from "../options/limits.js";
import { loadYaml, type LoadOutcome } from "./yaml-load.js";

/**
 * Loads a YAML file like loadYaml, through the fast subset parser where the file allows it.
 * The result is the same either way — data, diagnostics and every position — which
 * test/load/differential*.test.ts checks; only the time differs. Any file the fast parser
 * gives up on, and every file with a problem, goes through loadYaml, so diagnostics keep
 * coming from `yaml`.
 */
export function loadYamlFast(file: string, bytes: Uint8Array, limits: LoadLimits = DEFAULT_LIMITS): LoadOutcome {
  const text = fastDecode(bytes, limits);
  if (text !== undefined) {
    const parsed = parseFastYaml(text, limits);
    if (parsed) return { ok: true, doc: fastDoc(file, text, parsed), diagnostics: [] };
  }
  return loadYaml(file, bytes, limits);
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The text of bytes that loadYaml would accept without a word; undefined for anything else. */
function fastDecode(bytes: Uint8Array, limits: LoadLimits): string | undefined {
  if (bytes.byteLength > limits.maxFileBytes || bytes.byteLength === 0) return undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return undefined; // a BOM: loadYaml warns
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A LoadedDoc over a fast parse: `locate` walks the node records, as yaml-load's walks the `yaml` nodes. */
export function fastDoc(file: string, text: string, parsed: FastDocument): LoadedDoc {
  const { data, nodes } = parsed;
  let lineStarts: number[] | undefined;
  const position = (start: number, end: number): Position => {
    lineStarts ??= computeLineStarts(text);
    const a = linePos(lineStarts, start);
    const b = linePos(lineStarts, end);
    return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  // Per collection node, made on the first lookup in it: its children's node indexes, and (for
  // a map) each key's place among them. Walking siblings and searching keys on every lookup made
  // a file with thousands of findings quadratic.
  const children = new Map<number, Int32Array>();
  const keyPlaces = new Map<number, Map<string, number>>();
  const childrenOf = (node: number, count: number): Int32Array => {
    let list = children.get(node);
    if (!list) {
      list = new Int32Array(count);
      let at = node + 1;
      for (let i = 0; i < count; i++) {
        list[i] = at;
        at += nodes[at * NODE_FIELDS + 3]!;
      }
      children.set(node, list);
    }
    return list;
  };
  const keyPlace = (node: number, map: Record<string, unknown>): Map<string, number> => {
    let places = keyPlaces.get(node);
    if (!places) {
      places = new Map(Object.keys(map).map((key, i) => [key, i]));
      keyPlaces.set(node, places);
    }
    return places;
  };
  const locate = (path: DocPath, options?: { key?: boolean }): Position => {
    let node = 0;
    let value: unknown = data;
    // The node whose key is the current key (yaml-load's keyNode), with the key's text.
    let keyOwner = -1;
    let keyText = "";
    for (const part of path) {
      let child = -1;
      let childValue: unknown;
      if (isMap(value)) {
        const name = String(part);
        const places = keyPlace(node, value);
        const k = places.get(name);
        if (k !== undefined) {
          child = childrenOf(node, places.size)[k]!;
          childValue = value[name];
          keyOwner = child;
          keyText = name;
        }
      } else if (Array.isArray(value) && typeof part === "number") {
        keyOwner = -1;
        if (Number.isInteger(part) && part >= 0 && part < value.length) {
          child = childrenOf(node, value.length)[part]!;
          childValue = value[part];
        }
      }
      if (child < 0) break;
      node = child;
      value = childValue;
    }
    if (options?.key && keyOwner >= 0) {
      const keyStart = nodes[keyOwner * NODE_FIELDS + 2]!;
      return position(keyStart, keyStart + keyText.length);
    }
    return position(nodes[node * NODE_FIELDS]!, nodes[node * NODE_FIELDS + 1]!);
  };
  const doc: LoadedDoc = { file, data, locate, text };
  nodeTables.set(doc, nodes);
  return doc;
}

const nodeTables = new WeakMap<LoadedDoc, Int32Array>();

/** The node table behind a doc the fast parser made (so a cache can keep its positions); undefined for others. */
export function fastNodes(doc: LoadedDoc): Int32Array | undefined {
  return nodeTables.get(doc);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** yaml's LineCounter.linePos, so positions agree to the column. */
function linePos(lineStarts: number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (lineStarts[low] === offset) return { line: low + 1, col: 1 };
  if (low === 0) return { line: 0, col: offset };
  const start = lineStarts[low - 1]!;
  return { line: low, col: offset - start + 1 };
}
