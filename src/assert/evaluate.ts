import type { DocPath } from "../model/position.js";
import type { EvidenceRef, PartKind, PartResult, Verdict } from "../model/result.js";
import { statementKey } from "../project/build.js";
import type { AssertPart, Claim, DateRef, Fact, FactSelector, Literal, ProjectIndex, Statement } from "../project/types.js";
import {
  addYears,
  compareDates,
  fallsIn,
  firstDay,
  formatPartialDate,
  lastDay,
  parsePartialDate,
  type PartialDate,
} from "../time/partial-date.js";
import { orderValues, sameValue, showValue } from "./values.js";

/** Something in an assertion the evaluator could not use as written. Rules report these. */
export type AssertProblem =
  /** The part names a fact (`source#fact`) of a source the claim does not cite. */
  | { kind: "uncited-fact"; path: DocPath; ref: string; source: string }
  /** No cited source states this subject and property, but uncited ones do. */
  | { kind: "uncited-only"; path: DocPath; subject: string; property: string; sources: string[] }
  /** The deciding statement is ranked deprecated: nothing better-ranked exists. */
  | { kind: "deprecated"; path: DocPath; fact: Fact }
  /** The part is malformed: no kind, two kinds, or a missing selector or comparison. */
  | { kind: "bad-part"; path: DocPath; detail: string }
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

const PART_KINDS: PartKind[] = ["all", "any", "value", "compare", "date", "first-since", "last-before", "count"];
const COMPARATORS = ["equals", "not-equals", "in", "lt", "lte", "gt", "gte"] as const;
type Comparator = (typeof COMPARATORS)[number];
const OP_WORDS: Record<string, string> = {
  equals: "=", "not-equals": "≠", in: "in", lt: "<", lte: "≤", gt: ">", gte: "≥",
  eq: "=", ne: "≠",
};

interface Scope {
  claim: Claim;
  index: ProjectIndex;
  cited: Set<string>;
  asOf?: PartialDate;
  used: Set<Fact>;
  problems: AssertProblem[];
}

/** Evaluates a claim's `assert` against the facts of its cited sources, as of its `as-of` date. */
export function evaluateClaim(claim: Claim, index: ProjectIndex): Evaluation | undefined {
  const assertion = claim.data.assert;
  if (!assertion) return undefined;
  const scope: Scope = {
    claim,
    index,
    cited: new Set((claim.data.citations ?? []).map((c) => c.source)),
    asOf: parsePartialDate(claim.data["as-of"]),
    used: new Set(),
    problems: [],
  };
  const part = evaluatePart(assertion, ["assert"], scope);
  const used = [...scope.used].sort((a, b) => (a.source === b.source ? a.index - b.index : a.source < b.source ? -1 : 1));
  return { claimId: claim.id, part, derived: part.verdict, used, problems: scope.problems };
}

function evaluatePart(part: AssertPart, path: DocPath, scope: Scope): PartResult {
  const kinds = PART_KINDS.filter((k) => (part as Record<string, unknown>)[k] !== undefined);
  let result: PartResult;
  if (kinds.length !== 1) {
    const detail = kinds.length === 0 ? `needs one of ${PART_KINDS.join(", ")}` : `has ${kinds.join(" and ")}; one part checks one thing`;
    scope.problems.push({ kind: "bad-part", path, detail });
    result = blank("all", "a well-formed part", detail);
  } else {
    const kind = kinds[0]!;
    const at = [...path, kind];
    switch (kind) {
      case "all":
      case "any":
        result = evaluateGroup(kind, part[kind]!, at, scope);
        break;
      case "value":
        result = evaluateValue(part.value!, at, scope);
        break;
      case "compare":
        result = evaluateCompare(part.compare!, at, scope);
        break;
      case "date":
        result = evaluateDate(part.date!, at, scope);
        break;
      case "first-since":
        result = evaluatePrevious("first-since", part["first-since"]!, at, scope);
        break;
      case "last-before":
        result = evaluatePrevious("last-before", part["last-before"]!, at, scope);
        break;
      case "count":
        result = evaluateCount(part.count!, at, scope);
        break;
    }
  }
  if (part.id !== undefined) result.id = part.id;
  if (part.label !== undefined) result.label = part.label;
  if (part.expect !== undefined) result.expect = part.expect;
  result.at = scope.claim.doc.locate(path);
  return result;
}

function blank(kind: PartKind, expected: string, found: string, verdict: Verdict = "unverifiable"): PartResult {
  return { kind, expected, found, verdict, evidence: [], later: [] };
}

/** Combines sub-verdicts: see docs/assertions.md, "Deriving a verdict". */
export function combine(kind: "all" | "any", verdicts: Verdict[]): Verdict {
  if (kind === "any") {
    if (verdicts.includes("supported")) return "supported";
    if (verdicts.length > 0 && verdicts.every((v) => v === "refuted")) return "refuted";
    return "unverifiable";
  }
  if (verdicts.length === 0) return "unverifiable";
  for (const v of ["supported", "refuted", "unverifiable"] as const) if (verdicts.every((x) => x === v)) return v;
  return "mixed";
}

function evaluateGroup(kind: "all" | "any", parts: AssertPart[], path: DocPath, scope: Scope): PartResult {
  const results = parts.map((p, i) => evaluatePart(p, [...path, i], scope));
  const verdict = combine(kind, results.map((r) => r.verdict));
  const tally = (["supported", "refuted", "mixed", "unverifiable"] as const)
    .map((v) => [v, results.filter((r) => r.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`)
    .join(", ");
  return {
    kind,
    expected: kind === "all" ? `all ${parts.length} parts hold` : `any of ${parts.length} parts holds`,
    found: tally,
    verdict,
    evidence: [],
    later: [],
    parts: results,
  };
}

// ---- choosing facts -------------------------------------------------------------

interface Decision {
  /** The deciding statements (one value, or several that disagree). */
  chosen: Array<{ fact: Fact; statement: Statement }>;
  later: Array<{ fact: Fact; statement: Statement }>;
  /** Set when the best-ranked statements disagree. */
  conflict: boolean;
}

const RANK_ORDER = { preferred: 0, normal: 1, deprecated: 2 } as const;

function isLater(fact: Fact, scope: Scope): boolean {
  return Boolean(scope.asOf && fact.time && compareDates(fact.time, scope.asOf) > 0);
}

/** The statements that decide a selector, among cited sources, as of the claim's date. */
function decide(selector: FactSelector, property: string | undefined, path: DocPath, scope: Scope): Decision {
  let pool: Array<{ fact: Fact; statement: Statement }> = [];
  if (selector.fact !== undefined) {
    const [sourceId, factId] = selector.fact.split("#") as [string, string];
    const source = scope.index.sources.get(sourceId);
    const fact = source?.facts.find((f) => f.id === factId);
    if (!fact) {
      scope.problems.push({ kind: "unknown-fact", path, ref: selector.fact });
      return { chosen: [], later: [], conflict: false };
    }
    if (!scope.cited.has(sourceId)) {
      scope.problems.push({ kind: "uncited-fact", path, ref: selector.fact, source: sourceId });
      return { chosen: [], later: [], conflict: false };
    }
    pool = fact.statements
      .filter((s) => property === undefined || s.property === property)
      .map((statement) => ({ fact, statement }));
  } else {
    const subject = selector.event ?? selector.subject;
    const prop = property ?? selector.property;
    if (subject === undefined || prop === undefined) {
      scope.problems.push({ kind: "bad-part", path, detail: "needs subject and property, event, or fact" });
      return { chosen: [], later: [], conflict: false };
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
  if (known.length === 0) return { chosen: [], later, conflict: false };
  // A loop, not Math.min(...list): spreading a list of 100,000 facts overflows the stack.
  let best: number = RANK_ORDER.deprecated;
  for (const s of known) best = Math.min(best, RANK_ORDER[s.fact.rank]);
  const chosen = known.filter((s) => RANK_ORDER[s.fact.rank] === best);
  if (best === RANK_ORDER.deprecated) {
    for (const s of chosen) scope.problems.push({ kind: "deprecated", path, fact: s.fact });
  }
  const first = chosen[0]!.statement.value;
  const conflict = chosen.some((s) => !sameValue(s.statement.value, first));
  return { chosen, later, conflict };
}

function evidenceOf(items: Array<{ fact: Fact; statement: Statement }>, scope: Scope): EvidenceRef[] {
  const seen = new Set<string>();
  const out: EvidenceRef[] = [];
  for (const { fact, statement } of items) {
    const key = `${fact.source}#${fact.id}#${statement.property}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const source = scope.index.sources.get(fact.source)!;
    out.push({
      source: fact.source,
      fact: fact.id,
      statement: `${statement.subject} ${statement.property} ${showValue(statement.value)}`,
      excerpt: fact.excerpt,
      time: fact.time ? formatPartialDate(fact.time) : undefined,
      rank: fact.rank,
      at: source.doc.locate(["facts", fact.index, ...statement.path]),
    });
  }
  return out;
}

function describeSelector(selector: FactSelector, property?: string): string {
  if (selector.fact) return property ? `${selector.fact} ${property}` : selector.fact;
  const subject = selector.event ?? selector.subject ?? "?";
  return `${subject} ${property ?? selector.property ?? "?"}`;
}

function conflictText(decision: Decision): string {
  return `sources disagree: ${decision.chosen.map((s) => `${s.fact.source} says ${showValue(s.statement.value)}`).join("; ")}`;
}

function noEvidence(decision: Decision, scope: Scope): string {
  if (decision.later.length > 0) {
    const dates = decision.later.map((s) => (s.fact.time ? formatPartialDate(s.fact.time) : "?")).join(", ");
    return `no cited fact as of ${scope.asOf ? formatPartialDate(scope.asOf) : "the claim's date"}; later developments (${dates}) do not decide`;
  }
  return "no cited source states it";
}

// ---- leaves --------------------------------------------------------------------

function evaluateValue(spec: FactSelector & Partial<Record<Comparator, unknown>>, path: DocPath, scope: Scope): PartResult {
  const comparators = COMPARATORS.filter((c) => spec[c] !== undefined);
  const target = describeSelector(spec);
  if (comparators.length !== 1) {
    scope.problems.push({ kind: "bad-part", path, detail: `value needs exactly one of ${COMPARATORS.join(", ")}` });
    return blank("value", target, "no comparison given");
  }
  const op = comparators[0]!;
  const literal = spec[op] as Literal | Literal[];
  const expected = `${target} ${OP_WORDS[op]} ${Array.isArray(literal) ? `[${literal.join(", ")}]` : showValue(literal)}`;
  const decision = decide(spec, undefined, path, scope);
  const result = blank("value", expected, "");
  result.evidence = evidenceOf(decision.chosen, scope);
  result.later = evidenceOf(decision.later, scope);
  if (decision.chosen.length === 0) {
    result.found = noEvidence(decision, scope);
    return result;
  }
  if (decision.conflict) {
    result.found = conflictText(decision);
    result.verdict = "mixed";
    return result;
  }
  const value = decision.chosen[0]!.statement.value;
  result.found = `${showValue(value)} (${decision.chosen.map((s) => `${s.fact.source}#${s.fact.id}`).join(", ")})`;
  const holds = testComparison(value, op, literal);
  result.verdict = holds === undefined ? "unverifiable" : holds ? "supported" : "refuted";
  return result;
}

function testComparison(value: Literal | string[], op: Comparator | "eq" | "ne", literal: Literal | Literal[] | string[]): boolean | undefined {
  if (op === "in") return (literal as Literal[]).some((l) => sameValue(value, l));
  const order = orderValues(value, literal as Literal);
  if (order === undefined) return op === "not-equals" || op === "ne" ? true : op === "equals" || op === "eq" ? false : undefined;
  switch (op) {
    case "equals":
    case "eq":
      return order === 0;
    case "not-equals":
    case "ne":
      return order !== 0;
    case "lt":
      return order < 0;
    case "lte":
      return order <= 0;
    case "gt":
      return order > 0;
    case "gte":
      return order >= 0;
  }
}

function evaluateCompare(spec: NonNullable<AssertPart["compare"]>, path: DocPath, scope: Scope): PartResult {
  const expected = `${describeSelector(spec.left)} ${OP_WORDS[spec.op] ?? spec.op} ${describeSelector(spec.right)}`;
  const left = decide(spec.left, undefined, [...path, "left"], scope);
  const right = decide(spec.right, undefined, [...path, "right"], scope);
  const result = blank("compare", expected, "");
  result.evidence = [...evidenceOf(left.chosen, scope), ...evidenceOf(right.chosen, scope)];
  result.later = [...evidenceOf(left.later, scope), ...evidenceOf(right.later, scope)];
  if (left.chosen.length === 0 || right.chosen.length === 0) {
    result.found = `${left.chosen.length === 0 ? "left" : "right"}: ${noEvidence(left.chosen.length === 0 ? left : right, scope)}`;
    return result;
  }
  if (left.conflict || right.conflict) {
    result.found = conflictText(left.conflict ? left : right);
    result.verdict = "mixed";
    return result;
  }
  const a = left.chosen[0]!.statement.value;
  const b = right.chosen[0]!.statement.value;
  result.found = `${showValue(a)} against ${showValue(b)}`;
  const holds = testComparison(a, spec.op === "eq" ? "equals" : spec.op === "ne" ? "not-equals" : spec.op, b as Literal);
  result.verdict = holds === undefined ? "unverifiable" : holds ? "supported" : "refuted";
  return result;
}

/** A date resolved from a literal or from facts, with the facts that gave it. */
interface ResolvedDate {
  date?: PartialDate;
  text: string;
  decision?: Decision;
}

function resolveDate(ref: DateRef, path: DocPath, scope: Scope): ResolvedDate {
  if (typeof ref === "string" || typeof ref === "number") {
    const date = parsePartialDate(ref);
    if (!date) scope.problems.push({ kind: "bad-part", path, detail: `"${ref}" is not a date` });
    return { date, text: String(ref) };
  }
  const property = ref.event !== undefined || (ref.fact !== undefined && ref.property === undefined) ? "date" : undefined;
  const decision = decide(ref, property ?? ref.property, path, scope);
  const label = describeSelector(ref, property);
  if (decision.chosen.length === 0) return { text: `${label}: ${noEvidence(decision, scope)}`, decision };
  if (decision.conflict) return { text: `${label}: ${conflictText(decision)}`, decision };
  const value = decision.chosen[0]!.statement.value;
  const date = parsePartialDate(Array.isArray(value) ? undefined : value);
  return { date, text: date ? `${label} ${formatPartialDate(date)}` : `${label} ${showValue(value)} (not a date)`, decision };
}

function evaluateDate(spec: NonNullable<AssertPart["date"]>, path: DocPath, scope: Scope): PartResult {
  const tests = (["in", "before", "after", "within", "anniversary"] as const).filter((t) => spec[t] !== undefined);
  const subject: FactSelector = { event: spec.event, subject: spec.subject, property: spec.property, fact: spec.fact };
  const result = blank("date", describeSelector(subject, spec.event !== undefined ? "date" : undefined), "");
  if (tests.length !== 1) {
    scope.problems.push({ kind: "bad-part", path, detail: "date needs exactly one of in, before, after, within, anniversary" });
    result.found = "no test given";
    return result;
  }
  const test = tests[0]!;
  const own = resolveDate(subject, path, scope);
  const decisions: Decision[] = own.decision ? [own.decision] : [];
  let verdict: Verdict = "unverifiable";
  let expected = "";
  let found = own.text;
  const settle = (other: ResolvedDate | undefined, judge: (d: PartialDate, o: PartialDate) => Verdict) => {
    if (other?.decision) decisions.push(other.decision);
    if (other && !other.date) {
      found = `${own.text}; ${other.text}`;
      return;
    }
    if (!own.date || own.decision?.conflict) {
      if (own.decision?.conflict) verdict = "mixed";
      return;
    }
    if (other && test !== "in") found = `${own.text}; ${other.text}`;
    verdict = judge(own.date, other?.date ?? own.date);
  };
  switch (test) {
    case "in": {
      const period = parsePartialDate(spec.in);
      expected = `in ${String(spec.in)}`;
      settle(period ? { date: period, text: String(spec.in) } : { text: `"${String(spec.in)}" is not a date` }, (d, p) => {
        const inside = fallsIn(d, p);
        return inside === "unknown" ? "unverifiable" : inside ? "supported" : "refuted";
      });
      break;
    }
    case "before":
    case "after": {
      const other = resolveDate(spec[test]!, [...path, test], scope);
      expected = `${test} ${other.decision ? describeRef(spec[test]!) : other.text}`;
      settle(other, (d, o) => {
        const order = compareDates(d, o);
        const want = test === "before" ? -1 : 1;
        if (order === want) return "supported";
        if (order === -want) return "refuted";
        // Equal at the coarser precision: only two day-precise dates can say "not before".
        return d.precision === "day" && o.precision === "day" ? "refuted" : "unverifiable";
      });
      break;
    }
    case "within": {
      const { days, of } = spec.within!;
      const other = resolveDate(of, [...path, "within", "of"], scope);
      expected = `within ${days} days of ${other.decision ? describeRef(of) : other.text}`;
      settle(other, (d, o) => judgeWithin(d, o, days));
      break;
    }
    case "anniversary": {
      const { of, years } = spec.anniversary!;
      const tolerance = spec.anniversary!["tolerance-days"] ?? 0;
      const other = resolveDate(of, [...path, "anniversary", "of"], scope);
      expected = `${years}-year anniversary of ${describeRef(of)}${tolerance ? `, ±${tolerance} days` : ""}`;
      settle(other, (d, o) => judgeWithin(d, addYears(o, years), tolerance));
      if (other.date) found = `${own.text}; anniversary ${formatPartialDate(addYears(other.date, years))}`;
      break;
    }
  }
  result.expected = `${result.expected} ${expected}`;
  result.found = found;
  result.verdict = verdict;
  for (const d of decisions) {
    append(result.evidence, evidenceOf(d.chosen, scope));
    append(result.later, evidenceOf(d.later, scope));
  }
  return result;
}

function describeRef(ref: DateRef): string {
  return typeof ref === "object" ? describeSelector(ref, ref.event !== undefined ? "date" : undefined) : String(ref);
}

/** Within N days, over every day each partial date can mean. */
export function judgeWithin(a: PartialDate, b: PartialDate, days: number): Verdict {
  const widest = Math.max(Math.abs(lastDay(a) - firstDay(b)), Math.abs(lastDay(b) - firstDay(a)));
  const narrowest = Math.max(0, firstDay(a) - lastDay(b), firstDay(b) - lastDay(a));
  if (widest <= days) return "supported";
  if (narrowest > days) return "refuted";
  return "unverifiable";
}

/** Every cited, known event of a kind, with its date. */
function eventsOfKind(kind: string, scope: Scope): Array<{ event: string; date?: PartialDate; facts: Array<{ fact: Fact; statement: Statement }> }> {
  const byEvent = new Map<string, Array<{ fact: Fact; statement: Statement }>>();
  for (const sourceId of [...scope.cited].sort()) {
    const source = scope.index.sources.get(sourceId);
    if (!source) continue;
    for (const fact of source.facts) {
      if (fact.shape !== "event" || fact.record.kind !== kind || fact.rank === "deprecated" || isLater(fact, scope)) continue;
      const dateStatement = fact.statements.find((s) => s.property === "date")!;
      const list = byEvent.get(fact.record.event!) ?? [];
      list.push({ fact, statement: dateStatement });
      byEvent.set(fact.record.event!, list);
    }
  }
  return [...byEvent.entries()].map(([event, facts]) => ({
    event,
    date: parsePartialDate(facts[0]!.statement.value as string),
    facts,
  }));
}

function evaluatePrevious(
  kind: "first-since" | "last-before",
  spec: { event: string; kind: string; since?: string | number; before?: FactSelector },
  path: DocPath,
  scope: Scope,
): PartResult {
  // first-since: `event` is the later one; last-before: `before` names the later one.
  const later = kind === "first-since" ? spec.event : spec.before?.event;
  const expected =
    kind === "first-since"
      ? `${spec.event} is the first ${spec.kind} since ${String(spec.since)}`
      : `${spec.event} is the last ${spec.kind} before ${later ?? "?"}`;
  const result = blank(kind, expected, "");
  if (!later) {
    scope.problems.push({ kind: "bad-part", path, detail: "before needs an event" });
    result.found = "no later event named";
    return result;
  }
  const laterDate = decide({ event: later }, "date", path, scope);
  const witness = decide({ event: later }, "previous", path, scope);
  append(result.evidence, evidenceOf(laterDate.chosen, scope), evidenceOf(witness.chosen, scope));
  append(result.later, evidenceOf(laterDate.later, scope), evidenceOf(witness.later, scope));
  if (laterDate.chosen.length === 0) {
    result.found = `date of ${later}: ${noEvidence(laterDate, scope)}`;
    return result;
  }
  if (witness.chosen.length === 0) {
    result.found = `no cited source states which ${spec.kind} came before ${later}`;
    return result;
  }
  if (witness.conflict) {
    result.found = conflictText(witness);
    result.verdict = "mixed";
    return result;
  }
  const previous = String(witness.chosen[0]!.statement.value);
  const previousDate = decide({ event: previous }, "date", path, scope);
  append(result.evidence, evidenceOf(previousDate.chosen, scope));
  append(result.later, evidenceOf(previousDate.later, scope));
  if (previousDate.chosen.length === 0) {
    result.found = `previous ${spec.kind} is ${previous}; its date: ${noEvidence(previousDate, scope)}`;
    return result;
  }
  const pDate = parsePartialDate(previousDate.chosen[0]!.statement.value as string)!;
  const lDate = parsePartialDate(laterDate.chosen[0]!.statement.value as string)!;
  result.found = `previous ${spec.kind}: ${previous} (${formatPartialDate(pDate)})`;
  if (kind === "last-before" && previous !== spec.event) {
    result.verdict = "refuted";
    return result;
  }
  if (kind === "first-since") {
    const inYear = fallsIn(pDate, parsePartialDate(spec.since)!);
    if (inYear !== true) {
      // The previous event's date decides: name it first.
      result.evidence = [...evidenceOf(previousDate.chosen, scope), ...result.evidence.filter((e) => !previousDate.chosen.some((c) => c.fact.id === e.fact && c.fact.source === e.source))];
      result.verdict = inYear === "unknown" ? "unverifiable" : "refuted";
      return result;
    }
  }
  const between = eventsOfKind(spec.kind, scope).filter(
    (e) => e.event !== previous && e.event !== later && e.date && compareDates(e.date, pDate) > 0 && compareDates(e.date, lDate) < 0,
  );
  if (between.length > 0) {
    result.evidence = [...evidenceOf(between.flatMap((e) => e.facts), scope), ...result.evidence];
    result.found += `; but ${between.map((e) => `${e.event} (${formatPartialDate(e.date!)})`).join(", ")} came in between`;
    result.verdict = "refuted";
    return result;
  }
  result.verdict = "supported";
  return result;
}

function evaluateCount(spec: NonNullable<AssertPart["count"]>, path: DocPath, scope: Scope): PartResult {
  const ops = (["equals", "lt", "lte", "gt", "gte"] as const).filter((o) => spec[o] !== undefined);
  const from = spec.from !== undefined ? parsePartialDate(spec.from) : undefined;
  const to = spec.to !== undefined ? parsePartialDate(spec.to) : undefined;
  const period = `${from ? `from ${formatPartialDate(from)}` : ""}${from && to ? " " : ""}${to ? `to ${formatPartialDate(to)}` : ""}`;
  const result = blank("count", "", "");
  if (ops.length !== 1) {
    scope.problems.push({ kind: "bad-part", path, detail: "count needs exactly one of equals, lt, lte, gt, gte" });
    result.found = "no comparison given";
    return result;
  }
  const op = ops[0]!;
  const limit = spec[op]!;
  result.expected = `number of ${spec.kind} events${period ? ` ${period}` : ""} ${OP_WORDS[op]} ${limit}`;
  let uncertain = 0;
  const inside = eventsOfKind(spec.kind, scope).filter((e) => {
    if (!e.date) return false;
    const afterFrom = from ? compareDates(e.date, from) : 1;
    const beforeTo = to ? compareDates(e.date, to) : -1;
    // Equal at the coarser precision counts as inside: the period's ends are inclusive.
    return afterFrom >= 0 && beforeTo <= 0;
  });
  for (const e of inside) {
    if ((from && e.date!.precision === "year" && from.precision !== "year") || (to && e.date!.precision === "year" && to.precision !== "year")) uncertain++;
    scope.used.add(e.facts[0]!.fact);
  }
  result.evidence = evidenceOf(inside.flatMap((e) => e.facts), scope);
  result.found = `${inside.length}${inside.length ? ` (${inside.map((e) => e.event).join(", ")})` : ""}`;
  const holds = testComparison(inside.length, op, limit);
  result.verdict = uncertain > 0 ? "unverifiable" : holds ? "supported" : "refuted";
  return result;
}

/** Appends lists one item at a time: push(...list) passes each item as an argument, and overflows the stack on a long list. */
function append<T>(target: T[], ...lists: T[][]): void {
  for (const list of lists) for (const item of list) target.push(item);
}
