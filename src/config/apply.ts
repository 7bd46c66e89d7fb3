import type { RunOptions, RuleSetting } from "../options/run-options.js";
import type { LoadLimits } from "../options/limits.js";
import { DEFAULT_ARTICLES_DIR, type ConfigRecord, type ConfigSeverity } from "./types.js";

/** Severity words of the configuration file, mapped onto the engine's. */
const SEVERITY: Record<ConfigSeverity, RuleSetting> = { error: "error", warn: "warning", off: "off" };

const LIMIT_KEYS: Record<keyof NonNullable<ConfigRecord["limits"]>, keyof LoadLimits> = {
  "max-file-bytes": "maxFileBytes",
  "max-nodes": "maxNodes",
  "max-depth": "maxDepth",
  "max-aliases": "maxAliases",
  "max-files": "maxFiles",
  "max-findings-per-file": "maxFindingsPerFile",
  "max-snapshot-bytes": "maxSnapshotBytes",
};

/** The run options with the configuration laid over them. Returns a new object; `base` is not changed. */
export function applyConfig(base: RunOptions, config: ConfigRecord | undefined): RunOptions {
  if (!config) return base;
  const options: RunOptions = { ...base, limits: { ...base.limits }, rules: { ...base.rules } };
  if (config.claims) options.claims = [...config.claims];
  else if (config.articles !== undefined) options.claims = [`${trimSlashes(config.articles)}/**/*.{yaml,yml}`];
  if (config.sources) options.sources = [...config.sources];
  for (const [id, severity] of Object.entries(config.rules ?? {})) options.rules[id] = SEVERITY[severity];
  if (config.evidence) options.evidence = { ...config.evidence };
  for (const [key, value] of Object.entries(config.limits ?? {}) as Array<[keyof typeof LIMIT_KEYS, number]>) {
    options.limits[LIMIT_KEYS[key]] = value;
  }
  return options;
}

/** The folder that holds one folder per article, relative to the root. */
export function articlesDir(config: ConfigRecord | undefined): string {
  return trimSlashes(config?.articles ?? DEFAULT_ARTICLES_DIR);
}

/**
 * The folder new source records go in: the fixed start of the first sources glob
 * (`sources/**\/*.yaml` → `sources`), or `sources`.
 */
export function sourcesDir(globs: readonly string[]): string {
  const first = globs[0] ?? "sources/**/*.{yaml,yml}";
  const fixed: string[] = [];
  for (const segment of first.split("/")) {
    if (/[*?[\]{}!]/.test(segment)) break;
    fixed.push(segment);
  }
  // A glob naming one file (sources/a.yaml) has no wildcard: its folder is the fixed part.
  if (fixed.length === first.split("/").length) fixed.pop();
  return fixed.join("/") || ".";
}

/** `./claims/` → `claims`. A scan: `/\/+$/` is quadratic on a long run of slashes that does not end the text. */
function trimSlashes(folder: string): string {
  let start = 0;
  if (folder.startsWith("./")) {
    start = 2;
    while (folder[start] === "/") start++;
  }
  let end = folder.length;
  while (end > start && folder[end - 1] === "/") end--;
  return folder.slice(start, end) || ".";
}
