import { evaluateClaim, type Evaluation } from "../assert/evaluate.js";
import { evidencePolicy } from "../assert/evidence-standard.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { comparePositions, formatDocPath } from "../model/position.js";
import type { RunResult } from "../model/result.js";
import { buildIndex } from "../project/build.js";
import type { ProjectIndex } from "../project/types.js";
import { builtinChecks, rules } from "../rules/index.js";
import { docsPath, type Report, type Rule } from "../rules/types.js";
import { discover } from "./discover.js";
import { loadFiles } from "../cache/load-files-cached.js";
import { addTime, timed, timedSync } from "../cache/timing.js";
import type { LoadedFile } from "./load-files.js";
import type { RunOptions } from "./options.js";
import { renderMessage } from "./render.js";
import { assembleResult } from "./result.js";

/** Reads the project under `options.root` and checks it. Never throws for bad input. */
export async function runCheck(options: RunOptions): Promise<RunResult> {
  const files = await timed(options.timing, "discover", () => discover(options.root, options.claims, options.sources));
  // Read, parse (fast subset parser, `yaml` where it gives up) and validate every file, through the cache if asked.
  const loaded = await loadFiles(files, options);
  return checkLoaded(loaded, options);
}

/** What the rules phase produces, before it becomes a result document. */
export interface CheckOutcome {
  index: ProjectIndex;
  evaluations: Map<string, Evaluation>;
  diagnostics: Diagnostic[];
}

/** Runs evaluation and every enabled rule over files already loaded. Pure apart from the rules it runs. */
export function checkLoaded(loaded: LoadedFile[], options: RunOptions): RunResult {
  const outcome = runRules(loaded, options);
  return timedSync(options.timing, "result", () => assembleResult(loaded, outcome, options));
}

export function runRules(loaded: LoadedFile[], options: RunOptions): CheckOutcome {
  const started = performance.now();
  const index = buildIndex({
    docs: loaded.flatMap((l) => (l.valid ? [l.valid] : [])),
    registryBroken: loaded.some((l) => l.file.role === "entities" && !l.valid),
    today: options.today,
  });
  const indexed = performance.now();
  addTime(options.timing, "index", indexed - started);
  const evaluations = new Map<string, Evaluation>();
  for (const claim of index.claims) {
    if (evaluations.has(claim.id)) continue; // duplicate ids: unique-id reports them
    const evaluation = evaluateClaim(claim, index);
    if (evaluation) evaluations.set(claim.id, evaluation);
  }
  const diagnostics: Diagnostic[] = loaded.flatMap((l) => l.diagnostics);
  const evidence = evidencePolicy(options.evidence, options.rules["evidence-sufficiency"]);
  for (const rule of rules) {
    const setting = options.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === "off") continue;
    const report = (r: Report) => diagnostics.push(toDiagnostic(rule, setting, r));
    rule.check({ index, evaluations, evidence, report });
  }
  for (const check of builtinChecks) {
    if (options.rules[check.id] === "warning") {
      for (const d of diagnostics) if (d.ruleId === check.id) d.severity = "warning";
    }
  }
  addTime(options.timing, "rules", performance.now() - indexed);
  return { index, evaluations, diagnostics: dedupeAndSort(diagnostics) };
}

function toDiagnostic(rule: Rule, severity: "error" | "warning", report: Report): Diagnostic {
  const template = rule.messages[report.messageId];
  if (template === undefined) throw new TypeError(`rule "${rule.id}" reported unknown messageId "${report.messageId}"`);
  const data = report.data ?? {};
  const diagnostic: Diagnostic = {
    ruleId: rule.id,
    messageId: report.messageId,
    data,
    message: renderMessage(template, data),
    severity,
    at: { ...report.at.doc.locate(report.at.path, { key: report.at.key }), path: formatDocPath(report.at.path) },
    docs: docsPath(rule.id),
  };
  if (report.claimId !== undefined) diagnostic.claimId = report.claimId;
  if (report.related?.length) {
    diagnostic.related = report.related.map((r) => {
      const relatedTemplate = rule.messages[r.messageId];
      if (relatedTemplate === undefined) throw new TypeError(`rule "${rule.id}" reported unknown messageId "${r.messageId}"`);
      return { message: renderMessage(relatedTemplate, r.data ?? {}), at: { ...r.at.doc.locate(r.at.path, { key: r.at.key }), path: formatDocPath(r.at.path) } };
    });
  }
  return diagnostic;
}

/** Drops exact repeats and orders by file, line, column, rule, message. */
export function dedupeAndSort(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.at.file}:${d.at.line}:${d.at.column}:${d.ruleId}:${d.messageId}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort(
    (a, b) =>
      comparePositions(a.at, b.at) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Runs `fn` over items with at most `limit` in flight; results keep the input order. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
