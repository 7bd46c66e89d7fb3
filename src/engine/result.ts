import type { Diagnostic } from "../model/diagnostic.js";
import type {
  ArticleResult,
  CitationResult,
  ClaimResult,
  EvidenceGroup,
  PartResult,
  RunResult,
  SentenceResult,
  SourceSummary,
  Summary,
  TimelineEntry,
  Verdict,
} from "../model/result.js";
import { VERDICTS } from "../model/result.js";
import { type ClaimDigest, type ResultStream } from "../model/result-stream.js";
import { showValue } from "../assert/values.js";
import { evidencePolicy, judgeClaim, judgeEvidence, type ClaimStanding, type EvidencePolicy } from "../assert/evidence-standard.js";
import { standingOf } from "../model/source-standing.js";
import { firstClaimWithId } from "../project/first-claim.js";
import { independenceGroups, type IndependenceGroup } from "../project/independence.js";
import type { Claim, ClaimRecord as ClaimData, Fact, ProjectIndex, SourceRecord } from "../project/types.js";
import type { ClaimRecord } from "./claim-record.js";
import { builtinChecks, rules } from "../rules/index.js";
import { docsPath } from "../rules/types.js";
import { findQuote } from "../text/find-quote.js";
import { citedExcerpt } from "../project/cited-excerpt.js";
import { formatPartialDate } from "../time/partial-date.js";
import { capFindingsPerFile } from "./cap-findings.js";
import type { LoadedFile } from "../load/loaded-file.js";
import type { RunOptions } from "../options/run-options.js";
import type { Evaluation } from "../assert/evaluate.js";
import { markInferences } from "./inferred-evidence.js";
import { splitSentences } from "./sentences.js";

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** What the rules phase produces (src/engine/run.ts), before it becomes a result document. */
export interface CheckOutcome {
  index: ProjectIndex;
  evaluations: Map<string, Evaluation>;
  diagnostics: Diagnostic[];
  /** Whether a claim file is evaluated and reported by this run (a shard's share); every one when absent. */
  inScope?: (file: string) => boolean;
  /** Claims whose earlier record stands in for evaluating them (src/engine/incremental.ts). */
  reused?: ReadonlyMap<Claim, ClaimRecord>;
  /** Records of the claims evaluated afresh, by claim file; their results are filled in here. */
  records?: Map<string, ClaimRecord>;
}

/** A claim of the result, before its result is built: where it sorts, and how to build it. */
interface PendingClaim {
  article: string;
  id: string;
  file: string;
  digest: ClaimDigest;
  build: () => ClaimResult;
}

/**
 * The result document as a stream (src/model/result-stream.ts): the summary, articles,
 * sources, timeline, rules and diagnostics now, from one cheap pass over the claims'
 * digests; each claim's full result (citations, evidence groups, evaluation) only when a
 * reporter reaches it, so a run never holds them all. Deterministic: everything is sorted.
 */
export function assembleStream(loaded: LoadedFile[], outcome: CheckOutcome, options: RunOptions): ResultStream {
  const { index } = outcome;
  const inScope = outcome.inScope ?? (() => true);
  const selected = (file: string) => (!options.select || options.select.has(file)) && inScope(file);

  // Each claim file's diagnostics belong to its claim.
  const claimIdOfFile = new Map<string, string>();
  for (const l of loaded) {
    if (l.file.role !== "claim") continue;
    const data = l.doc?.data as Partial<ClaimData> | undefined;
    // An id that fails the id pattern is not trusted as a name; the file's name stands in.
    claimIdOfFile.set(l.file.file, typeof data?.id === "string" && ID_PATTERN.test(data.id) ? data.id : stem(l.file.file));
  }
  let diagnostics = outcome.diagnostics.map((d) => {
    const claimId = d.claimId ?? claimIdOfFile.get(d.at.file);
    return claimId === undefined ? d : { ...d, claimId };
  });
  if (options.select) {
    // A selected run (paths, --changed, a shard) reports the selected claims and what they
    // depend on: the sources they cite, their articles' own records, the registry, and any
    // other file selected by name (with --changed: every changed file). Whether a source is
    // cited at all is a whole-run question, asked only of a source selected by name.
    const relevant = relevantFiles(index, selected);
    diagnostics = diagnostics.filter((d) =>
      claimIdOfFile.has(d.at.file) ? selected(d.at.file) : selected(d.at.file) || (d.ruleId !== "orphan-source" && relevant.has(d.at.file)),
    );
  }
  diagnostics = capFindingsPerFile(diagnostics, options.limits.maxFindingsPerFile);
  const byClaimFile = groupBy(diagnostics, (d) => d.at.file);

  const pending: PendingClaim[] = [];
  const policy = evidencePolicy(options.evidence, options.rules["evidence-sufficiency"]);
  const validFiles = new Set(index.claims.map((c) => c.doc.file));
  for (const claim of index.claims) {
    if (!selected(claim.doc.file)) continue;
    const own = byClaimFile.get(claim.doc.file) ?? [];
    const reused = outcome.reused?.get(claim);
    if (reused) {
      // A kept result is whole already: it is its own digest.
      const kept = finishResult(reused.result, own, index);
      pending.push({ article: kept.article, id: kept.id, file: kept.file, digest: kept, build: () => kept });
      continue;
    }
    const digest = digestOf(claim, own, judgement(claim, outcome, policy));
    const record = outcome.records?.get(claim.doc.file);
    pending.push({
      article: claim.article,
      id: claim.id,
      file: claim.doc.file,
      digest,
      build: () => {
        const result = claimResult(claim, index, digest, policy, judgement(claim, outcome, policy));
        if (record) record.result = { ...result, diagnostics: [] };
        return result;
      },
    });
  }
  for (const l of loaded) {
    if (l.file.role !== "claim" || validFiles.has(l.file.file) || !selected(l.file.file)) continue;
    const data = (l.doc?.data ?? {}) as Partial<ClaimData>;
    const own = byClaimFile.get(l.file.file) ?? [];
    const broken: ClaimResult = {
      id: claimIdOfFile.get(l.file.file)!,
      article: l.file.article ?? "default",
      file: l.file.file,
      at: { file: l.file.file, line: 1, column: 1 },
      text: typeof data.text === "string" ? data.text : "",
      declared: VERDICTS.includes(data.verdict as Verdict) ? data.verdict : undefined,
      status: "fail",
      citations: [],
      diagnostics: own,
    };
    pending.push({ article: broken.article, id: broken.id, file: broken.file, digest: broken, build: () => broken });
  }
  pending.sort((a, b) => cmp(a.article, b.article) || cmp(a.id, b.id) || cmp(a.file, b.file));
  const digests = pending.map((p) => p.digest);

  // A shard marks the other shards' claims in its articles too, without a verdict it does not know
  // (merge fills those in): every shard then shows the same sentences.
  const unevaluated: ArticleMark[] = [];
  if (outcome.inScope) {
    for (const claim of index.claims) {
      if (!inScope(claim.doc.file)) unevaluated.push({ id: claim.id, article: claim.article, text: claim.data.text });
    }
    for (const l of loaded) {
      if (l.file.role !== "claim" || validFiles.has(l.file.file) || inScope(l.file.file)) continue;
      const text = (l.doc?.data as Partial<ClaimData> | undefined)?.text;
      unevaluated.push({ id: claimIdOfFile.get(l.file.file)!, article: l.file.article ?? "default", text: typeof text === "string" ? text : "" });
    }
  }

  const head: RunResult = {
    schemaVersion: 1,
    tool: { name: "claimcheck", version: options.version },
    summary: summarise(digests, diagnostics, loaded.length),
    articles: articleResults(index, [...digests, ...unevaluated]),
    claims: [],
    sources: sourceSummaries(index),
    timeline: timeline(index, outcome, new Set(digests.map((c) => c.id)), selected),
    rules: [
      // Each rule as this run applied it: a rule turned off says "off", a built-in check made a warning says so.
      ...builtinChecks.map((c) => ({ id: c.id, description: c.description, severity: options.rules[c.id] ?? c.severity, docs: docsPath(c.id) })),
      ...rules.map((r) => ({ id: r.id, description: r.description, severity: options.rules[r.id] ?? r.defaultSeverity, docs: docsPath(r.id) })),
    ].sort((a, b) => cmp(a.id, b.id)),
    diagnostics,
  };
  return {
    head,
    digests,
    *claims(select) {
      for (let i = 0; i < pending.length; i++) if (!select || select(pending[i]!.digest, i)) yield pending[i]!.build();
    },
  };
}

/** A claim's kept result with this run's findings: its status and each citation's `found` follow from them. */
function finishResult(kept: ClaimResult, own: Diagnostic[], index: ProjectIndex): ClaimResult {
  return {
    ...kept,
    status: statusOf(own),
    citations: kept.citations.map((c, i) => ({ ...c, found: citationFound(index, c.source, own, i) })),
    diagnostics: own,
  };
}

/** A citation stands when its source exists and neither quote-found nor source-exists objects to it. */
function citationFound(index: ProjectIndex, source: string, own: Diagnostic[], i: number): boolean {
  const failed = own.some((d) => (d.ruleId === "quote-found" || d.ruleId === "source-exists") && d.at.path?.startsWith(`citations[${i}]`));
  return index.sources.has(source) && !failed;
}

function statusOf(own: Diagnostic[]): ClaimResult["status"] {
  return own.some((d) => d.severity === "error") ? "fail" : "pass";
}

/** A claim's evaluation (when it is the one evaluated under its id) and its judgement under the evidence standard. */
function judgement(claim: Claim, outcome: CheckOutcome, policy: EvidencePolicy | undefined): { mine?: Evaluation; standard?: ClaimStanding } {
  const evaluation = outcome.evaluations.get(claim.id);
  const mine = evaluation && evaluation.claimId === claim.id && firstClaimWithId(outcome.index, claim.id) === claim ? evaluation : undefined;
  return { mine, standard: mine && policy ? judgeClaim(claim, mine.part, outcome.index, policy) : undefined };
}

/** Files the selected claims depend on: cited sources, their articles' maps and records, the registry. */
function relevantFiles(index: ProjectIndex, selected: (file: string) => boolean): Set<string> {
  const files = new Set<string>();
  if (index.registry) files.add(index.registry.doc.file);
  for (const claim of index.claims) {
    if (!selected(claim.doc.file)) continue;
    for (const citation of claim.data.citations ?? []) {
      const source = index.sources.get(citation.source);
      if (source) files.add(source.doc.file);
      // A cited source that failed to load: its own errors explain the claim's.
      const broken = index.invalidSources.get(citation.source);
      if (!source && broken) files.add(broken.file);
    }
    const article = index.articles.get(claim.article);
    if (article) {
      files.add(article.doc.file);
      const own = index.sources.get(article.data.source);
      if (own) files.add(own.doc.file);
    }
  }
  return files;
}

/** A copy of an evaluated tree with the parts whose evidence falls short of the standard marked. */
function markShortParts(root: PartResult, standard: ClaimStanding | undefined): PartResult {
  if (!standard) return root;
  const short = new Set([standard.whole, ...standard.parts].filter((p) => p && !p.judgement.sufficient).map((p) => p!.part));
  const mark = (part: PartResult): PartResult => (short.has(part) ? { ...part, insufficientEvidence: true } : part);
  const top = mark(root);
  return top.parts ? { ...top, parts: top.parts.map(mark) } : top;
}

/** What reports need of a claim before its result is built (src/model/result-stream.ts). */
function digestOf(claim: Claim, own: Diagnostic[], { mine, standard }: { mine?: Evaluation; standard?: ClaimStanding }): ClaimDigest {
  return strip({
    id: claim.id,
    article: claim.article,
    file: claim.doc.file,
    at: claim.doc.locate(["id"]),
    text: claim.data.text,
    asOf: String(claim.data["as-of"]),
    declared: claim.data.verdict,
    derived: standard?.derived ?? mine?.derived,
    status: statusOf(own),
    diagnostics: own,
  });
}

function claimResult(
  claim: Claim,
  index: ProjectIndex,
  digest: ClaimDigest,
  policy: EvidencePolicy | undefined,
  { mine, standard }: { mine?: Evaluation; standard?: ClaimStanding },
): ClaimResult {
  const citations: CitationResult[] = (claim.data.citations ?? []).map((c, i) => {
    const source = index.sources.get(c.source);
    const excerpt = source ? citedExcerpt(source.data, c) : undefined;
    return {
      source: c.source,
      quote: c.quote,
      found: citationFound(index, c.source, digest.diagnostics, i),
      excerpt: excerpt?.id,
      title: source?.data.title,
      containerTitle: source?.data["container-title"],
      url: source?.data.URL,
      archiveUrl: source?.data["archive-URL"],
      issued: source?.data.issued === undefined ? undefined : String(source.data.issued),
      ...(source ? standingFields(source.data) : {}),
      at: { ...claim.doc.locate(["citations", i]), path: `citations[${i}]` },
    };
  });
  const cited = (claim.data.citations ?? []).map((c) => c.source);
  // With a standard in force, each group also says whether it counts; the grouping is the same either way.
  const weighed: Array<IndependenceGroup & { counts?: boolean; primary?: boolean }> = policy
    ? judgeEvidence(cited, new Set(), index, policy).groups
    : independenceGroups(cited, index);
  const evidenceGroups: EvidenceGroup[] = weighed.map((group) =>
    strip({
      sources: group.sources,
      citations: cited.flatMap((source, i) => (group.sources.includes(source) ? [i] : [])),
      outlets: group.outlets,
      links: group.links,
      counts: group.counts,
      primary: group.primary,
    }),
  );
  // The digest's fields, in the document's key order, with the rationale before the status.
  const { status, diagnostics, ...first } = digest;
  return strip({
    ...first,
    rationale: claim.data.rationale,
    status,
    citations: citations.map(strip),
    evidenceGroups: evidenceGroups.length > 0 ? evidenceGroups : undefined,
    // Short parts are found by identity in the evaluated tree, so they are marked before the copy that adds inferences.
    evaluation: mine ? markInferences(markShortParts(mine.part, standard), index) : undefined,
    diagnostics,
  });
}

/** Who a source is, as the result document spells it. */
function standingFields(record: SourceRecord): Pick<CitationResult, "kind" | "standing" | "stateAffiliated" | "network" | "reliability"> {
  const { kind, standing, legacy } = standingOf(record);
  return { kind, standing, stateAffiliated: record["state-affiliated"], network: record.network, reliability: legacy };
}

/** A claim as an article marks it: its verdict, when this run knows it. */
type ArticleMark = Pick<ClaimResult, "id" | "article" | "text"> & Partial<Pick<ClaimResult, "derived" | "declared" | "status">>;

function articleResults(index: ProjectIndex, claims: ArticleMark[]): ArticleResult[] {
  const out: ArticleResult[] = [];
  const claimsByArticle = new Map<string, ArticleMark[]>();
  for (const claim of claims) {
    const list = claimsByArticle.get(claim.article);
    if (list) list.push(claim);
    else claimsByArticle.set(claim.article, [claim]);
  }
  const articleIds = [...new Set([...claimsByArticle.keys(), ...index.articles.keys()])].sort();
  for (const id of articleIds) {
    const map = index.articles.get(id);
    const source = map ? index.sources.get(map.data.source) : undefined;
    const text = source?.snapshot?.ok ? source.snapshot.text : undefined;
    const sentences: SentenceResult[] = [];
    if (text !== undefined) {
      const spans = splitSentences(text);
      const marks: Array<{ start: number; end: number; kind: SentenceResult["kind"]; claim?: ArticleMark; reason?: string }> = [];
      for (const claim of claimsByArticle.get(id) ?? []) {
        const match = claim.text ? findQuote(text, { exact: claim.text }) : undefined;
        if (match) marks.push({ ...match, kind: "claim", claim });
      }
      for (const list of ["opinion", "not-checked"] as const) {
        for (const s of map?.data[list] ?? []) {
          const match = findQuote(text, { exact: s.text });
          if (match) marks.push({ ...match, kind: list, reason: s.reason });
        }
      }
      // Each mark goes to the sentences it overlaps, found by binary search over their starts.
      const bySpan = spans.map((): typeof marks => []);
      for (const mark of marks) {
        let i = firstSpanEndingAfter(spans, mark.start);
        for (; i < spans.length && spans[i]!.start < mark.end; i++) bySpan[i]!.push(mark);
      }
      spans.forEach((span, spanIndex) => {
        const overlapping = bySpan[spanIndex]!;
        const claimMarks = overlapping.filter((m) => m.kind === "claim");
        if (claimMarks.length > 0) {
          const claimIds = [...new Set(claimMarks.map((m) => m.claim!.id))].sort();
          const verdicts = [...new Set(claimMarks.map((m) => m.claim!.derived ?? m.claim!.declared))];
          // A claim of another shard (no status: not evaluated here) leaves the verdict to merge.
          const known = claimMarks.every((m) => m.claim!.status !== undefined);
          sentences.push({ ...span, kind: "claim", claims: claimIds, verdict: known ? (verdicts.length === 1 ? verdicts[0] : "mixed") : undefined });
        } else if (overlapping.length > 0) {
          const first = overlapping[0]!;
          sentences.push({ ...span, kind: first.kind, claims: [], reason: first.reason });
        } else {
          sentences.push({ ...span, kind: "uncovered", claims: [] });
        }
      });
    }
    const count = (kind: SentenceResult["kind"]) => sentences.filter((s) => s.kind === kind).length;
    out.push(
      strip({
        id,
        title: map?.data.title ?? source?.data.title,
        source: map?.data.source,
        url: source?.data.URL,
        text,
        sentences: sentences.map(strip),
        coverage: {
          sentences: sentences.length,
          claim: count("claim"),
          opinion: count("opinion"),
          notChecked: count("not-checked"),
          uncovered: count("uncovered"),
        },
      }),
    );
  }
  return out;
}

/** Index of the first sentence whose end lies after `offset` (spans are sorted and disjoint). */
function firstSpanEndingAfter(spans: Array<{ start: number; end: number }>, offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function sourceSummaries(index: ProjectIndex): SourceSummary[] {
  const citedBy = new Map<string, Set<string>>();
  for (const claim of index.claims) {
    for (const c of claim.data.citations ?? []) {
      const set = citedBy.get(c.source) ?? new Set();
      set.add(claim.id);
      citedBy.set(c.source, set);
    }
  }
  return index.sourceList
    .map((s) =>
      strip({
        id: s.id,
        file: s.doc.file,
        title: s.data.title,
        containerTitle: s.data["container-title"],
        url: s.data.URL,
        archiveUrl: s.data["archive-URL"],
        issued: s.data.issued === undefined ? undefined : String(s.data.issued),
        ...standingFields(s.data),
        mirrorOf: s.data["mirror-of"],
        citedBy: [...(citedBy.get(s.id) ?? [])].sort(),
      }),
    )
    .sort((a, b) => cmp(a.id, b.id) || cmp(a.file, b.file));
}

function timeline(index: ProjectIndex, outcome: CheckOutcome, reported: Set<string>, selected: (file: string) => boolean): TimelineEntry[] {
  const users = new Map<Fact, Set<string>>();
  const use = (fact: Fact, claimId: string) => {
    const set = users.get(fact) ?? new Set();
    set.add(claimId);
    users.set(fact, set);
  };
  for (const [claimId, evaluation] of outcome.evaluations) {
    if (!reported.has(claimId)) continue;
    for (const fact of evaluation.used) use(fact, claimId);
  }
  if (outcome.reused && outcome.reused.size > 0) {
    const sourcesByFile = new Map(index.sourceList.map((s) => [s.doc.file, s]));
    for (const [claim, record] of outcome.reused) {
      if (!selected(claim.doc.file)) continue;
      for (const [file, n] of record.used) {
        const fact = sourcesByFile.get(file)?.facts.find((f) => f.index === n);
        if (fact) use(fact, claim.id);
      }
    }
  }
  for (const claim of index.claims) {
    if (!reported.has(claim.id)) continue;
    for (const c of claim.data.citations ?? []) {
      const source = index.sources.get(c.source);
      for (const id of c.facts ?? []) {
        const fact = source?.facts.find((f) => f.id === id);
        if (fact) use(fact, claim.id);
      }
    }
  }
  const entries: TimelineEntry[] = [];
  const entity = (id: string) => index.registry?.entities.get(id)?.label;
  for (const [fact, claimIds] of users) {
    if (!fact.time) continue;
    const first = fact.statements[0]!;
    const statement =
      fact.shape === "event"
        ? `${fact.record.event} (${fact.record.kind})${fact.record.place ? ` at ${fact.record.place}` : ""}`
        : `${first.subject} ${first.property} ${showValue(first.value)}`;
    const entry: TimelineEntry = { source: fact.source, fact: fact.id, statement, time: formatPartialDate(fact.time), rank: fact.rank, claims: [...claimIds].sort() };
    // In the registry's words, for the reports' timeline.
    if (fact.shape === "event" && fact.record.event !== undefined) {
      entry.event = fact.record.event;
      const label = entity(fact.record.event);
      if (label !== undefined) entry.label = label;
    } else if (fact.shape !== "event" && entity(first.subject) !== undefined) {
      const value = typeof first.value === "string" ? (entity(first.value) ?? first.value) : showValue(first.value);
      entry.label = `${entity(first.subject)} — ${index.registry?.properties.get(first.property)?.label ?? first.property}: ${value}`;
    }
    entries.push(entry);
  }
  return entries.sort((a, b) => cmp(a.time, b.time) || cmp(a.source, b.source) || cmp(a.fact, b.fact));
}

/** The counts of a result: its claims by status and verdict, its findings by severity. Merged shards use it too. */
export function summarise(claims: ReadonlyArray<Pick<ClaimDigest, "status" | "declared" | "derived">>, diagnostics: Diagnostic[], files: number): Summary {
  return {
    claims: claims.length,
    passed: claims.filter((c) => c.status === "pass").length,
    failed: claims.filter((c) => c.status === "fail").length,
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
    files,
    declared: tally(claims.map((c) => c.declared)),
    derived: tally(claims.map((c) => c.derived)),
  };
}

function tally(verdicts: Array<Verdict | undefined>): Record<Verdict, number> {
  const out = { supported: 0, refuted: 0, mixed: 0, unverifiable: 0 };
  for (const v of verdicts) if (v) out[v]++;
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k) ?? [];
    list.push(item);
    map.set(k, list);
  }
  return map;
}

function stem(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drops keys whose value is undefined, so JSON output and schema agree. */
function strip<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
