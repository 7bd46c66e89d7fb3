import type { ArticleResult, SentenceResult } from "../model/result.js";
import { escapeHtml as t, safeHref } from "./escape.js";
import { claimAnchor } from "./html-anchor.js";
import { VERDICT_LABELS } from "./labels.js";

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
function coverageFigure(article: ArticleResult): string {
  const c = article.coverage;
  const segments: Array<[string, number]> = [
    ["claim", c.claim],
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
      const rect = `<rect class="cov-${kind}" x="${offset.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="14"/>`;
      offset += width;
      return rect;
    });
  const accounted = c.claim + c.opinion + c.notChecked;
  return `<figure class="coverage">
<svg viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">${rects.join("")}</svg>
<figcaption><span class="pct" data-coverage="checked">${percent(c.claim, c.sentences)}</span>of ${c.sentences} sentences checked · <span data-coverage="claim">${c.claim}</span> claims, <span data-coverage="opinion">${c.opinion}</span> opinion, <span data-coverage="not-checked">${c.notChecked}</span> not checked, <span data-coverage="uncovered">${c.uncovered}</span> not covered (${percent(accounted, c.sentences)} accounted for)</figcaption>
</figure>
<ul class="legend" aria-label="Article legend">
<li><span class="sw cov-claim"></span>checked claim (colour and symbol by verdict)</li>
<li><span class="sw cov-opinion"></span>opinion (dashed)</li>
<li><span class="sw cov-not-checked"></span>not checked (dotted)</li>
<li><span class="sw cov-uncovered"></span>not covered (wavy)</li>
</ul>`;
}

function sentenceMark(text: string, sentence: SentenceResult): string {
  const verdictClass = sentence.kind === "claim" ? ` v-${sentence.verdict ?? "none"}` : "";
  const verdict = sentence.verdict === undefined ? "" : `: ${VERDICT_LABELS[sentence.verdict].text}`;
  const title = [
    `${KIND_LABELS[sentence.kind]}${verdict}`,
    sentence.claims.length > 0 ? sentence.claims.join(", ") : "",
    sentence.reason ?? "",
  ]
    .filter((part) => part !== "")
    .join(" — ");
  const mark = `<mark class="k-${sentence.kind}${verdictClass}" title="${t(title)}">${t(text)}</mark>`;
  const refs = sentence.claims.map((id) => {
    const label = sentence.verdict === undefined ? VERDICT_LABELS.unverifiable : VERDICT_LABELS[sentence.verdict];
    const symbol = sentence.verdict === undefined ? "•" : label.symbol;
    return `<a class="ref v-${sentence.verdict ?? "none"}" href="#${t(claimAnchor(id))}" aria-label="${t(`claim ${id}${verdict}`)}">${t(symbol)}</a>`;
  });
  return mark + refs.join("");
}

/**
 * The article's text with each sentence marked by what accounts for it, like a coverage
 * report for prose: claims by their verdict (with a link to the claim's card), opinion,
 * sentences deliberately not checked, and sentences nothing covers.
 */
export function articleView(article: ArticleResult): string {
  const head: string[] = [`<article class="article-view" aria-labelledby="${t(`article-${article.id}-h`)}">`];
  head.push(`<h3 id="${t(`article-${article.id}-h`)}">${t(article.title ?? article.id)}</h3>`);
  const url = safeHref(article.url);
  const sourceBits: string[] = [`<code>${t(article.id)}</code>`];
  if (article.source !== undefined) sourceBits.push(`source record <code>${t(article.source)}</code>`);
  if (url !== undefined) sourceBits.push(`<a href="${t(url)}" rel="noopener noreferrer">original</a>`);
  else if (article.url !== undefined) sourceBits.push(t(article.url));
  head.push(`<p class="where">${sourceBits.join(" · ")}</p>`);
  head.push(coverageFigure(article));

  if (article.text === undefined) {
    head.push(`<p>The article's text is not in this result.</p></article>`);
    return head.join("\n");
  }
  const text = article.text;
  let cursor = 0;
  const body: string[] = [];
  for (const sentence of article.sentences) {
    if (sentence.start < cursor || sentence.end <= sentence.start || sentence.end > text.length) continue;
    body.push(t(text.slice(cursor, sentence.start)));
    body.push(sentenceMark(text.slice(sentence.start, sentence.end), sentence));
    cursor = sentence.end;
  }
  body.push(t(text.slice(cursor)));
  head.push(`<div class="prose">${body.join("")}</div>`, `</article>`);
  return head.join("\n");
}
