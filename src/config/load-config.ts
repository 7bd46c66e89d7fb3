import { readFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.js";
import { DEFAULT_LIMITS } from "../options/limits.js";
import { loadYaml } from "../load/yaml-load.js";
import type { LoadedDoc } from "../load/document.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { builtinChecks, rules } from "../rules/index.js";
import { validateDoc } from "../schema/validate.js";
import { stripControl } from "../reporters/escape.js";
import { formatPosition } from "../reporters/labels.js";
import { didYouMean } from "../text/suggest.js";
import { renderMessage } from "../model/render-message.js";
import { reportPathLinkProblem, reportPathMessages, reportPathProblem, type ReportPathProblem } from "../paths/repository-paths.js";
import { CONFIG_FILE_NAME, type ConfigRecord, type LoadedConfig } from "./types.js";

/** A configuration file that cannot be used: every problem, each at its place. Exit code 2. */
export class ConfigError extends UsageError {
  constructor(
    readonly file: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super("bad-config", `invalid configuration in ${file}:\n${diagnostics.map(formatConfigDiagnostic).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** `file:line:col  message`, the way the terminal report shows a finding; the message quotes the file, so it is made safe to print. */
export function formatConfigDiagnostic(d: Diagnostic): string {
  return `  ${stripControl(formatPosition(d.at))}  ${stripControl(d.message)}`;
}

export interface FindConfigOptions {
  /** The repository root, where `claimcheck.config.yaml` is looked for. */
  root: string;
  /** The working directory, against which `explicit` resolves and paths in messages are shown. */
  cwd: string;
  /** A file named with `--config`: it must exist. */
  explicit?: string;
}

/**
 * Finds and loads the configuration: the file `--config` names, else `claimcheck.config.yaml`
 * at the root, else none (undefined). Throws ConfigError for a file that does not load or
 * validate, and UsageError for a named file that does not exist.
 */
export async function loadConfig(options: FindConfigOptions): Promise<LoadedConfig | undefined> {
  const file = options.explicit === undefined ? path.join(options.root, CONFIG_FILE_NAME) : path.resolve(options.cwd, options.explicit);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.explicit === undefined && code === "ENOENT") return undefined;
    throw new UsageError("bad-config", `cannot read configuration file ${options.explicit ?? file}: ${(error as Error).message}`);
  }
  const display = displayPath(options.cwd, file);
  const { doc, data } = parseConfigDoc(display, bytes);
  const linked = await reportPathLinks(doc, data, options.root);
  if (linked.length > 0) throw new ConfigError(display, linked);
  return { path: file, display, data };
}

/** Parses and validates configuration text. Pure apart from the schema it compiles once. */
export function parseConfig(display: string, bytes: Uint8Array): ConfigRecord {
  return parseConfigDoc(display, bytes).data;
}

function parseConfigDoc(display: string, bytes: Uint8Array): { doc: LoadedDoc; data: ConfigRecord } {
  const outcome = loadYaml(display, bytes, DEFAULT_LIMITS);
  if (!outcome.ok) throw new ConfigError(display, outcome.diagnostics);
  const errors = outcome.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new ConfigError(display, errors);
  const doc = outcome.doc;
  const unknownRules = checkRuleIds(doc);
  // The schema also rejects an unknown rule id (as an unknown key); say it once, in our words.
  const reported = new Set(unknownRules.map((d) => `${d.at.line}:${d.at.column}`));
  const schema = validateDoc(doc, "config").filter((d) => !(d.messageId === "unknownKey" && reported.has(`${d.at.line}:${d.at.column}`)));
  const data = (doc.data ?? {}) as ConfigRecord;
  const reportPaths = schema.length === 0 ? checkReportPaths(doc, data) : [];
  const diagnostics = [...unknownRules, ...schema, ...reportPaths].sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  if (diagnostics.length > 0) throw new ConfigError(display, diagnostics);
  return { doc, data };
}

/** Report files the configuration names (`name=file`), each with its index in `reports.formats`. */
function configuredReportFiles(data: ConfigRecord): Array<{ index: number; format: string; file: string }> {
  return (data.reports?.formats ?? []).flatMap((spec, index) => {
    const eq = spec.indexOf("=");
    return eq < 0 ? [] : [{ index, format: spec.slice(0, eq), file: spec.slice(eq + 1) }];
  });
}

/** Report paths of the configuration that leave the repository or enter .git by their text. */
function checkReportPaths(doc: LoadedDoc, data: ConfigRecord): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { index, format, file } of configuredReportFiles(data)) {
    const problem = reportPathProblem(file, format);
    if (problem) out.push(reportPathDiagnostic(doc, index, problem));
  }
  return out;
}

/** Report paths of the configuration that lead out of the repository (or into .git) through a symbolic link on their way. */
async function reportPathLinks(doc: LoadedDoc, data: ConfigRecord, root: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const { index, format, file } of configuredReportFiles(data)) {
    const problem = await reportPathLinkProblem(root, file, format);
    if (problem) out.push(reportPathDiagnostic(doc, index, problem));
  }
  return out;
}

function reportPathDiagnostic(doc: LoadedDoc, index: number, problem: ReportPathProblem): Diagnostic {
  return {
    ruleId: "config",
    messageId: problem.messageId,
    data: problem.data,
    message: renderMessage(reportPathMessages[problem.messageId], problem.data),
    severity: "error",
    at: doc.locate(["reports", "formats", index]),
    docs: "docs/configuration.md",
  };
}

/** Every rule id the configuration may name: the registry's rules and the built-in checks. */
export function knownRuleIds(): string[] {
  return [...builtinChecks.map((c) => c.id), ...rules.map((r) => r.id)].sort();
}

function checkRuleIds(doc: LoadedDoc): Diagnostic[] {
  const data = doc.data as { rules?: unknown } | null;
  const configured = data?.rules;
  if (configured === null || typeof configured !== "object" || Array.isArray(configured)) return [];
  const known = knownRuleIds();
  const out: Diagnostic[] = [];
  for (const id of Object.keys(configured)) {
    if (known.includes(id)) continue;
    const suggestion = didYouMean(id, known);
    out.push({
      ruleId: "config",
      messageId: "unknownRule",
      data: { rule: id, suggestion },
      message: `unknown rule "${id}"${suggestion ? ` — did you mean "${suggestion}"?` : `; rules: ${known.join(", ")}`}`,
      severity: "error",
      at: doc.locate(["rules", id], { key: true }),
      docs: "docs/configuration.md",
    });
  }
  return out;
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative).split(path.sep).join("/");
}
