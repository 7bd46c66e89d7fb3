import { evaluateClaim, type Evaluation } from "../assert/evaluate.js";
import { evidencePolicy } from "../assert/evidence-standard.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { comparePositions, formatDocPath } from "../model/position.js";
import type { RunResult } from "../model/result.js";
import { buildIndex } from "../project/build.js";
import type { ProjectIndex } from "../project/types.js";
import { builtinChecks, rules } from "../rules/index.js";
import { docsPath, type Report, type Rule, type RuleContext } from "../rules/types.js";
import { loadRepository } from "../load/load-files.js";
import { addTime, timedSync } from "../options/timing.js";
import type { LoadedFile } from "../load/loaded-file.js";
import type { RunOptions } from "../options/run-options.js";
import { renderMessage } from "../model/render-message.js";
import { assembleStream, type CheckOutcome } from "./result.js";
import { materialise, type ResultStream } from "../model/result-stream.js";

export type { CheckOutcome } from "./result.js";

/** Reads the project under `options.root` and checks it. Never throws for bad input. */
export async function runCheck(options: RunOptions): Promise<RunResult> {
  return checkLoaded(await loadRepository(options), options);
}

/** Runs evaluation and every enabled rule over files already loaded. Pure apart from the rules it runs. */
export function checkLoaded(loaded: LoadedFile[], options: RunOptions): RunResult {
  return materialise(checkLoadedStream(loaded, options));
}

/**
 * The same check, its result as a stream: the claims' results are built as the reports are
 * written (src/model/result-stream.ts), so a large run never holds them all.
 */
export function checkLoadedStream(loaded: LoadedFile[], options: RunOptions): ResultStream {
  const outcome = runRules(loaded, options);
  return timedSync(options.timing, "result", () => assembleStream(loaded, outcome, options));
}

export function runRules(loaded: LoadedFile[], options: RunOptions): CheckOutcome {
  const started = performance.now();
  const index = buildIndex({
    docs: loaded.flatMap((l) => (l.valid ? [l.valid] : [])),
    registryBroken: loaded.some((l) => l.file.role === "entities" && !l.valid),
    invalid: loaded.flatMap((l) => (l.valid ? [] : [{ role: l.file.role, file: l.file.file, data: l.doc?.data, at: l.diagnostics[0]?.at }])),
    today: options.today,
  });
  const indexed = performance.now();
  addTime(options.timing, "index", indexed - started);
  const diagnostics: Diagnostic[] = loaded.flatMap((l) => l.diagnostics);
  const evaluations = new Map<string, Evaluation>();
  for (const claim of index.claims) {
    if (evaluations.has(claim.id)) continue; // duplicate ids: unique-id reports them
    try {
      const evaluation = evaluateClaim(claim, index);
      if (evaluation) evaluations.set(claim.id, evaluation);
    } catch (error) {
      if (options.rethrowRuleErrors) throw error;
      diagnostics.push(crashed("assertion-holds", "evaluationCrashed", error, claim.doc.file));
    }
  }
  const evidence = evidencePolicy(options.evidence, options.rules["evidence-sufficiency"]);
  for (const rule of rules) {
    const setting = options.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === "off") continue;
    // A rule's findings count only when it finishes: a rule that throws gives one finding
    // that names it and the file it was on, and every other rule still runs (ESLint and
    // markdownlint do the same). Tests rethrow, so a crash fails them loudly.
    const found: Diagnostic[] = [];
    const report = (r: Report) => void found.push(toDiagnostic(rule, setting, r));
    try {
      rule.check({ index, evaluations, evidence, report });
      for (const d of found) diagnostics.push(d);
    } catch (error) {
      if (options.rethrowRuleErrors) throw error;
      diagnostics.push(crashed(rule.id, "ruleCrashed", error, fileWhereRuleThrows(rule, { index, evaluations, evidence })));
    }
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

/** Wording of the engine's own findings, by message id. */
export const engineMessages = {
  ruleCrashed: 'rule "{rule}" crashed: {error}; the rule\'s other findings are left out. This is a bug in claimcheck: please report it',
  evaluationCrashed: 'evaluating the assert crashed: {error}. This is a bug in claimcheck: please report it',
} as const;

/** The finding that stands in for a rule (or an evaluation) that threw, at the top of the file it was on. */
function crashed(ruleId: string, messageId: keyof typeof engineMessages, error: unknown, file: string | undefined): Diagnostic {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const data = { rule: ruleId, error: text.split("\n")[0]!, file: file ?? null };
  return {
    ruleId,
    messageId,
    data,
    message: renderMessage(engineMessages[messageId], data),
    severity: "error",
    // With no file to blame, the finding points at the root, so it is still listed.
    at: { file: file ?? ".", line: 1, column: 1 },
    docs: docsPath(ruleId),
  };
}

/**
 * The file a rule was checking when it threw: the rule runs again over an index whose lists
 * remember the last claim, source or article handed out. Only after a crash, so a run that
 * goes well pays nothing. Rules are pure, so the second run throws where the first did.
 */
function fileWhereRuleThrows(rule: Rule, context: Omit<RuleContext, "report">): string | undefined {
  const { index } = context;
  let last: string | undefined;
  const watched = <T extends { doc: { file: string } }>(list: T[]): T[] =>
    new Proxy(list, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof key === "string" && /^\d+$/.test(key)) last = (value as T | undefined)?.doc.file ?? last;
        return value;
      },
    });
  const tracked: ProjectIndex = { ...index, claims: watched(index.claims), sourceList: watched(index.sourceList), articleList: watched(index.articleList) };
  try {
    rule.check({ ...context, index: tracked, report: () => {} });
  } catch {
    return last;
  }
  return undefined; // it did not throw again: nothing to blame
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
