import { loadYamlFast } from "../../src/load/fast-load.js";
import { parseFastYaml } from "../../src/load/fast-yaml.js";
import { DEFAULT_LIMITS, type LoadLimits } from "../../src/options/limits.js";
import { loadYaml } from "../../src/load/yaml-load.js";
import type { DocPath } from "../../src/model/position.js";

/** What comparing the two loaders on one input found. */
export interface LoaderComparison {
  /** Whether the fast parser took the file (otherwise loadYamlFast used `yaml` itself). */
  fast: boolean;
  /** Every way the two results differ; empty when they agree. */
  differences: string[];
}

/**
 * Loads bytes with loadYaml (`yaml`) and with loadYamlFast, and lists every difference: the
 * outcome, the diagnostics, the data (key order, -0 and NaN included) and the position of
 * every node and key, plus a few paths that do not exist.
 */
export function compareLoaders(file: string, bytes: Uint8Array, limits: LoadLimits = DEFAULT_LIMITS): LoaderComparison {
  const slow = loadYaml(file, bytes, limits);
  const quick = loadYamlFast(file, bytes, limits);
  const differences: string[] = [];
  let text: string | undefined;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  const fast = text !== undefined && bytes.byteLength <= limits.maxFileBytes && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    ? parseFastYaml(text, limits) !== undefined
    : false;
  if (slow.ok !== quick.ok) differences.push(`outcome: yaml ${slow.ok}, fast ${quick.ok}`);
  const slowDiagnostics = JSON.stringify(slow.diagnostics);
  const quickDiagnostics = JSON.stringify(quick.diagnostics);
  if (slowDiagnostics !== quickDiagnostics) differences.push(`diagnostics: yaml ${slowDiagnostics}, fast ${quickDiagnostics}`);
  if (slow.ok && quick.ok) {
    const dataDifference = firstDifference(slow.doc.data, quick.doc.data, "");
    if (dataDifference) differences.push(`data at ${dataDifference}`);
    if (slow.doc.text !== quick.doc.text) differences.push("text differs");
    for (const path of pathsOf(slow.doc.data)) {
      for (const key of [false, true]) {
        const a = JSON.stringify(slow.doc.locate(path, { key }));
        const b = JSON.stringify(quick.doc.locate(path, { key }));
        if (a !== b) differences.push(`locate(${JSON.stringify(path)}, key ${key}): yaml ${a}, fast ${b}`);
      }
    }
  }
  return { fast, differences };
}

/** Every path to a node of the data, and a few that lead nowhere from each collection. */
export function pathsOf(data: unknown): DocPath[] {
  const out: DocPath[] = [];
  const walk = (value: unknown, path: Array<string | number>) => {
    out.push(path);
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
      out.push([...path, value.length], [...path, "x"]);
    } else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      out.push([...path, "no-such-key"], [...path, 0], [...path, "no-such-key", "deeper"]);
    } else {
      out.push([...path, "below-a-scalar"]);
    }
  };
  walk(data, []);
  return out;
}

function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
  if (typeof a !== typeof b) return `${at || "(root)"}: ${typeof a} vs ${typeof b}`;
  if (typeof a === "number") return Object.is(a, b) ? undefined : `${at}: ${a} vs ${String(b)}`;
  if (typeof a !== "object" || a === null || b === null) return a === b ? undefined : `${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: list vs map`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.join("\u0000") !== kb.join("\u0000")) return `${at}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`);
    if (d) return d;
  }
  return undefined;
}
