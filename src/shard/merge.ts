import { isDeepStrictEqual } from "node:util";
import { dedupeAndSort } from "../engine/run.js";
import { UsageError } from "../errors.js";
import { stripControl } from "../reporters/escape.js";
import type { ArticleResult, ClaimResult, RunResult, SentenceResult, TimelineEntry, Verdict } from "../model/result.js";
import { findQuote } from "../text/find-quote.js";
import { summarise } from "../engine/result.js";

/**
 * Puts the JSON results of `--shard 1/n` … `--shard n/n` back together: the claims, the
 * diagnostics and the timeline of every shard, sorted exactly as the engine sorts them, and
 * a summary computed afresh. The outcome is byte for byte the unsharded result
 * (test/shard/shard.test.ts), so any report can be made from it.
 *
 * Refuses results of different tool or schema versions, of different projects (their
 * articles, sources or rules differ), results that share a claim file, and a set with a
 * claim missing that the project's sources or articles name (a shard left out).
 */
export function mergeResults(results: readonly RunResult[]): RunResult {
  if (results.length === 0) throw new UsageError("bad-argument", "merge needs at least one JSON result");
  const first = results[0]!;
  results.forEach((r, i) => {
    if (r.schemaVersion !== first.schemaVersion || r.tool?.name !== first.tool.name || r.tool?.version !== first.tool.version) {
      throw new UsageError(
        "merge-mismatch",
        stripControl(`result ${i + 1} is from ${r.tool?.name} ${r.tool?.version} (schema ${r.schemaVersion}), result 1 from ${first.tool.name} ${first.tool.version} (schema ${first.schemaVersion}); merge results of one version`),
      );
    }
    for (const part of ["articles", "sources", "rules"] as const) {
      if (!isDeepStrictEqual(part === "articles" ? withoutVerdicts(r.articles) : r[part], part === "articles" ? withoutVerdicts(first.articles) : first[part])) {
        throw new UsageError("merge-mismatch", `result ${i + 1} has other ${part} than result 1: they are not shards of one run of one project`);
      }
    }
    if (r.summary.files !== first.summary.files) {
      throw new UsageError("merge-mismatch", `result ${i + 1} checked ${r.summary.files} files, result 1 ${first.summary.files}: they are not shards of one run`);
    }
  });

  const claims: ClaimResult[] = [];
  const seen = new Map<string, number>();
  results.forEach((r, i) => {
    for (const claim of r.claims) {
      const before = seen.get(claim.file);
      if (before !== undefined) {
        throw new UsageError("merge-mismatch", `claim file ${stripControl(claim.file)} is in result ${before + 1} and in result ${i + 1}: give each shard once`);
      }
      seen.set(claim.file, i);
      claims.push(claim);
    }
  });
  claims.sort((a, b) => cmp(a.article, b.article) || cmp(a.id, b.id) || cmp(a.file, b.file));

  const present = new Set(claims.map((c) => c.id));
  const named = new Set<string>();
  for (const s of first.sources) for (const id of s.citedBy) named.add(id);
  for (const a of first.articles) for (const s of a.sentences) for (const id of s.claims) named.add(id);
  const missing = [...named].filter((id) => !present.has(id)).sort();
  if (missing.length > 0) {
    throw new UsageError(
      "merge-incomplete",
      `${missing.length} claim${missing.length === 1 ? "" : "s"} of the project ${missing.length === 1 ? "is" : "are"} in none of the results (${stripControl(missing.slice(0, 3).join(", "))}${missing.length > 3 ? ", …" : ""}): is a shard missing?`,
    );
  }

  const diagnostics = dedupeAndSort(results.flatMap((r) => r.diagnostics));
  return {
    schemaVersion: first.schemaVersion,
    tool: first.tool,
    summary: summarise(claims, diagnostics, first.summary.files),
    articles: mergeArticles(results.map((r) => r.articles), claims),
    claims,
    sources: first.sources,
    timeline: mergeTimelines(results.map((r) => r.timeline)),
    rules: first.rules,
    diagnostics,
  };
}

/** Articles with the verdicts of claim sentences left out: a shard leaves out those of claims it did not evaluate. */
function withoutVerdicts(articles: ArticleResult[]): unknown {
  return articles.map((a) => ({ ...a, sentences: a.sentences.map((s) => ({ ...s, verdict: undefined })) }));
}

/**
 * The articles of the shards (the same sentences in each), with every claim sentence's verdict:
 * from a shard that knew it (it evaluated every claim of the sentence), else made as the engine
 * makes it, from the merged claims the sentence quotes (src/engine/result.ts).
 */
function mergeArticles(shards: ArticleResult[][], claims: ClaimResult[]): ArticleResult[] {
  return shards[0]!.map((article, a) => {
    const sentences = article.sentences.map((sentence, s) => {
      if (sentence.kind !== "claim" || sentence.verdict !== undefined) return sentence;
      const known = shards.map((r) => r[a]!.sentences[s]!.verdict).find((v) => v !== undefined);
      return { ...sentence, verdict: known ?? verdictOfSentence(article, sentence, claims) };
    });
    return { ...article, sentences };
  });
}

function verdictOfSentence(article: ArticleResult, sentence: SentenceResult, claims: ClaimResult[]): Verdict | undefined {
  const verdicts = new Set<Verdict | undefined>();
  for (const claim of claims) {
    if (claim.article !== article.id || !sentence.claims.includes(claim.id) || !claim.text || article.text === undefined) continue;
    const match = findQuote(article.text, { exact: claim.text });
    if (match && match.start < sentence.end && match.end > sentence.start) verdicts.add(claim.derived ?? claim.declared);
  }
  if (verdicts.size === 0) return undefined;
  return verdicts.size === 1 ? [...verdicts][0] : "mixed";
}

/** One entry per fact, with the claims of every shard that used it, sorted as engine/result.ts sorts. */
function mergeTimelines(timelines: TimelineEntry[][]): TimelineEntry[] {
  const byFact = new Map<string, TimelineEntry>();
  for (const timeline of timelines) {
    for (const entry of timeline) {
      const key = JSON.stringify([entry.source, entry.fact, entry.statement, entry.time, entry.rank]);
      const known = byFact.get(key);
      if (known) known.claims = [...new Set([...known.claims, ...entry.claims])].sort();
      else byFact.set(key, { ...entry, claims: [...entry.claims] });
    }
  }
  return [...byFact.values()].sort((a, b) => cmp(a.time, b.time) || cmp(a.source, b.source) || cmp(a.fact, b.fact));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
