import type { PartResult, Verdict } from "../model/result.js";
import { STANDINGS, standingOf, type Standing } from "../model/source-standing.js";
import { independenceGroups, type IndependenceGroup } from "../project/independence.js";
import type { AssertPart, Claim, ProjectIndex } from "../project/types.js";
import { combine } from "./truth.js";

/**
 * The project's evidence standard: what a supported or refuted finding needs. Set under
 * `evidence:` in claimcheck.config.yaml; the rule evidence-sufficiency reports findings that
 * fall short of it, and a verdict of `unverifiable` over facts that fall short of it is what
 * the facts give (docs/rules/evidence-sufficiency.md).
 */
export interface EvidencePolicy {
  /** Independent groups of counting sources a finding needs. */
  independentSources: number;
  /** One primary source (kind primary) suffices on its own. */
  primarySuffices: boolean;
  /** Sources affiliated with a state suffice on their own for a claim about that state. */
  ownStateSuffices: boolean;
  /** Standings whose sources count as evidence. */
  countingStandings: ReadonlySet<Standing>;
}

/** A newsroom's rule of thumb (AFP, Reuters): two independent sources, or the primary source itself. */
export const DEFAULT_POLICY: EvidencePolicy = {
  independentSources: 2,
  primarySuffices: true,
  ownStateSuffices: false,
  countingStandings: new Set<Standing>(["generally-reliable", "use-with-care", "unassessed"]),
};

/**
 * The standard in force: the `evidence:` settings (validated by the config schema) over the
 * defaults, or none when the rule evidence-sufficiency is turned off.
 */
export function evidencePolicy(settings: Readonly<Record<string, unknown>> | undefined, ruleSetting?: string): EvidencePolicy | undefined {
  if (ruleSetting === "off") return undefined;
  // One policy object per settings object, so that judgements memoised by policy (judgeClaim)
  // are found again by the result after the rules made them.
  const key = settings ?? NO_SETTINGS;
  const known = policies.get(key);
  if (known) return known;
  const policy = policyOf(settings ?? {});
  policies.set(key, policy);
  return policy;
}

const NO_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({});
const policies = new WeakMap<Readonly<Record<string, unknown>>, EvidencePolicy>();

function policyOf(o: Readonly<Record<string, unknown>>): EvidencePolicy {
  const standings = Array.isArray(o["counting-standings"])
    ? (o["counting-standings"] as unknown[]).filter((s): s is Standing => (STANDINGS as readonly unknown[]).includes(s))
    : undefined;
  return {
    independentSources: typeof o["independent-sources"] === "number" ? o["independent-sources"] : DEFAULT_POLICY.independentSources,
    primarySuffices: typeof o["primary-suffices"] === "boolean" ? o["primary-suffices"] : DEFAULT_POLICY.primarySuffices,
    ownStateSuffices: typeof o["own-state-suffices"] === "boolean" ? o["own-state-suffices"] : DEFAULT_POLICY.ownStateSuffices,
    countingStandings: standings ? new Set(standings) : DEFAULT_POLICY.countingStandings,
  };
}

/** An independence group, weighed: whether it counts, whether it holds a primary source, which states it speaks for. */
export interface WeighedGroup extends IndependenceGroup {
  counts: boolean;
  primary: boolean;
  /** ISO codes of the states its sources are affiliated with. */
  states: string[];
}

/** How a finding's evidence measures against the standard. */
export interface Judgement {
  groups: WeighedGroup[];
  /** Groups that count. */
  counting: number;
  /** Enough independent groups, or a primary one. */
  enough: boolean;
  /** A state the finding is about whose own sources are all the counting evidence there is. */
  ownState?: string;
  sufficient: boolean;
}

/**
 * Judgements of evidence already made, by index, standard, and sources and states: claims
 * citing the same sources about the same states get one judgement, read by all of them and
 * changed by none.
 */
const judgements = new WeakMap<ProjectIndex, Map<EvidencePolicy, Map<string, Judgement>>>();
const MAX_JUDGEMENTS = 100_000;

/** Measures sources against the standard. `states`: the states the finding is about. */
export function judgeEvidence(sources: readonly string[], states: ReadonlySet<string>, index: ProjectIndex, policy: EvidencePolicy): Judgement {
  let byPolicy = judgements.get(index);
  if (!byPolicy) judgements.set(index, (byPolicy = new Map()));
  let known = byPolicy.get(policy);
  if (!known) byPolicy.set(policy, (known = new Map()));
  const key = JSON.stringify([sources, [...states].sort()]);
  let judgement = known.get(key);
  if (!judgement) {
    judgement = judgeEvidenceOnce(sources, states, index, policy);
    if (known.size < MAX_JUDGEMENTS) known.set(key, judgement);
  }
  return judgement;
}

function judgeEvidenceOnce(sources: readonly string[], states: ReadonlySet<string>, index: ProjectIndex, policy: EvidencePolicy): Judgement {
  const groups = independenceGroups(sources, index).map((group): WeighedGroup => {
    const records = group.sources.map((id) => index.sources.get(id)!.data);
    const counting = records.map(standingOf).filter((s) => policy.countingStandings.has(s.standing));
    const states = new Set<string>();
    for (const r of records) if (r["state-affiliated"] !== undefined) states.add(r["state-affiliated"]);
    return { ...group, counts: counting.length > 0, primary: counting.some((s) => s.kind === "primary"), states: [...states].sort() };
  });
  const countingGroups = groups.filter((g) => g.counts);
  const enough = countingGroups.length >= policy.independentSources || (policy.primarySuffices && countingGroups.some((g) => g.primary));
  const ownState = policy.ownStateSuffices
    ? undefined
    : [...states].sort().find((state) => countingGroups.length > 0 && countingGroups.every((g) => g.states.includes(state)));
  return { groups, counting: countingGroups.length, enough, ownState, sufficient: enough && ownState === undefined };
}

/** A piece of a claim the standard judges: the whole claim, or one of its top-level parts. */
export interface JudgedPiece {
  part: PartResult;
  /** The part's place under `assert` (`["assert", "all", 2]`), or `["assert"]` for the whole. */
  path: Array<string | number>;
  /** The part's id or label; undefined for the whole claim. */
  name?: string;
  /** Its facts' verdict, supported or refuted. */
  verdict: "supported" | "refuted";
  judgement: Judgement;
}

/** How a claim's evaluated assertion measures against the standard. */
export interface ClaimStanding {
  /** The whole claim, when its facts give supported or refuted. */
  whole?: JudgedPiece;
  /** Each top-level part of an `all` or `any` whose facts give supported or refuted. */
  parts: JudgedPiece[];
  /**
   * The verdict the facts give under the standard: a supported or refuted claim whose evidence
   * falls short is unverifiable; a mixed one counts each falling-short part as unverifiable.
   */
  derived: Verdict;
}

/**
 * Judgements already made, by the evaluated assertion they judge. The result, the rule
 * evidence-sufficiency and assertion-holds each ask about the same evaluation; the answer
 * depends only on it, the claim, the index and the standard, so it is worked out once.
 */
const judged = new WeakMap<PartResult, { claim: Claim; index: ProjectIndex; policy: EvidencePolicy; standing: ClaimStanding }>();

/** Judges a claim's whole evidence and each of its top-level parts. */
export function judgeClaim(claim: Claim, root: PartResult, index: ProjectIndex, policy: EvidencePolicy): ClaimStanding {
  const known = judged.get(root);
  if (known && known.claim === claim && known.index === index && known.policy === policy) return known.standing;
  const standing = judgeClaimOnce(claim, root, index, policy);
  judged.set(root, { claim, index, policy, standing });
  return standing;
}

function judgeClaimOnce(claim: Claim, root: PartResult, index: ProjectIndex, policy: EvidencePolicy): ClaimStanding {
  const assertion = claim.data.assert;
  // Groups are told in the order the claim cites their sources.
  const citedOrder = new Map<string, number>();
  (claim.data.citations ?? []).forEach((c, i) => citedOrder.has(c.source) || citedOrder.set(c.source, i));
  const inCitationOrder = (ids: string[]) => [...ids].sort((a, b) => (citedOrder.get(a) ?? Infinity) - (citedOrder.get(b) ?? Infinity));
  const piece = (part: PartResult, record: AssertPart | undefined, path: Array<string | number>, name?: string): JudgedPiece | undefined => {
    if (part.verdict !== "supported" && part.verdict !== "refuted") return undefined;
    const judgement = judgeEvidence(inCitationOrder(evidenceSources(part)), statesOf(record, index), index, policy);
    return { part, path, name, verdict: part.verdict, judgement };
  };
  const whole = piece(root, assertion, ["assert"]);
  const group = root.kind === "all" || root.kind === "any" ? root.kind : undefined;
  const parts: JudgedPiece[] = [];
  (group ? (root.parts ?? []) : []).forEach((part, i) => {
    const judged = piece(part, assertion?.[group!]?.[i], ["assert", group!, i], part.id ?? part.label ?? `${group}[${i}]`);
    if (judged) parts.push(judged);
  });
  let derived: Verdict = root.verdict;
  if (whole) derived = whole.judgement.sufficient ? root.verdict : "unverifiable";
  else if (root.verdict === "mixed" && group) {
    const short = new Set(parts.filter((p) => !p.judgement.sufficient).map((p) => p.part));
    derived = combine(group, (root.parts ?? []).map((p) => (short.has(p) ? "unverifiable" : p.verdict)));
  }
  return { whole, parts, derived };
}

/** Sources of the facts that decided a part and its sub-parts (later developments excluded), in order. */
export function evidenceSources(part: PartResult): string[] {
  return [...new Set([...part.evidence.map((e) => e.source), ...(part.parts ?? []).flatMap(evidenceSources)])];
}

/** The states a part of an assertion is about: those of the entities it names, by the registry's `state`. */
export function statesOf(part: AssertPart | undefined, index: ProjectIndex): Set<string> {
  const states = new Set<string>();
  for (const id of entitiesNamed(part, index)) {
    const state = index.registry?.entities.get(id)?.state;
    if (state !== undefined) states.add(state);
  }
  return states;
}

/** Every entity and event id an assertion part names, with the subjects of facts it names by `source#fact`. */
function entitiesNamed(part: AssertPart | undefined, index: ProjectIndex): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        if ((key === "subject" || key === "event") && typeof inner === "string") out.add(inner);
        else if (key === "fact" && typeof inner === "string") {
          const [source, fact] = inner.split("#");
          for (const s of index.sources.get(source ?? "")?.facts.find((f) => f.id === fact)?.statements ?? []) out.add(s.subject);
        } else walk(inner);
      }
    }
  };
  walk(part);
  return out;
}
