import type { DocPath } from "../model/position.js";
import type { EvidenceRef, PartKind, PartResult, Verdict } from "../model/result.js";
import { statementKey } from "../project/build.js";
import type { AssertPart, Claim, DateRef, Fact, FactSelector, ProjectIndex, PropertyRecord, Statement } from "../project/types.js";
import { compareDates, formatPartialDate, type PartialDate } from "../time/partial-date.js";
import { relate } from "./quantity.js";
import type { Truth } from "./truth.js";
import { and, verdictOf } from "./truth.js";
import { dateInterval, merge, readValue, showTyped, type Typed } from "./typed.js";

/** Something in an assertion the evaluator could not use as written. Rules report these. */
export type AssertProblem =
  /** The part names a fact (`source#fact`) of a source the claim does not cite. */
  | { kind: "uncited-fact"; path: DocPath; ref: string; source: string }
  /** No cited source states this subject and property, but uncited ones do. */
  | { kind: "uncited-only"; path: DocPath; subject: string; property: string; sources: string[] }
  /** The deciding statement is ranked deprecated: nothing better-ranked exists. */
  | { kind: "deprecated"; path: DocPath; fact: Fact }
  /** The part is malformed: no kind, two kinds, or a missing selector or comparison. `part` is its kind. */
  | { kind: "bad-part"; path: DocPath; part?: PartKind; detail: string }
  /** A literal does not match the declared type of the property it is compared with. */
  | { kind: "bad-literal"; path: DocPath; property: string; detail: string }
  /** A `source#fact` reference names no fact. */
  | { kind: "unknown-fact"; path: DocPath; ref: string };

/** A claim's assertion, evaluated. */
export interface Evaluation {
  claimId: string;
  part: PartResult;
  derived: Verdict;
  /** Every fact that was evidence or a later development, for the timeline. */
  used: Fact[];
  problems: AssertProblem[];
}

/** What every part evaluates in: the claim, the index, and what the evaluation collects. */
export interface Scope {
  claim: Claim;
  index: ProjectIndex;
  cited: Set<string>;
  asOf?: PartialDate;
  used: Set<Fact>;
  problems: AssertProblem[];
  /** Evaluates a sub-part (groups call it). */
  evaluatePart(part: AssertPart, path: DocPath): PartResult;
}

/** One statement of a cited source that a part may use. */
export interface Candidate {
  fact: Fact;
  statement: Statement;
}

export interface Decision {
  /** The deciding statements: best-ranked, known as of the claim's date, holding at the part's date. */
  chosen: Candidate[];
  /** Statements whose period may or may not include the part's date. */
  uncertain: Candidate[];
  /** Statements dated after the claim's as-of date: reported, never deciding. */
  later: Candidate[];
  /** Statements whose value does not match the property's declared type: never compared. */
  mistyped: Candidate[];
  /** Statements whose `start`/`end` put them at other times than the part's date. */
  elsewhen: Candidate[];
}

const EMPTY: Decision = { chosen: [], uncertain: [], later: [], mistyped: [], elsewhen: [] };
const RANK_ORDER = { preferred: 0, normal: 1, deprecated: 2 } as const;

export function blank(kind: PartKind, expected: string, found: string, verdict: Verdict = "unverifiable"): PartResult {
  return { kind, expected, found, verdict, evidence: [], later: [] };
}

export function isLater(fact: Fact, scope: Scope): boolean {
  return Boolean(scope.asOf && fact.time && compareDates(fact.time, scope.asOf) > 0);
}

/** The registry's declaration of a property, if any. */
export function propertyOf(scope: Scope, property: string | undefined): PropertyRecord | undefined {
  return property === undefined ? undefined : scope.index.registry?.properties.get(property);
}

/**
 * Statements read once per run: a statement belongs to one index, and its reading depends
 * only on that index's registry. `null` marks a value that does not fit its type.
 */
const readings = new WeakMap<Statement, Typed | null>();

/** A statement's value, read as its property is declared; undefined when it does not match. */
export function typedValue(candidate: Candidate, scope: Scope): Typed | undefined {
  const { statement, fact } = candidate;
  let reading = readings.get(statement);
  if (reading === undefined) {
    const read = readValue(statement.value, builtinProperty(statement.property) ?? propertyOf(scope, statement.property), { year: fact.time?.year });
    reading = "typed" in read ? read.typed : null;
    readings.set(statement, reading);
  }
  return reading ?? undefined;
}

/** Events' own properties: their dates are dates, whatever the registry says. */
function builtinProperty(property: string): PropertyRecord | undefined {
  if (property === "date") return { label: "date", type: "date" };
  return undefined;
}

const asOfCache = new WeakMap<Scope, Typed | null>();

/** The claim's as-of date as days, once per claim. */
function asOfDays(scope: Scope): Typed | undefined {
  let days = asOfCache.get(scope);
  if (days === undefined) {
    days = (scope.asOf ? dateInterval(formatPartialDate(scope.asOf)) : undefined) ?? null;
    asOfCache.set(scope, days);
  }
  return days ?? undefined;
}

/**
 * Whether a statement with `start`/`end` holds on every day of `at`: true, false, or
 * undetermined where the dates' precision cannot tell. A statement without them holds always.
 */
export function holdsAt(fact: Fact, at: Typed | undefined): Truth {
  const record = fact.record;
  if (!at || at.kind !== "date" || fact.shape !== "statement" || (record.start === undefined && record.end === undefined)) return true;
  let holds: Truth = true;
  if (record.start !== undefined) {
    const start = dateInterval(record.start);
    if (start?.kind === "date") holds = and(holds, relate(start.q, "lte", at.q));
  }
  if (record.end !== undefined) {
    const end = dateInterval(record.end);
    if (end?.kind === "date") holds = and(holds, relate(end.q, "gte", at.q));
  }
  return holds;
}

/**
 * The statements that decide a selector among cited sources, as of the claim's date, at
 * the part's date (`at`, else the as-of date).
 */
export function decide(selector: FactSelector, property: string | undefined, path: DocPath, scope: Scope, at?: Typed): Decision {
  let pool: Candidate[] = [];
  if (selector.fact !== undefined) {
    const [sourceId, factId] = selector.fact.split("#") as [string, string];
    const source = scope.index.sources.get(sourceId);
    const fact = source?.facts.find((f) => f.id === factId);
    if (!fact) {
      scope.problems.push({ kind: "unknown-fact", path, ref: selector.fact });
      return EMPTY;
    }
    if (!scope.cited.has(sourceId)) {
      scope.problems.push({ kind: "uncited-fact", path, ref: selector.fact, source: sourceId });
      return EMPTY;
    }
    pool = fact.statements.filter((s) => property === undefined || s.property === property).map((statement) => ({ fact, statement }));
  } else {
    const subject = selector.event ?? selector.subject;
    const prop = property ?? selector.property;
    if (subject === undefined || prop === undefined) {
      scope.problems.push({ kind: "bad-part", path, detail: "needs subject and property, event, or fact" });
      return EMPTY;
    }
    const all = scope.index.statements.get(statementKey(subject, prop)) ?? [];
    pool = all.filter((s) => scope.cited.has(s.fact.source));
    if (pool.length === 0 && all.length > 0) {
      const sources = [...new Set(all.map((s) => s.fact.source))].sort();
      scope.problems.push({ kind: "uncited-only", path, subject, property: prop, sources });
    }
  }
  const later = pool.filter((s) => isLater(s.fact, scope));
  const known = pool.filter((s) => !isLater(s.fact, scope));
  for (const s of [...known, ...later]) scope.used.add(s.fact);
  const mistyped: Candidate[] = [];
  const holding: Candidate[] = [];
  const maybe: Candidate[] = [];
  const elsewhen: Candidate[] = [];
  const reference = at ?? asOfDays(scope);
  for (const s of known) {
    if (typedValue(s, scope) === undefined) mistyped.push(s);
    else {
      const holds = holdsAt(s.fact, reference);
      (holds === true ? holding : holds === false ? elsewhen : maybe).push(s);
    }
  }
  if (holding.length === 0) return { chosen: [], uncertain: maybe, later, mistyped, elsewhen };
  // A loop, not Math.min(...list): spreading a list of 100,000 facts overflows the stack.
  let best: number = RANK_ORDER.deprecated;
  for (const s of holding) best = Math.min(best, RANK_ORDER[s.fact.rank]);
  const chosen = holding.filter((s) => RANK_ORDER[s.fact.rank] === best);
  if (best === RANK_ORDER.deprecated) {
    for (const s of chosen) scope.problems.push({ kind: "deprecated", path, fact: s.fact });
  }
  const uncertain = maybe.filter((s) => RANK_ORDER[s.fact.rank] <= best);
  return { chosen, uncertain, later, mistyped, elsewhen };
}

/** What a set of statements says a test gives. */
export interface Judgement {
  verdict: Verdict;
  found: string;
  /** The value the statements agree on, when they agree. */
  value?: Typed;
}

/**
 * Applies a test to the deciding statements. Statements that can all be true at once
 * (equal values, or overlapping amounts and dates) are read as the value they share. Real
 * disagreement decides only where every side gives the same answer (a claim that both
 * sources satisfy is supported); otherwise it is mixed. A statement that may or may not
 * hold at the part's date and would answer otherwise leaves the part unverifiable.
 */
export function judge(decision: Decision, scope: Scope, test: (value: Typed) => { truth: Truth; why?: string }): Judgement {
  const typed = decision.chosen.map((c) => ({ c, t: typedValue(c, scope)! }));
  let shared: Typed | undefined = typed[0]?.t;
  for (const { t } of typed.slice(1)) shared = shared && merge(shared, t);
  const names = (list: Candidate[]) => list.map((c) => `${c.fact.source}#${c.fact.id}`).join(", ");
  let verdict: Verdict;
  let found: string;
  if (shared) {
    const outcome = test(shared);
    verdict = verdictOf(outcome.truth);
    found = `${showTyped(shared)} (${names(decision.chosen)})${outcome.why ? `; ${outcome.why}` : ""}`;
  } else {
    const truths = typed.map(({ t }) => test(t).truth);
    const sides = typed.map(({ c, t }) => `${c.fact.source} says ${showTyped(t)}`).join("; ");
    if (truths.every((t) => t === true)) verdict = "supported";
    else if (truths.every((t) => t === false)) verdict = "refuted";
    else verdict = "mixed";
    found = verdict === "mixed" ? `sources disagree: ${sides}` : `sources differ, but each gives the same answer: ${sides}`;
  }
  const doubtful = decision.uncertain.filter((c) => {
    const t = typedValue(c, scope);
    return t !== undefined && verdictOf(test(t).truth) !== verdict;
  });
  if (doubtful.length > 0 && verdict !== "mixed") {
    found += `; but ${names(doubtful)} may also hold then, and would answer otherwise`;
    verdict = "unverifiable";
  }
  return { verdict, found, value: shared };
}

export function evidenceOf(items: Candidate[], scope: Scope): EvidenceRef[] {
  const seen = new Set<string>();
  const out: EvidenceRef[] = [];
  for (const { fact, statement } of items) {
    const key = `${fact.source}#${fact.id}#${statement.property}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const source = scope.index.sources.get(fact.source)!;
    const typed = typedValue({ fact, statement }, scope);
    out.push({
      source: fact.source,
      fact: fact.id,
      statement: `${statement.subject} ${statement.property} ${typed ? showTyped(typed) : JSON.stringify(statement.value)}`,
      excerpt: fact.excerpt,
      time: fact.time ? formatPartialDate(fact.time) : undefined,
      rank: fact.rank,
      at: source.doc.locate(["facts", fact.index, ...statement.path]),
    });
  }
  return out;
}

/** Records a decision's statements as the part's evidence and later developments. */
export function attach(result: PartResult, decision: Decision, scope: Scope): void {
  append(result.evidence, evidenceOf(decision.chosen.concat(decision.uncertain), scope));
  append(result.later, evidenceOf(decision.later, scope));
}

export function describeSelector(selector: FactSelector, property?: string): string {
  if (selector.fact) return property ? `${selector.fact} ${property}` : selector.fact;
  const subject = selector.event ?? selector.subject ?? "?";
  return `${subject} ${property ?? selector.property ?? "?"}`;
}

export function describeRef(ref: DateRef): string {
  return typeof ref === "object" ? describeSelector(ref, ref.event !== undefined ? "date" : undefined) : String(ref);
}

/** Why a decision has nothing to decide with, in words. */
export function noEvidence(decision: Decision, scope: Scope): string {
  if (decision.uncertain.length > 0) {
    return `${decision.uncertain.map((c) => `${c.fact.source}#${c.fact.id}`).join(", ")} may or may not hold at that date`;
  }
  if (decision.elsewhen.length > 0) {
    return `${decision.elsewhen.map((c) => `${c.fact.source}#${c.fact.id}`).join(", ")} held at other times (start/end), not at that date`;
  }
  if (decision.mistyped.length > 0) {
    return `${decision.mistyped.map((c) => `${c.fact.source}#${c.fact.id}`).join(", ")} states a value of the wrong type (not compared)`;
  }
  if (decision.later.length > 0) {
    const dates = decision.later.map((s) => (s.fact.time ? formatPartialDate(s.fact.time) : "?")).join(", ");
    return `no cited fact as of ${scope.asOf ? formatPartialDate(scope.asOf) : "the claim's date"}; later developments (${dates}) do not decide`;
  }
  return "no cited source states it";
}

/** Appends lists one item at a time: push(...list) passes each item as an argument, and overflows the stack on a long list. */
export function append<T>(target: T[], ...lists: T[][]): void {
  for (const list of lists) for (const item of list) target.push(item);
}
