import type { Diagnostic } from "../model/diagnostic.js";
import type { ClaimResult, RunResult, TimelineEntry } from "../model/result.js";
import type { ReportView } from "./types.js";

/**
 * The engine sorts everything it puts in a RunResult; reporters sort again so that a
 * result assembled by other means (a merge of shards, a hand-written fixture) still gives
 * byte-identical output. Comparisons are by UTF-16 code unit, never by locale, so the
 * order is the same on every machine.
 */

/** Compares strings by code unit: the same answer under every locale and ICU build. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders diagnostics by file, line, column, rule, message id, then message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.at.file, b.at.file) ||
    a.at.line - b.at.line ||
    a.at.column - b.at.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.messageId, b.messageId) ||
    compareText(a.message, b.message) ||
    compareText(a.claimId ?? "", b.claimId ?? "") ||
    compareText(stableJson(a.data), stableJson(b.data))
  );
}

/** Orders claims by article, then id, then file. */
export function compareClaims(a: Pick<ClaimResult, "article" | "id" | "file">, b: Pick<ClaimResult, "article" | "id" | "file">): number {
  return compareText(a.article, b.article) || compareText(a.id, b.id) || compareText(a.file, b.file);
}

/** Orders dated facts by time, then source, then fact id. */
export function compareTimeline(a: TimelineEntry, b: TimelineEntry): number {
  return compareText(a.time, b.time) || compareText(a.source, b.source) || compareText(a.fact, b.fact);
}

/** JSON with object keys sorted, for hashing and comparing values whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort(compareText)) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

const sorted = <T>(items: readonly T[], compare: (a: T, b: T) => number): T[] => [...items].sort(compare);

/** A copy of a claim with its findings in their canonical order. */
export function claimInReportOrder<C extends Pick<ClaimResult, "diagnostics">>(claim: C): C {
  return { ...claim, diagnostics: sorted(claim.diagnostics, compareDiagnostics) };
}

/** A streamed result's head (its claims come one by one) with every list in its canonical order. */
export function reportOrderHead(head: RunResult): RunResult {
  return inReportOrder({ ...head, claims: [] });
}

/** A copy of the result with every list a report walks in its canonical order. */
export function inReportOrder<R extends ReportView>(result: R): R {
  return {
    ...result,
    articles: sorted(result.articles, (a, b) => compareText(a.id, b.id)).map((article) => ({
      ...article,
      sentences: sorted(article.sentences, (a, b) => a.start - b.start || a.end - b.end),
    })),
    claims: sorted(result.claims, compareClaims).map(claimInReportOrder),
    sources: sorted(result.sources, (a, b) => compareText(a.id, b.id)),
    timeline: sorted(result.timeline, compareTimeline).map((entry) => ({
      ...entry,
      claims: sorted(entry.claims, compareText),
    })),
    rules: sorted(result.rules, (a, b) => compareText(a.id, b.id)),
    diagnostics: sorted(result.diagnostics, compareDiagnostics),
  };
}
