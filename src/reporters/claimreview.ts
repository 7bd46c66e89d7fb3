import type { ArticleResult, ClaimResult, CitationResult, RunResult, Verdict } from "../model/result.js";
import { safeHref } from "./escape.js";
import { plural } from "./labels.js";
import { inReportOrder } from "./order.js";
import type { ClaimReviewSettings } from "./settings.js";
import type { Reporter } from "./types.js";
import { keepingClaims } from "./stream.js";

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
 * schema.org ClaimReview as JSON-LD: one ClaimReview per claim whose check passed, in one
 * `@graph`. The rating is the fact-checker's declared verdict, which the check proved; a
 * claim whose check failed is left out (its declared rating is not established), and the
 * reporter says so. The publisher (`author`), each review's page (`url`) and the date of
 * publication come from the configuration (`reports.claimreview`). Once that section exists,
 * a key it lacks is a warning, since Google requires the url and recommends the others;
 * without the section the file is a draft and nothing is said (a plain run writes it too).
 * The reviewed Claim names the article as where it appeared and the article's outlet as its
 * author; the cited sources are the review's citations.
 */
export const claimreview: Reporter = (input, options) => {
  const result = inReportOrder(input);
  const configured = options.settings?.claimreview;
  const settings = configured ?? {};
  const articles = new Map(result.articles.map((article) => [article.id, article]));
  const graph: JsonLd[] = [];
  const failed: string[] = [];
  for (const claim of result.claims) {
    if (claim.status === "fail") {
      failed.push(claim.id);
      continue;
    }
    const review = claimReview(claim, articles.get(claim.article), result, settings);
    if (review !== undefined) graph.push(review);
  }
  const warn = options.warn ?? (() => undefined);
  if (failed.length > 0) {
    warn(`left out ${plural(failed.length, "claim")} whose check failed (${failed.join(", ")}): a review publishes only a verdict the check proved`);
  }
  if (configured !== undefined && graph.length > 0) for (const missing of missingSettings(configured)) warn(missing);
  return `${JSON.stringify({ "@context": "https://schema.org", "@graph": graph }, null, 2)}\n`;
};

/** What the configuration lacks for markup Google reads, in words. */
function missingSettings(settings: ClaimReviewSettings): string[] {
  const missing: string[] = [];
  if (settings.url === undefined) missing.push("reports.claimreview.url is not set: Google requires the address of each review's page");
  if (settings.author === undefined) missing.push("reports.claimreview.author is not set: Google recommends naming the organisation that publishes the reviews");
  if (settings["date-published"] === undefined) missing.push("reports.claimreview.date-published is not set: Google recommends the date the reviews were published");
  return missing;
}

function claimReview(claim: ClaimResult, article: ArticleResult | undefined, result: RunResult, settings: ClaimReviewSettings): JsonLd | undefined {
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
  const outlet = outletOf(article, result);
  if (outlet !== undefined) itemReviewed["author"] = { "@type": "Organization", name: outlet };
  if (claim.asOf !== undefined) itemReviewed["datePublished"] = claim.asOf;
  const appearance = articleWork(article, claim.article);
  if (appearance !== undefined) {
    itemReviewed["firstAppearance"] = appearance;
    itemReviewed["appearance"] = [appearance];
  }

  const review: JsonLd = {
    "@type": "ClaimReview",
    "@id": `#review-${claim.article}-${claim.id}`,
  };
  const url = reviewUrl(settings.url, claim);
  if (url !== undefined) review["url"] = url;
  if (settings.author !== undefined) review["author"] = organisation(settings.author);
  if (settings["date-published"] !== undefined) review["datePublished"] = settings["date-published"];
  review["claimReviewed"] = claim.text;
  review["itemReviewed"] = itemReviewed;
  review["reviewRating"] = reviewRating;
  const citations = citationWorks(claim.citations);
  if (citations.length > 0) review["citation"] = citations;
  return review;
}

/** The review page's address: the template with `{article}` and `{claim}` filled in; only http(s). */
function reviewUrl(template: string | undefined, claim: ClaimResult): string | undefined {
  if (template === undefined) return undefined;
  const filled = template.split("{article}").join(encodeURIComponent(claim.article)).split("{claim}").join(encodeURIComponent(claim.id));
  return safeHref(filled);
}

function organisation(author: { name: string; url?: string }): JsonLd {
  const org: JsonLd = { "@type": "Organization", name: author.name };
  const url = safeHref(author.url);
  if (url !== undefined) org["url"] = url;
  return org;
}

/** Who made the claim: the outlet of the article's source record (its container-title), else the outlet it mirrors. */
function outletOf(article: ArticleResult | undefined, result: RunResult): string | undefined {
  if (article?.source === undefined) return undefined;
  const record = result.sources.find((source) => source.id === article.source);
  return record?.containerTitle ?? record?.mirrorOf;
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

/** The reviews over a streamed result: it keeps the claims as they pass and renders at the end. */
export const claimreviewStream = keepingClaims(claimreview);
