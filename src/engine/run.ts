import { evaluateClaim, type Evaluation } from "../assert/evaluate.js";
import type { ClaimRecord } from "./claim-record.js";
import { openReuse, saveReuse } from "./incremental.js";
import { firstClaimWithId } from "../project/first-claim.js";
import type { ClaimResult } from "../model/result.js";
import { evidencePolicy } from "../assert/evidence-standard.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { comparePositions, formatDocPath } from "../model/position.js";
import type { RunResult } from "../model/result.js";
import { buildIndex } from "../project/build.js";
import type { Claim, Fact, ProjectIndex } from "../project/types.js";
import { builtinChecks, rules } from "../rules/index.js";
import { factGrounded } from "../rules/fact-grounded.js";
import { startGrounding } from "../grounding/off-thread.js";
import type { GroundingFinding } from "../grounding/ground-sources.js";
import { docsPath, type ClaimSummary, type Report, type Rule, type RuleContext } from "../rules/types.js";
import { loadRepository } from "../load/load-files.js";
import { addCount, addTime, timedSync } from "../options/timing.js";
import type { LoadedFile } from "../load/loaded-file.js";
import type { RunOptions } from "../options/run-options.js";
import { renderMessage } from "../model/render-message.js";
import { assembleStream, type CheckOutcome } from "./result.js";
import { materialise, streamOf, type ResultStream } from "../model/result-stream.js";

export type { CheckOutcome } from "./result.js";

/** Reads the project under `options.root` and checks it (reusing earlier runs' work when the cache is on). Never throws for bad input. */
export async function runCheck(options: RunOptions): Promise<RunResult> {
  return checkRepository(await loadRepository(options), options);
}

/**
 * Checks loaded files, through the cache's per-claim records when the run has a cache
 * (src/engine/incremental.ts): a claim none of whose dependencies changed is not evaluated again.
 */
export async function checkRepository(loaded: LoadedFile[], options: RunOptions, plan: Pick<CheckPlan, "claims"> = {}): Promise<RunResult> {
  return materialise(await checkRepositoryStream(loaded, options, plan));
}

/**
 * checkRepository, its result as a stream. Without a cache the claims are built as the
 * reports reach them; with one they are built here, since their records are saved with them.
 */
export async function checkRepositoryStream(loaded: LoadedFile[], options: RunOptions, plan: Pick<CheckPlan, "claims"> = {}): Promise<ResultStream> {
  const cache = options.cache;
  if (!cache) return checkLoadedStream(loaded, options, plan);
  const reuse = await openReuse(loaded, options, cache);
  const fresh = new Map<string, ClaimRecord>();
  const result = materialise(checkLoadedStream(loaded, options, { ...plan, reuse: reuse.records, record: true }, fresh));
  await saveReuse(reuse, fresh, options, cache);
  return streamOf(result);
}

/**
 * What one run evaluates. Empty on a plain run: every claim, nothing reused. A shard names its
 * claim files; a warm run hands over the records of claims whose dependencies did not change
 * (src/engine/incremental.ts).
 */
export interface CheckPlan {
  /** The claim files evaluated and reported (a shard's share); every claim when undefined. */
  claims?: ReadonlySet<string>;
  /** Earlier runs' records by claim file, their dependency keys already matched. */
  reuse?: ReadonlyMap<string, ClaimRecord>;
  /** Make records of the claims evaluated afresh, for the next run. */
  record?: boolean;
}

/** Runs evaluation and every enabled rule over files already loaded. Pure apart from the rules it runs. */
export function checkLoaded(loaded: LoadedFile[], options: RunOptions, plan: CheckPlan = {}, records?: Map<string, ClaimRecord>): RunResult {
  return materialise(checkLoadedStream(loaded, options, plan, records));
}

/**
 * The same check, its result as a stream: the claims' results are built as the reports are
 * written (src/model/result-stream.ts), so a large run never holds them all. The records of
 * the claims evaluated afresh go into `records` at once; each one's result is filled in when
 * the stream builds that claim, so walk the stream before keeping them.
 */
export function checkLoadedStream(loaded: LoadedFile[], options: RunOptions, plan: CheckPlan = {}, records?: Map<string, ClaimRecord>): ResultStream {
  const outcome = runRules(loaded, options, plan);
  const stream = timedSync(options.timing, "result", () => assembleStream(loaded, outcome, options));
  if (records && outcome.records) for (const [file, record] of outcome.records) records.set(file, record);
  return stream;
}

export function runRules(loaded: LoadedFile[], options: RunOptions, plan: CheckPlan = {}): CheckOutcome {
  const started = performance.now();
  const index = buildIndex({
    docs: loaded.flatMap((l) => (l.valid ? [l.valid] : [])),
    registryBroken: loaded.some((l) => l.file.role === "entities" && !l.valid),
    invalid: loaded.flatMap((l) => (l.valid ? [] : [{ role: l.file.role, file: l.file.file, data: l.doc?.data, at: l.diagnostics[0]?.at }])),
    today: options.today,
  });
  const indexed = performance.now();
  addTime(options.timing, "index", indexed - started);
  // A large project's facts are grounded on another thread while the claims are evaluated.
  const grounding = (options.rules["fact-grounded"] ?? factGrounded.defaultSeverity) === "off" ? undefined : startGrounding(index);
  const outcome = evaluateAndRun(index, loaded, options, plan, grounding);
  if (outcome.crashed && plan.reuse && plan.reuse.size > 0) {
    // A rule or an evaluation threw (a bug): the reused findings might not be what a cold run
    // keeps, so this run starts again without them, and keeps no records.
    return { ...evaluateAndRun(index, loaded, options, { claims: plan.claims }, grounding), reused: new Map() };
  }
  addTime(options.timing, "rules", performance.now() - indexed);
  return outcome;
}

/**
 * Evaluates the claims in the plan's scope whose records are not reused (and, for a claim that
 * shares its id, the first claim of that id), runs the per-claim rules over them and every
 * project-wide rule over the whole index, and collects the findings: the loader's, the reused
 * claims' and this run's.
 */
function evaluateAndRun(
  index: ProjectIndex,
  loaded: LoadedFile[],
  options: RunOptions,
  plan: CheckPlan,
  grounding?: () => GroundingFinding[] | undefined,
): CheckOutcome & { crashed: boolean } {
  const diagnostics: Diagnostic[] = loaded.flatMap((l) => l.diagnostics);
  const inScope = (file: string) => !plan.claims || plan.claims.has(file);
  const idCount = new Map<string, number>();
  for (const claim of index.claims) idCount.set(claim.id, (idCount.get(claim.id) ?? 0) + 1);
  // A claim that shares its id depends on the first claim of that id (only that one is evaluated): never reused.
  const shared = (claim: Claim) => idCount.get(claim.id)! > 1;
  const reused = new Map<Claim, ClaimRecord>();
  const fresh: Claim[] = [];
  for (const claim of index.claims) {
    if (!inScope(claim.doc.file)) continue;
    const record = plan.reuse?.get(claim.doc.file);
    if (record && !shared(claim) && statementsUnchanged(record, index)) reused.set(claim, record);
    else fresh.push(claim);
  }
  addCount(options.timing, "claims evaluated", fresh.length);
  addCount(options.timing, "claims reused", reused.size);
  let crashed = false;

  const evaluations = new Map<string, Evaluation>();
  const lookedUp = new Map<string, Set<string>>();
  const evaluating = performance.now();
  for (const claim of fresh) {
    const first = firstClaimWithId(index, claim.id)!;
    if (evaluations.has(first.id) || lookedUp.has(first.id)) continue;
    const keys = new Set<string>();
    lookedUp.set(first.id, keys);
    try {
      const evaluation = evaluateClaim(first, plan.record ? recordingLookups(index, keys) : index);
      if (evaluation) evaluations.set(first.id, evaluation);
    } catch (error) {
      if (options.rethrowRuleErrors) throw error;
      crashed = true;
      diagnostics.push(crashed_("assertion-holds", "evaluationCrashed", error, first.doc.file));
    }
  }
  // Each rule's time and the evaluation's, beside the phases (CLAIMCHECK_TIMING): where "rules" goes.
  addTime(options.timing, "rules: evaluation", performance.now() - evaluating);
  const summaries = new Map<string, ClaimSummary>();
  for (const [id, evaluation] of evaluations) summaries.set(id, summaryOf(evaluation));
  for (const [claim, record] of reused) {
    if (record.summary) summaries.set(claim.id, record.summary);
    for (const d of record.findings) diagnostics.push(d);
  }

  const evidence = evidencePolicy(options.evidence, options.rules["evidence-sufficiency"]);
  const claimFindings = new Map<string, Diagnostic[]>();
  const freshFiles = new Set(fresh.map((c) => c.doc.file));
  for (const rule of rules) {
    const setting = options.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === "off") continue;
    // A rule's findings count only when it finishes: a rule that throws gives one finding
    // that names it and the file it was on, and every other rule still runs (ESLint and
    // markdownlint do the same). Tests rethrow, so a crash fails them loudly.
    const found: Diagnostic[] = [];
    const report = (r: Report) => void found.push(toDiagnostic(rule, setting, r));
    const context = { index, claims: fresh, evaluations, summaries, evidence, grounding };
    const ruleStarted = performance.now();
    try {
      rule.check({ ...context, report });
      addTime(options.timing, `rules: ${rule.id}`, performance.now() - ruleStarted);
      for (const d of found) {
        diagnostics.push(d);
        // Per-claim rules report on the claim's own file: that is whose record keeps the finding.
        if (rule.scope === "claim" && freshFiles.has(d.at.file)) {
          const list = claimFindings.get(d.at.file);
          if (list) list.push(d);
          else claimFindings.set(d.at.file, [d]);
        }
      }
    } catch (error) {
      if (options.rethrowRuleErrors) throw error;
      crashed = true;
      diagnostics.push(crashed_(rule.id, "ruleCrashed", error, fileWhereRuleThrows(rule, context)));
    }
  }
  for (const check of builtinChecks) {
    if (options.rules[check.id] === "warning") {
      for (const d of diagnostics) if (d.ruleId === check.id) d.severity = "warning";
    }
  }
  let records: Map<string, ClaimRecord> | undefined;
  if (plan.record && !crashed) {
    records = new Map();
    const factFiles = new Map<Fact, string>();
    for (const source of index.sourceList) for (const fact of source.facts) factFiles.set(fact, source.doc.file);
    for (const claim of fresh) {
      if (shared(claim)) continue;
      const evaluation = evaluations.get(claim.id);
      const keys = [...(lookedUp.get(claim.id) ?? [])].sort();
      records.set(claim.doc.file, {
        key: "",
        statements: keys.map((k) => [k, statingSources(index, k)]),
        findings: claimFindings.get(claim.doc.file) ?? [],
        ...(evaluation ? { summary: summaryOf(evaluation) } : {}),
        result: undefined as unknown as ClaimResult, // filled in by assembleStream, as the claim is built
        used: (evaluation?.used ?? []).map((f) => [factFiles.get(f)!, f.index]),
      });
    }
  }
  return { index, evaluations, diagnostics: dedupeAndSort(diagnostics), inScope, reused, ...(records ? { records } : {}), crashed };
}

/** The ids of the sources that state a statement-table entry, sorted and joined. */
function statingSources(index: ProjectIndex, key: string): string {
  return [...new Set((index.statements.get(key) ?? []).map((s) => s.fact.source))].sort().join("\n");
}

function statementsUnchanged(record: ClaimRecord, index: ProjectIndex): boolean {
  return record.statements.every(([key, sources]) => statingSources(index, key) === sources);
}

/** The index as one evaluation sees it, with every statement-table key it looks up noted in `keys`. */
function recordingLookups(index: ProjectIndex, keys: Set<string>): ProjectIndex {
  const statements = index.statements;
  const view = {
    get: (key: string) => {
      keys.add(key);
      return statements.get(key);
    },
  } as unknown as ProjectIndex["statements"];
  return { ...index, statements: view };
}

function summaryOf(evaluation: Evaluation): ClaimSummary {
  return { claimId: evaluation.claimId, problems: evaluation.problems.filter((p): p is ClaimSummary["problems"][number] => p.kind !== "deprecated") };
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
function crashed_(ruleId: string, messageId: keyof typeof engineMessages, error: unknown, file: string | undefined): Diagnostic {
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
    rule.check({ ...context, index: tracked, claims: watched([...context.claims]), report: () => {} });
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
