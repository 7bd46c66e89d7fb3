import type { Diagnostic, Severity } from "./diagnostic.js";
import type { Position } from "./position.js";
import type { SourceKind, Standing } from "./source-standing.js";

/** A fact-checker's verdict, declared or derived. */
export type Verdict = "supported" | "refuted" | "mixed" | "unverifiable";
export const VERDICTS: readonly Verdict[] = ["supported", "refuted", "mixed", "unverifiable"];

/** Wikidata's statement ranks. */
export type Rank = "preferred" | "normal" | "deprecated";

/** A claim passes when nothing at error severity concerns it. */
export type ClaimStatus = "pass" | "fail";

/** A fact that took part in evaluating a part. */
export interface EvidenceRef {
  /** Source id. */
  source: string;
  /** Fact id within the source. */
  fact: string;
  /** What the fact states, in one line (`russian-iss-segment committed-until 2028`). */
  statement: string;
  /** The verbatim excerpt that backs the fact. */
  excerpt?: string;
  /** The fact's time (date string at its precision), used for the as-of cut-off. */
  time?: string;
  rank: Rank;
  /** Fields of the fact that its excerpt does not state, and why the fact states them (its `grounding`). */
  inferred?: { fields: string[]; reason: string };
  at: Position;
}

/** Kinds of assertion parts. */
export type PartKind = "value" | "compare" | "date" | "duration" | "first-since" | "last-before" | "count" | "members" | "all" | "any";

/** One evaluated part of a claim's assertion, with its evidence. */
export interface PartResult {
  kind: PartKind;
  id?: string;
  label?: string;
  /** What the part requires, in words. */
  expected: string;
  /** What the cited facts give, in words. */
  found: string;
  verdict: Verdict;
  /** The verdict this part alone was declared to derive, if any. */
  expect?: Verdict;
  /** Facts that decided the part. */
  evidence: EvidenceRef[];
  /** Matching facts dated after the claim's as-of date: reported, not deciding. */
  later: EvidenceRef[];
  /** Sub-parts of `all` / `any`. */
  parts?: PartResult[];
  /**
   * Set on the whole claim or a top-level part whose facts give supported or refuted on
   * evidence short of the project's standard: under the standard it counts as unverifiable.
   */
  insufficientEvidence?: true;
  at?: Position;
}

/** One citation of a claim, resolved against its source. */
export interface CitationResult {
  source: string;
  quote: string;
  /** Whether the quote was found in the source's excerpts or snapshot. */
  found: boolean;
  /** Id of the excerpt the quote was found in, when found in one. */
  excerpt?: string;
  title?: string;
  containerTitle?: string;
  url?: string;
  archiveUrl?: string;
  issued?: string;
  /** What sort of publication the source is (docs/source-standing.md). */
  kind?: SourceKind;
  /** How much weight the source deserves (docs/source-standing.md). */
  standing?: Standing;
  /** ISO 3166-1 alpha-2 code of the state that owns or directs the outlet. */
  stateAffiliated?: string;
  network?: string;
  /** The retired reliability class, when the record still uses it. */
  reliability?: string;
  at: Position;
}

/** What two sources of an evidence group share, so that they count as one. */
export interface GroupLink {
  /** `outlet`: the same outlet's text; `mirror-of`: one republishes the other; `network`: one owner or republishing network; `state`: the same state. */
  by: "outlet" | "mirror-of" | "network" | "state";
  /** The outlet's name, the network id, the state's code, or the source id a mirror names. */
  value: string;
}

/** Citations of a claim whose sources are not independent of each other: together they count as one source. */
export interface EvidenceGroup {
  /** Source ids of the group, in citation order. */
  sources: string[];
  /** 0-based indexes of the claim's citations whose source is in the group. */
  citations: number[];
  /** The outlets whose text the group's sources carry. */
  outlets: string[];
  /** Why the sources are one group; empty for a group of one source. */
  links: GroupLink[];
  /** Under the project's evidence standard: whether some source of the group counts (its standing counts). */
  counts?: boolean;
  /** Under the project's evidence standard: whether a counting source of the group is primary. */
  primary?: boolean;
}

/** Everything the run found about one claim. */
export interface ClaimResult {
  id: string;
  /** Id of the article the claim belongs to (its folder under `claims/`). */
  article: string;
  file: string;
  at: Position;
  text: string;
  asOf?: string;
  declared?: Verdict;
  derived?: Verdict;
  rationale?: string;
  status: ClaimStatus;
  citations: CitationResult[];
  /** The cited sources sorted into independent groups (src/project/independence.ts). */
  evidenceGroups?: EvidenceGroup[];
  evaluation?: PartResult;
  /** Every diagnostic that concerns this claim, sorted. */
  diagnostics: Diagnostic[];
}

/** A sentence of an article and what accounts for it. */
export interface SentenceResult {
  /** 0-based UTF-16 offset of the sentence's first character in the article text. */
  start: number;
  /** 0-based UTF-16 offset just past the sentence's last character. */
  end: number;
  kind: "claim" | "opinion" | "not-checked" | "uncovered";
  claims: string[];
  /** The verdict shown for a claim sentence (the derived one, else the declared one). */
  verdict?: Verdict;
  reason?: string;
}

/** An article under test: its text, sentence by sentence. */
export interface ArticleResult {
  id: string;
  title?: string;
  source?: string;
  url?: string;
  text?: string;
  sentences: SentenceResult[];
  coverage: { sentences: number; claim: number; opinion: number; notChecked: number; uncovered: number };
}

/** A dated fact, for the timeline. */
export interface TimelineEntry {
  source: string;
  fact: string;
  statement: string;
  /** Date string at its precision (`2018`, `2018-10`, `2018-10-11`). */
  time: string;
  rank: Rank;
  /** Claims whose evaluation used this fact. */
  claims: string[];
  /** The event the fact records, for an event record: facts with the same event and time are one event, stated by several sources. */
  event?: string;
  /** What the fact states in the registry's words: the event's label, or "subject — property: value" with their labels. */
  label?: string;
}

/** A source record, summarised for reports. */
export interface SourceSummary {
  id: string;
  file: string;
  title?: string;
  containerTitle?: string;
  url?: string;
  archiveUrl?: string;
  issued?: string;
  kind?: SourceKind;
  standing?: Standing;
  stateAffiliated?: string;
  network?: string;
  /** The retired reliability class, when the record still uses it. */
  reliability?: string;
  mirrorOf?: string;
  citedBy: string[];
}

/** A rule as reports describe it. */
export interface RuleSummary {
  id: string;
  description: string;
  /** As the run applied it: the configured setting, else the rule's default; "off" when it did not run. */
  severity: Severity | "off";
  docs: string;
}

export interface Summary {
  claims: number;
  passed: number;
  failed: number;
  errors: number;
  warnings: number;
  files: number;
  /** Claims by declared verdict. */
  declared: Record<Verdict, number>;
  /** Claims by derived verdict (claims without an assertion are not counted). */
  derived: Record<Verdict, number>;
}

/** What `claimcheck recheck` found a cited page to say now (docs/evidence.md). */
export type RecheckOutcome = "still-says-it" | "changed" | "moved" | "gone" | "could-not-check";

/** An excerpt no longer found on its page, and the passage most like it there now. */
export interface VanishedExcerpt {
  excerpt: string;
  closest?: string;
}

/** One source's page, as `claimcheck recheck` found it. */
export interface RecheckStatus {
  source: string;
  /** The source record's file, relative to the root. */
  file: string;
  url: string;
  outcome: RecheckOutcome;
  httpStatus?: number;
  /** Where the page was read from, after redirects, when that is not `url`. */
  finalUrl?: string;
  /** Why the page is gone or could not be checked. */
  detail?: string;
  /** The page's text differs from the stored snapshot's (absent without a snapshot to compare). */
  textChanged?: boolean;
  /** Excerpts no longer on the page. */
  vanished?: VanishedExcerpt[];
  /** The server answered 304 Not Modified: the previous recheck's reading stands. */
  notModified?: boolean;
}

/** The one document every report is made from. Schema: `schema/result.schema.json`. */
export interface RunResult {
  schemaVersion: 1;
  tool: { name: "claimcheck"; version: string };
  summary: Summary;
  articles: ArticleResult[];
  claims: ClaimResult[];
  sources: SourceSummary[];
  timeline: TimelineEntry[];
  rules: RuleSummary[];
  /** Every diagnostic of the run, sorted by file, line, column, rule. */
  diagnostics: Diagnostic[];
  /** Present in the result of `claimcheck recheck`: each rechecked source's page, sorted by source id. */
  recheck?: { sources: RecheckStatus[] };
}
