import { createHash } from "node:crypto";
import type { Diagnostic } from "../model/diagnostic.js";
import type { ClaimDigest } from "../model/result-stream.js";
import { VERDICTS, type CitationResult, type ClaimResult, type EvidenceRef, type PartResult, type RunResult, type Verdict } from "../model/result.js";
import { escapeHtml as t, jsonForScript, safeHref } from "./escape.js";
import { citationsByGroup, groupsSummary, groupText, whoText } from "./evidence-groups.js";
import { articleView, failedClaimsByArticle } from "./html-article.js";
import { claimAnchor } from "./html-anchor.js";
import { REPORT_SCRIPT } from "./html-script.js";
import { REPORT_CSS } from "./html-style.js";
import { timelineSection } from "./html-timeline.js";
import { formatPosition, plural, STATUS_LABELS, VERDICT_LABELS } from "./labels.js";
import { claimInReportOrder, reportOrderHead } from "./order.js";
import { docsAddress } from "./settings.js";
import { wholeReport } from "./stream.js";
import type { StreamReporter } from "./types.js";

/** Claims shown at first and added by each "Show more"; the rest wait, hidden. */
export const PAGE_SIZE = 100;

const NOSCRIPT_CSS = "#claim-list>.card[hidden]{display:block!important}";

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("base64");

/**
 * One self-contained HTML page: a summary, a card per claim with filters, a timeline of
 * the dated facts and the article with each sentence marked. Inline CSS and one inline
 * script, both pinned by hash in a Content-Security-Policy that allows nothing else:
 * no network, no other script, even if a value escaped our escaping.
 *
 * Written card by card: what stands above the cards (the summary, the filters' counts)
 * comes from the claims' digests, and the timeline after them keeps of each claim only
 * what it reads (its as-of date and later developments), not its evidence.
 */
export const htmlStream: StreamReporter = (doc, options) => {
  const result = { ...reportOrderHead(doc.head), claims: doc.digests };
  const docs: DocsLink = (file) => docsAddress(file, result.tool.version, options.settings);
  const style = REPORT_CSS;
  const script = REPORT_SCRIPT;
  // Cards past the first page arrive hidden, so a browser lays out one page, not 10,000;
  // without script this style shows them all again.
  const noscriptStyle = NOSCRIPT_CSS;
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${sha256(style)}' 'sha256-${sha256(noscriptStyle)}'`,
    `script-src 'sha256-${sha256(script)}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; "); // our own constant: hashes are base64, no quote or angle bracket to escape

  // Failed checks first, so they are on the first page and read first; report order within each.
  const failed = result.claims.filter((claim) => claim.status === "fail");
  const claims = [...failed, ...result.claims.filter((claim) => claim.status !== "fail")];
  // Each claim's place among the cards (the stream gives them in report order) and its anchor,
  // given in card order, so a repeated id gets its "-2" where the page shows it second.
  const place = new Map<ClaimDigest, number>(claims.map((claim, index) => [claim, index]));
  const ids = new Set<string>();
  const anchors = new Map<ClaimDigest, string>(claims.map((claim) => [claim, cardAnchor(claim.id, ids)]));
  const card = (claim: ClaimResult, digest: ClaimDigest): string => {
    const index = place.get(digest)!;
    return `${index === 0 ? "" : "\n"}${claimCard(claim, anchors.get(digest)!, index >= PAGE_SIZE, docs)}`;
  };
  const forTimeline: ClaimResult[] = [];
  const otherFindings = result.diagnostics.filter((d) => d.claimId === undefined);
  const ok = result.summary.failed === 0 && result.summary.errors === 0;

  const top = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${t(`${result.tool.name} ${result.tool.version}`)}">
<title>${t(`claimcheck report — ${ok ? "all pass" : `${result.summary.failed} failed`} — ${plural(result.summary.claims, "claim")}`)}</title>
<style>${style}</style>
<noscript><style>${noscriptStyle}</style></noscript>
</head>
<body>
<a class="skip" href="#claims">Skip to the claims</a>
<header class="top"><div class="wrap">
<h1><span class="tool">claimcheck</span> verification report</h1>
<span class="banner ${ok ? "pass" : "fail"}" role="status">${ok ? `✓ All ${plural(result.summary.claims, "claim")} pass` : result.summary.failed > 0 ? `✗ ${result.summary.failed} of ${plural(result.summary.claims, "claim")} failed` : `✗ ${plural(result.summary.errors, "error")} outside claims`}</span>
<nav class="toc" aria-label="Sections"><a href="#summary">Summary</a><a href="#claims">Claims</a><a href="#timeline">Timeline</a><a href="#articles">Article</a>${otherFindings.length > 0 ? `<a href="#other">Other findings</a>` : ""}</nav>
</div></header>
<main class="wrap">
${summarySection(result)}
<section id="claims" aria-labelledby="claims-h">
<h2 id="claims-h">Claims</h2>
${filterBar(result)}
<p class="shown" id="shown" aria-live="polite">${t(`Showing ${result.claims.length} of ${plural(result.claims.length, "claim")}`)}</p>
<div class="cards" id="claim-list">
`;
  // The failed cards come first, in a pass over the failed claims alone; the others as the
  // claims pass (docs/design.md, "The result is a stream").
  let firstPosition = 0;
  let position = 0;
  return {
    head: () => [top],
    first: {
      selects: (digest) => digest.status === "fail",
      claim: (input) => card(claimInReportOrder(input), failed[firstPosition++]!),
    },
    claim(input) {
      const claim = claimInReportOrder(input);
      const digest = result.claims[position++]!;
      forTimeline.push(timelineView(claim));
      return digest.status === "fail" ? "" : card(claim, digest);
    },
    *tail() {
      const data = {
        pageSize: PAGE_SIZE,
        claims: claims.map((claim) => [
          claim.status,
          shownVerdict(claim),
          `${claim.id} ${claim.article} ${claim.text}`.toLowerCase(),
        ]),
      };
      yield `
</div>
<button type="button" class="more-btn" id="more" hidden>Show more</button>
</section>
${timelineSection(result.timeline, forTimeline)}
<section id="articles" aria-labelledby="articles-h">
<h2 id="articles-h">The article${result.articles.length === 1 ? "" : "s"}</h2>
${result.articles.length === 0 ? "<p>No article in this result.</p>" : articlesView(result)}
</section>
${otherFindings.length > 0 ? otherSection(otherFindings, docs) : ""}
</main>
<footer><div class="wrap">${t(`${result.tool.name} ${result.tool.version}`)} · result schema v${result.schemaVersion} · ${plural(result.summary.files, "file")} checked</div></footer>
<script type="application/json" id="cc-data">${jsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
    },
  };
};

export const html = wholeReport(htmlStream, { sorted: true });

function articlesView(result: { articles: RunResult["articles"]; claims: readonly ClaimDigest[] }): string {
  const failed = failedClaimsByArticle(result.claims);
  return result.articles.map((article) => articleView(article, failed)).join("\n");
}

/** What the timeline reads of a claim: all but its citations, findings and the evidence of its parts. */
function timelineView(claim: ClaimResult): ClaimResult {
  const trim = (part: PartResult): PartResult => ({ ...part, evidence: [], parts: part.parts?.map(trim) });
  return { ...claim, citations: [], evidenceGroups: undefined, diagnostics: [], evaluation: claim.evaluation && trim(claim.evaluation) };
}

/** The verdict a claim is filed under: the fact-checker's, else the derived one. */
function shownVerdict(claim: ClaimDigest): Verdict | "none" {
  return claim.declared ?? claim.derived ?? "none";
}

/**
 * A verdict as a badge: its word, its symbol and its colour. `unproven` (in the card of a
 * claim whose check failed) keeps the word and drops the symbol and colour: a verdict the check
 * did not establish must not look like one it did, so a broken claim never shows a green tick.
 */
function badge(verdict: Verdict | undefined, unproven = false): string {
  if (verdict === undefined) return `<span class="badge v-none">— none</span>`;
  const label = VERDICT_LABELS[verdict];
  if (unproven) return `<span class="badge v-unproven">${label.text}<span class="skip"> (not established: the check failed)</span></span>`;
  return `<span class="badge v-${verdict}"><span aria-hidden="true">${label.symbol}</span> ${label.text}</span>`;
}

/** The absolute address of a docs page of the package (src/reporters/settings.ts), if any. */
type DocsLink = (file: string) => string | undefined;

function summarySection(result: Pick<RunResult, "summary">): string {
  const s = result.summary;
  const stat = (key: string, label: string, value: number, cls = ""): string =>
    `<div class="stat${cls === "" ? "" : ` ${cls}`}"><dt>${label}</dt><dd data-count="${key}">${value}</dd></div>`;
  const rows = VERDICTS.map(
    (v) => `<tr><th scope="row">${badge(v)}</th><td class="n" data-declared="${v}">${s.declared[v]}</td><td class="n" data-derived="${v}">${s.derived[v]}</td></tr>`,
  );
  return `<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<dl class="stats">
${stat("claims", "Claims", s.claims)}
${stat("passed", "Passed", s.passed, "pass")}
${stat("failed", "Failed", s.failed, s.failed > 0 ? "fail" : "")}
${stat("errors", "Errors", s.errors, s.errors > 0 ? "fail" : "")}
${stat("warnings", "Warnings", s.warnings)}
${stat("files", "Files", s.files)}
</dl>
<table class="vtable">
<caption class="skip">Claims by verdict</caption>
<thead><tr><th scope="col">Verdict</th><th scope="col">Declared</th><th scope="col">Derived</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</section>`;
}

function filterBar(result: { summary: RunResult["summary"]; claims: readonly ClaimDigest[] }): string {
  const counts: Record<string, number> = {};
  for (const claim of result.claims) counts[shownVerdict(claim)] = (counts[shownVerdict(claim)] ?? 0) + 1;
  const verdictButtons = VERDICTS.map(
    (v) =>
      `<button type="button" data-verdict="${v}" aria-pressed="false"><span aria-hidden="true">${VERDICT_LABELS[v].symbol}</span> ${VERDICT_LABELS[v].text} <span class="n">${counts[v] ?? 0}</span></button>`,
  );
  const statusButton = (key: string, label: string, count: number): string =>
    `<button type="button" data-status="${key}" aria-pressed="${key === "all" ? "true" : "false"}">${label} <span class="n">${count}</span></button>`;
  return `<div class="filters" id="filters" role="search" aria-label="Filter claims" hidden>
<fieldset><legend>Verdict</legend><div class="btns">${verdictButtons.join("")}</div></fieldset>
<fieldset><legend>Status</legend><div class="btns">${statusButton("all", "All", result.summary.claims)}${statusButton("fail", "✗ Fail", result.summary.failed)}${statusButton("pass", "✓ Pass", result.summary.passed)}</div></fieldset>
<div class="search"><label for="q">Search text or id</label><input type="search" id="q" autocomplete="off" spellcheck="false"></div>
<button type="button" id="reset">Reset</button>
</div>`;
}

/** A finding: severity, rule (linked to its page), message, position. */
function diagnosticItem(d: Diagnostic, docs: DocsLink): string {
  const page = d.docs === undefined ? undefined : docs(d.docs);
  const rule = page === undefined ? `<code>${t(d.ruleId)}</code>` : `<a class="rule" href="${t(page)}" rel="noopener noreferrer"><code>${t(d.ruleId)}</code></a>`;
  return `<li class="diag ${d.severity}"><span class="sev">${d.severity}</span>${rule} ${t(d.message)} <span class="pos mono">${t(formatPosition(d.at))}</span></li>`;
}

function citationItem(citation: CitationResult): string {
  const url = safeHref(citation.url);
  const archive = safeHref(citation.archiveUrl);
  const title = t(citation.title ?? citation.source);
  const heading = url === undefined ? `<strong>${title}</strong>` : `<a href="${t(url)}" rel="noopener noreferrer"><strong>${title}</strong></a>`;
  const meta = [
    citation.containerTitle === undefined ? "" : t(citation.containerTitle),
    citation.issued === undefined ? "" : t(citation.issued),
    whoText(citation) === "" ? "" : `<span class="who${citation.standing === "unreliable" ? " unreliable" : ""}">${t(whoText(citation))}</span>`,
    `<code>${t(citation.source)}</code>`,
    archive === undefined ? "" : `<a href="${t(archive)}" rel="noopener noreferrer">archived copy</a>`,
    url === undefined && citation.url !== undefined ? `address: ${t(citation.url)}` : "",
  ].filter((bit) => bit !== "");
  const found = citation.found ? "" : ` <span class="missing">✗ quote not found in the source</span>`;
  return `<li class="cite">${heading}<div class="meta">${meta.join(" · ")}</div><blockquote>${t(citation.quote)}${found}</blockquote></li>`;
}

/** The claim's citations in their independent groups: each group counts as one source. */
function evidenceGroupsView(claim: ClaimResult): string {
  const { groups, ungrouped } = citationsByGroup(claim);
  const items = groups.map(
    ({ group, citations }, n) =>
      `<li class="group${group.counts === false ? " nothing" : ""}"><div class="group-head"><strong>${t(`Independent source ${n + 1}`)}</strong>: ${t(groupText(group))}</div><ol class="cites">${citations.map(citationItem).join("")}</ol></li>`,
  );
  const rest = ungrouped.length > 0 ? `<p class="group-head">${t("Not found, so in no group:")}</p><ol class="cites">${ungrouped.map(citationItem).join("")}</ol>` : "";
  return `${items.length > 0 ? `<ol class="groups">${items.join("")}</ol>` : ""}${rest}`;
}

function evidenceItem(ref: EvidenceRef, later: boolean): string {
  const excerpt = ref.excerpt === undefined ? "" : ` <q>${t(ref.excerpt)}</q>`;
  const inferred = ref.inferred === undefined ? "" : ` <span class="inferred">inferred (${t(ref.inferred.fields.join(", "))}): ${t(ref.inferred.reason)}</span>`;
  return `<li class="ev${later ? " later" : ""}"><span class="rank-${ref.rank}">${t(ref.statement)}</span> <span class="mono">${t(`${ref.source}/${ref.fact}`)}</span>${ref.time === undefined ? "" : ` (${t(ref.time)})`}${ref.rank === "normal" ? "" : ` <em>${ref.rank}</em>`}${excerpt}${inferred}</li>`;
}

function partItem(part: PartResult, unproven: boolean): string {
  const label = part.label ?? part.id;
  const short = part.insufficientEvidence === true;
  const expectation = short
    ? ` <span class="short">${t("unverifiable: the evidence falls short of the standard")}</span>`
    : part.expect !== undefined && part.expect !== part.verdict
      ? ` <span class="mismatch">expected ${t(part.expect)}</span>`
      : "";
  const evidence = part.evidence.length > 0 ? `<ul class="ev">${part.evidence.map((ref) => evidenceItem(ref, false)).join("")}</ul>` : "";
  const later =
    part.later.length > 0
      ? `<div>Later developments (not deciding):</div><ul class="ev">${part.later.map((ref) => evidenceItem(ref, true)).join("")}</ul>`
      : "";
  const sub = part.parts !== undefined && part.parts.length > 0 ? `<ol>${part.parts.map((p) => partItem(p, unproven)).join("")}</ol>` : "";
  return `<li class="part">${badge(part.verdict, unproven)} <span class="kind">${t(part.kind)}</span>${label === undefined ? "" : ` ${t(label)}`}${expectation}<dl><dt>Expected</dt><dd>${t(part.expected)}</dd><dt>Found</dt><dd>${t(part.found)}</dd></dl>${evidence}${later}${sub}</li>`;
}

/** A card's anchor: the claim's, with "-2", "-3"… for a repeated id, in the order the cards are shown. */
function cardAnchor(claimId: string, ids: Set<string>): string {
  let id = claimAnchor(claimId);
  for (let n = 2; ids.has(id); n++) id = `${claimAnchor(claimId)}-${n}`;
  ids.add(id);
  return id;
}

function claimCard(claim: ClaimResult, id: string, later: boolean, docs: DocsLink): string {
  const status = STATUS_LABELS[claim.status];
  const failed = claim.status === "fail";
  const mismatch = claim.declared !== undefined && claim.derived !== undefined && claim.declared !== claim.derived;
  const verdicts = `<dl class="vs"><div><dt>Declared</dt><dd>${badge(claim.declared, failed)}</dd></div><div><dt>Derived</dt><dd>${badge(claim.derived, failed)}</dd></div>${
    mismatch ? `<div class="mismatch"><dt>≠</dt><dd>derived differs from declared</dd></div>` : ""
  }${claim.asOf === undefined ? "" : `<div><dt>As of</dt><dd>${t(claim.asOf)}</dd></div>`}</dl>`;
  // Errors before warnings: what broke the check is read first.
  const ordered = [...claim.diagnostics.filter((d) => d.severity === "error"), ...claim.diagnostics.filter((d) => d.severity !== "error")];
  const diagnostics = ordered.length > 0 ? `<ul class="diags">${ordered.map((d) => diagnosticItem(d, docs)).join("")}</ul>` : "";
  const parts = claim.evaluation === undefined ? "" : `<h4 class="skip">Evaluation</h4><ol class="parts">${partItem(claim.evaluation, failed)}</ol>`;
  const cites = claim.citations.length > 0 ? evidenceGroupsView(claim) : "<p>No citations.</p>";
  const summaryText = `Evidence: ${groupsSummary(claim.evidenceGroups ?? [])} in ${plural(claim.citations.length, "citation")}${claim.evaluation === undefined ? "" : ", evaluation"}`;
  return `<article class="card ${claim.status}" id="${t(id)}" aria-labelledby="${t(id)}-h"${later ? " hidden" : ""}>
<div class="card-head"><h3 id="${t(id)}-h"><code>${t(claim.id)}</code> <span class="art">${t(claim.article)}</span></h3><span class="st st-${claim.status}">${status.symbol} ${failed ? "Check failed" : status.text}</span>${badge(claim.declared ?? claim.derived, failed)}</div>
<blockquote class="claim-text">${t(claim.text)}</blockquote>
${failed ? diagnostics : ""}${verdicts}${claim.rationale === undefined ? "" : `<p class="rationale">${t(claim.rationale)}</p>`}${failed ? "" : diagnostics}
<details class="more"><summary>${t(summaryText)}</summary>${cites}${parts}</details>
<p class="where mono">${t(formatPosition(claim.at))}</p>
</article>`;
}

function otherSection(findings: Diagnostic[], docs: DocsLink): string {
  return `<section id="other" class="other" aria-labelledby="other-h">
<h2 id="other-h">Findings outside claims</h2>
<ul class="diags">${findings.map((d) => diagnosticItem(d, docs)).join("")}</ul>
</section>`;
}
