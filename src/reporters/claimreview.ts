import type { ArticleResult, ClaimResult, CitationResult, Verdict } from "../model/result.js";
import { safeHref } from "./escape.js";
import { inReportOrder } from "./order.js";
import type { Reporter } from "./types.js";

/**
 * The number-to-text rating table every ClaimReview carries (documented in
 * docs/reports.md). Higher is truer: 5 is the best rating, 1 the worst. An
 * unverifiable claim has no place on a truth scale, so its rating is text only.
 */
export const RATING_TABLE: Readonly<Record<Verdict, { value: number | undefined; text: string }>> = {
  supported: { value: 5, text: "Supported" },
  mixed: { value: 3, text: "Mixed" },
  refuted: { value: 1, text: "Refuted" },
  unverifiable: { value: undefined, text: "Unverifiable" },
};
export const BEST_RATING = 5;
export const WORST_RATING = 1;

type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | JsonLd | JsonLdValue[];

/**
 * schema.org ClaimReview as JSON-LD: one ClaimReview per claim that has a verdict, in one
 * `@graph`. The rating is the fact-checker's declared verdict (the one the check proved,
 * where the claim passes); the reviewed Claim names the article as its first appearance;
 * the cited sources are the review's citations. No `url`, `author` or `datePublished`:
 * those belong to the page that publishes the review, and a report has no clock.
 */
export const claimreview: Reporter = (input) => {
  const result = inReportOrder(input);
  const articles = new Map(result.articles.map((article) => [article.id, article]));
  const graph: JsonLd[] = [];
  for (const claim of result.claims) {
    const review = claimReview(claim, articles.get(claim.article));
    if (review !== undefined) graph.push(review);
  }
  return `${JSON.stringify({ "@context": "https://schema.org", "@graph": graph }, null, 2)}\n`;
};

function claimReview(claim: ClaimResult, article: ArticleResult | undefined): JsonLd | undefined {
  const verdict = claim.declared ?? claim.derived;
  if (verdict === undefined) return undefined;
  const rating = RATING_TABLE[verdict];

  const reviewRating: JsonLd = { "@type": "Rating" };
  if (rating.value !== undefined) reviewRating["ratingValue"] = rating.value;
  reviewRating["bestRating"] = BEST_RATING;
  reviewRating["worstRating"] = WORST_RATING;
  reviewRating["alternateName"] = rating.text;
  if (claim.rationale !== undefined) reviewRating["ratingExplanation"] = claim.rationale;

  const itemReviewed: JsonLd = {
    "@type": "Claim",
    "@id": `#claim-${claim.article}-${claim.id}`,
    identifier: claim.id,
    text: claim.text,
  };
  if (claim.asOf !== undefined) itemReviewed["datePublished"] = claim.asOf;
  const appearance = articleWork(article, claim.article);
  if (appearance !== undefined) {
    itemReviewed["firstAppearance"] = appearance;
    itemReviewed["appearance"] = [appearance];
  }

  const review: JsonLd = {
    "@type": "ClaimReview",
    "@id": `#review-${claim.article}-${claim.id}`,
    claimReviewed: claim.text,
    itemReviewed,
    reviewRating,
  };
  const citations = citationWorks(claim.citations);
  if (citations.length > 0) review["citation"] = citations;
  return review;
}

function articleWork(article: ArticleResult | undefined, articleId: string): JsonLd | undefined {
  const url = safeHref(article?.url);
  if (article === undefined && url === undefined) return undefined;
  const work: JsonLd = { "@type": "NewsArticle", identifier: articleId };
  if (article?.title !== undefined) work["headline"] = article.title;
  if (url !== undefined) work["url"] = url;
  return work;
}

/** The cited sources, once each, in the order the claim first cites them. */
function citationWorks(citations: CitationResult[]): JsonLd[] {
  const seen = new Set<string>();
  const works: JsonLd[] = [];
  for (const citation of citations) {
    if (seen.has(citation.source)) continue;
    seen.add(citation.source);
    const work: JsonLd = { "@type": "CreativeWork", identifier: citation.source };
    if (citation.title !== undefined) work["name"] = citation.title;
    const url = safeHref(citation.url);
    if (url !== undefined) work["url"] = url;
    if (citation.containerTitle !== undefined) work["publisher"] = { "@type": "Organization", name: citation.containerTitle };
    if (citation.issued !== undefined) work["datePublished"] = citation.issued;
    const archive = safeHref(citation.archiveUrl);
    if (archive !== undefined) work["archivedAt"] = archive;
    works.push(work);
  }
  return works;
}
