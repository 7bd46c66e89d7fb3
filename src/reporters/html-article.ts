import type { ArticleResult, ClaimResult, SentenceResult } from "../model/result.js";
import { escapeHtml as t, safeHref } from "./escape.js";
import { anchor, claimAnchor } from "./html-anchor.js";
import { plural, VERDICT_LABELS } from "./labels.js";

const KIND_LABELS: Readonly<Record<SentenceResult["kind"], string>> = {
  claim: "checked claim",
  opinion: "opinion",
  "not-checked": "not checked",
  uncovered: "not covered",
};

function percent(part: number, whole: number): string {
  return whole === 0 ? "0%" : `${Math.round((part / whole) * 100)}%`;
}

/**
 * The coverage figure: how many sentences are checked claims, opinion, deliberately not
 * checked, or not covered by anything, as a bar and in words.
 */
function coverageFigure(article: ArticleResult, failedSentences: number): string {
  const c = article.coverage;
  const segments: Array<[string, number]> = [
    ["claim", c.claim - failedSentences],
    ["failed", failedSentences],
    ["opinion", c.opinion],
    ["not-checked", c.notChecked],
    ["uncovered", c.uncovered],
  ];
  const total = Math.max(1, c.sentences);
  let offset = 0;
  const rects = segments
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => {
      const width = (n / total) * 100;
      let rect = `<rect class="cov-${kind}" x="${offset.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="14"/>`;
      // Failed checks are hatched, as their sentences are: red alone is "not covered".
      if (kind === "failed") for (let x = offset + 0.6; x < offset + width; x += 1.2) rect += `<line class="hatch" x1="${x.toFixed(2)}" y1="14" x2="${Math.min(x + 0.6, offset + width).toFixed(2)}" y2="0"/>`;
      offset += width;
      return rect;
    });
  const accounted = c.claim + c.opinion + c.notChecked;
  return `<figure class="coverage">
<svg viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">${rects.join("")}</svg>
<figcaption><span class="pct" data-coverage="checked">${percent(c.claim, c.sentences)}</span>of ${c.sentences} sentences checked · <span data-coverage="claim">${c.claim}</span> claims${
    failedSentences > 0 ? ` (<span data-coverage="failed">${failedSentences}</span> with a failed check)` : ""
  }, <span data-coverage="opinion">${c.opinion}</span> opinion, <span data-coverage="not-checked">${c.notChecked}</span> not checked, <span data-coverage="uncovered">${c.uncovered}</span> not covered (${percent(accounted, c.sentences)} accounted for)</figcaption>
</figure>
<ul class="legend" aria-label="Article legend">
<li><span class="sw cov-claim"></span>checked claim (colour and symbol by verdict)</li>
<li><span class="sw cov-failed"></span>claim whose check failed (hatched, ⚠)</li>
<li><span class="sw cov-opinion"></span>opinion (dashed)</li>
<li><span class="sw cov-not-checked"></span>not checked (dotted)</li>
<li><span class="sw cov-uncovered"></span>not covered (wavy)</li>
</ul>`;
}

function sentenceMark(text: string, sentence: SentenceResult, id: string, failed: ReadonlySet<string>): string {
  // A sentence whose claim's check failed shows that, not the verdict the check did not establish.
  const broken = sentence.claims.filter((claim) => failed.has(claim));
  const verdictClass = sentence.kind !== "claim" ? "" : broken.length > 0 ? " failed" : ` v-${sentence.verdict ?? "none"}`;
  const verdict = broken.length > 0 ? ": check failed" : sentence.verdict === undefined ? "" : `: ${VERDICT_LABELS[sentence.verdict].text}`;
  const title = [
    `${KIND_LABELS[sentence.kind]}${verdict}`,
    sentence.claims.length > 0 ? sentence.claims.join(", ") : "",
    sentence.reason ?? "",
  ]
    .filter((part) => part !== "")
    .join(" — ");
  const mark = `<mark class="k-${sentence.kind}${verdictClass}"${sentence.claims.length > 0 ? ` id="${t(id)}"` : ""} title="${t(title)}">${t(text)}</mark>`;
  const refs = sentence.claims.map((claimId) => {
    if (failed.has(claimId)) {
      return `<a class="ref failed" href="#${t(claimAnchor(claimId))}" aria-label="${t(`claim ${claimId}: check failed`)}">⚠</a>`;
    }
    const symbol = sentence.verdict === undefined ? "•" : VERDICT_LABELS[sentence.verdict].symbol;
    return `<a class="ref v-${sentence.verdict ?? "none"}" href="#${t(claimAnchor(claimId))}" aria-label="${t(`claim ${claimId}${verdict}`)}">${t(symbol)}</a>`;
  });
  return mark + refs.join("");
}

/** Before the text: the claims of the article whose check failed, each linked to its sentence and its card. */
function failedNote(failedHere: Array<{ claim: string; sentence: string | undefined }>): string {
  if (failedHere.length === 0) return "";
  const items = failedHere.map(
    ({ claim, sentence }) =>
      `<li><a href="#${t(claimAnchor(claim))}"><code>${t(claim)}</code></a>${sentence === undefined ? " (its sentence is not in the text)" : ` — <a href="#${t(sentence)}">its sentence</a>`}</li>`,
  );
  return `<div class="failed-note" role="note"><p><strong><span aria-hidden="true">⚠</span> ${t(`${plural(failedHere.length, "check")} failed in this article`)}</strong>: the verdicts of ${
    failedHere.length === 1 ? "this claim are" : "these claims are"
  } not established, and ${failedHere.length === 1 ? "its sentence is" : "their sentences are"} hatched in the text.</p><ul>${items.join("")}</ul></div>`;
}

/**
 * The ids of the failed claims of each article: what `articleView` needs of the claims, read
 * in one pass over them (not one per article: 2,000 articles of 100,000 claims made that
 * 200 million steps).
 */
export function failedClaimsByArticle(claims: readonly Pick<ClaimResult, "id" | "article" | "status">[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const claim of claims) {
    if (claim.status !== "fail") continue;
    const ids = out.get(claim.article);
    if (ids) ids.add(claim.id);
    else out.set(claim.article, new Set([claim.id]));
  }
  return out;
}

/**
 * The article's text with each sentence marked by what accounts for it, like a coverage
 * report for prose: claims by their verdict (with a link to the claim's card), opinion,
 * sentences deliberately not checked, and sentences nothing covers.
 */
export function articleView(article: ArticleResult, failedByArticle: ReadonlyMap<string, ReadonlySet<string>> = new Map()): string {
  const failed = failedByArticle.get(article.id) ?? new Set<string>();
  const { prose, sentenceOf } = markedText(article, failed);
  const failedHere = [...failed].map((claim) => ({ claim, sentence: sentenceOf.get(claim) }));
  const failedSentences = article.sentences.filter((sentence) => sentence.kind === "claim" && sentence.claims.some((claim) => failed.has(claim))).length;
  const head: string[] = [`<article class="article-view" aria-labelledby="${t(`article-${article.id}-h`)}">`];
  head.push(`<h3 id="${t(`article-${article.id}-h`)}">${t(article.title ?? article.id)}</h3>`);
  const url = safeHref(article.url);
  const sourceBits: string[] = [`<code>${t(article.id)}</code>`];
  if (article.source !== undefined) sourceBits.push(`source record <code>${t(article.source)}</code>`);
  if (url !== undefined) sourceBits.push(`<a href="${t(url)}" rel="noopener noreferrer">original</a>`);
  else if (article.url !== undefined) sourceBits.push(t(article.url));
  head.push(`<p class="where">${sourceBits.join(" · ")}</p>`);
  head.push(failedNote(failedHere));
  head.push(coverageFigure(article, failedSentences));
  head.push(prose ?? `<p>The article's text is not in this result.</p>`, `</article>`);
  return head.join("\n");
}

/** The article's text with its sentences marked, and the id of the first marked sentence of each claim. */
function markedText(article: ArticleResult, failed: ReadonlySet<string>): { prose?: string; sentenceOf: Map<string, string> } {
  const sentenceOf = new Map<string, string>();
  if (article.text === undefined) return { sentenceOf };
  const text = article.text;
  let cursor = 0;
  const body: string[] = [];
  for (const [index, sentence] of article.sentences.entries()) {
    if (sentence.start < cursor || sentence.end <= sentence.start || sentence.end > text.length) continue;
    const id = `sentence-${anchor(article.id)}-${index + 1}`;
    for (const claim of sentence.claims) if (!sentenceOf.has(claim)) sentenceOf.set(claim, id);
    body.push(t(text.slice(cursor, sentence.start)));
    body.push(sentenceMark(text.slice(sentence.start, sentence.end), sentence, id, failed));
    cursor = sentence.end;
  }
  body.push(t(text.slice(cursor)));
  return { prose: `<div class="prose">${body.join("")}</div>`, sentenceOf };
}
