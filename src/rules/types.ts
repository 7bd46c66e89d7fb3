import type { GroundingFinding } from "../grounding/ground-sources.js";
import type { LoadedDoc } from "../load/document.js";
import type { MessageData, Severity } from "../model/diagnostic.js";
import type { DocPath } from "../model/position.js";
import type { Claim, ProjectIndex } from "../project/types.js";
import type { AssertProblem, Evaluation } from "../assert/evaluate.js";
import type { EvidencePolicy } from "../assert/evidence-standard.js";

/** Where a finding points: a node of a loaded document, by path. The loader turns it into a position. */
export interface Locator {
  doc: LoadedDoc;
  path: DocPath;
  /** Point at the key rather than the value. */
  key?: boolean;
}

/** What a rule reports: data, never finished sentences. */
export interface Report {
  messageId: string;
  data?: MessageData;
  at: Locator;
  /** The claim concerned, when the finding is not in the claim's own file. */
  claimId?: string;
  /** Other places that explain the finding, each with its own message id. */
  related?: Array<{ messageId: string; data?: MessageData; at: Locator }>;
}

/**
 * What a project-wide rule may read of a claim's evaluation: small, plain data that the cache
 * keeps beside the claim's findings, so a warm run or a shard need not evaluate every claim
 * again for the project-wide rules (problems that hold a fact object are left out).
 */
export interface ClaimSummary {
  claimId: string;
  problems: Array<Exclude<AssertProblem, { kind: "deprecated" }>>;
}

/** What a rule sees. Read-only; rules never touch the file system, print or exit. */
export interface RuleContext {
  index: ProjectIndex;
  /**
   * The claims a per-claim rule checks, in index order: every claim on a cold run; on a warm
   * run those whose dependencies changed (the others keep their findings); on a shard, the
   * shard's share. Project-wide rules read `index.claims`, all of them.
   */
  claims: readonly Claim[];
  /** The evaluated assertion of each claim in `claims` (and of the first claim of its id), by claim id; claims without `assert` are absent. For per-claim rules. */
  evaluations: ReadonlyMap<string, Evaluation>;
  /** What project-wide rules may know of every evaluated claim, by claim id; claims without `assert` are absent. */
  summaries: ReadonlyMap<string, ClaimSummary>;
  /** The project's evidence standard; undefined when evidence-sufficiency is turned off (src/assert/evidence-standard.ts). */
  evidence?: EvidencePolicy;
  /**
   * fact-grounded's findings, when they were worked out on another thread while the claims
   * were evaluated (src/grounding/off-thread.ts); undefined, or a call that gives undefined,
   * when the rule works them out itself.
   */
  grounding?: () => GroundingFinding[] | undefined;
  report(report: Report): void;
}

/** One check. The file name under src/rules/ is the id. */
export interface Rule {
  id: string;
  description: string;
  /**
   * How far the rule looks, for incremental checks and shards. "claim": every finding is about
   * one claim, and follows from that claim and what the project graph records it depends on
   * (src/project/graph.ts: its cited sources and facts, its article, the registry), so a claim
   * none of whose dependencies changed keeps its findings. "project": the rule compares across
   * claims or sources (duplicates, contradictions, orphans) or checks sources themselves, and
   * runs over the whole project.
   */
  scope: "claim" | "project";
  defaultSeverity: Severity;
  /** Message templates by id; `{name}` is replaced with `data.name`. */
  messages: Record<string, string>;
  check(context: RuleContext): void;
}

/** The documentation page of a rule, relative to the package root. */
export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
