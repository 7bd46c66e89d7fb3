import type { Diagnostic } from "../model/diagnostic.js";
import { VERDICTS, type ClaimResult, type RunResult } from "../model/result.js";
import { escapeMarkdown, escapeMarkdownHtml, escapeMarkdownTableCell, markdownCode } from "./escape.js";
import { citationsByGroup, groupsSummary, groupText, whoText } from "./evidence-groups.js";
import { formatPosition, plural, VERDICT_LABELS, verdictText } from "./labels.js";
import { inReportOrder } from "./order.js";
import type { Reporter } from "./types.js";
import { keepingClaims } from "./stream.js";

// A pull-request comment holds 65,536 characters and a job summary 1 MiB: past these
// counts the summary says how many it left out and points at the full reports.
const MAX_FAILING_CLAIMS = 100;
const MAX_PASSING_ROWS = 300;
const MAX_OTHER_FINDINGS = 100;

/**
 * Markdown for a pull-request comment or a GitHub job summary: counts, failing claims
 * first with their messages and positions, then errors in other files; warnings in
 * other files and the passing claims are folded in `<details>`. Every value
 * from a file is escaped, so a claim's text can neither add markup nor ping anyone.
 */
export const markdown: Reporter = (input) => {
  const result = inReportOrder(input);
  const { summary } = result;
  const failing = result.claims.filter((claim) => claim.status === "fail");
  const passing = result.claims.filter((claim) => claim.status === "pass");
  const otherFindings = result.diagnostics.filter((d) => d.claimId === undefined);
  const ok = summary.failed === 0 && summary.errors === 0;

  const out: string[] = [];
  out.push(
    ok
      ? `## ✅ claimcheck: all ${plural(summary.claims, "claim")} pass${summary.warnings > 0 ? ` · ${plural(summary.warnings, "warning")}` : ""}`
      : summary.failed > 0
        ? `## ❌ claimcheck: ${summary.failed} of ${plural(summary.claims, "claim")} failed`
        : `## ❌ claimcheck: ${plural(summary.errors, "error")} outside claims`,
    "",
    "| Result | Count |",
    "| :-- | --: |",
    `| Claims | ${summary.claims} |`,
    `| ✅ Passed | ${summary.passed} |`,
    `| ❌ Failed | ${summary.failed} |`,
    `| Errors | ${summary.errors} |`,
    `| Warnings | ${summary.warnings} |`,
    `| Files | ${summary.files} |`,
    "",
    "| Verdict | Declared | Derived |",
    "| :-- | --: | --: |",
    ...VERDICTS.map(
      (v) => `| ${VERDICT_LABELS[v].symbol} ${VERDICT_LABELS[v].text} | ${summary.declared[v]} | ${summary.derived[v]} |`,
    ),
    "",
  );

  if (failing.length > 0) {
    out.push(`### Failing claims`, "");
    for (const claim of failing.slice(0, MAX_FAILING_CLAIMS)) out.push(...failingClaim(claim));
    if (failing.length > MAX_FAILING_CLAIMS) {
      out.push(`…and ${plural(failing.length - MAX_FAILING_CLAIMS, "more failing claim")}; see the full report.`, "");
    }
  }

  const otherErrors = otherFindings.filter((d) => d.severity === "error");
  const otherWarnings = otherFindings.filter((d) => d.severity === "warning");
  if (otherErrors.length > 0) {
    out.push(`### Errors outside claims`, "", ...findingList(otherErrors), "");
  }
  if (otherWarnings.length > 0) {
    out.push(
      "<details>",
      `<summary>${escapeMarkdownHtml(plural(otherWarnings.length, "warning") + " outside claims")}</summary>`,
      "",
      ...findingList(otherWarnings),
      "",
      "</details>",
      "",
    );
  }

  if (passing.length > 0) {
    out.push(
      "<details>",
      `<summary>${escapeMarkdownHtml(plural(passing.length, "passing claim"))}</summary>`,
      "",
      "| Claim | Article | Declared | Derived | Independent sources | Warnings |",
      "| :-- | :-- | :-- | :-- | :-- | --: |",
    );
    for (const claim of passing.slice(0, MAX_PASSING_ROWS)) {
      const warnings = claim.diagnostics.filter((d) => d.severity === "warning").length;
      out.push(
        `| ${markdownCode(claim.id, true)} | ${escapeMarkdownTableCell(claim.article)} | ${verdictCell(claim.declared)} | ${verdictCell(claim.derived)} | ${groupsCell(claim)} | ${warnings} |`,
      );
    }
    if (passing.length > MAX_PASSING_ROWS) {
      out.push(`| …and ${passing.length - MAX_PASSING_ROWS} more | | | | | |`);
    }
    out.push("", "</details>", "");
  }

  out.push(`<sub>${escapeMarkdownHtml(`${result.tool.name} ${result.tool.version}`)}</sub>`, "");
  return out.join("\n");
};

function verdictCell(verdict: ClaimResult["declared"]): string {
  return verdict === undefined ? "—" : `${VERDICT_LABELS[verdict].symbol} ${VERDICT_LABELS[verdict].text}`;
}

function failingClaim(claim: ClaimResult): string[] {
  const lines = [
    `#### ❌ ${markdownCode(claim.id)} · ${escapeMarkdown(claim.article)}`,
    "",
    `> ${escapeMarkdown(claim.text)}`,
    "",
    `Declared **${verdictText(claim.declared)}**, derived **${verdictText(claim.derived)}** · ${markdownCode(formatPosition(claim.at))}`,
    "",
  ];
  for (const d of claim.diagnostics) lines.push(diagnosticLine(d));
  if (claim.diagnostics.length > 0) lines.push("");
  lines.push(...evidenceList(claim));
  return lines;
}

/** The claim's citations in their independent groups, each group one numbered item. */
function evidenceList(claim: ClaimResult): string[] {
  const { groups, ungrouped } = citationsByGroup(claim);
  if (groups.length === 0 && ungrouped.length === 0) return [];
  const lines = [`Evidence: ${groupsSummary(claim.evidenceGroups ?? [])}`, ""];
  groups.forEach(({ group, citations }, n) => {
    lines.push(`${n + 1}. ${escapeMarkdown(groupText(group))}`);
    for (const c of citations) lines.push(`   - ${markdownCode(c.source)} (${escapeMarkdown(whoText(c))}): ${escapeMarkdown(c.quote)}`);
  });
  if (ungrouped.length > 0) {
    lines.push(`${groups.length + 1}. Not found, so in no group`);
    for (const c of ungrouped) lines.push(`   - ${markdownCode(c.source)}: ${escapeMarkdown(c.quote)}`);
  }
  lines.push("");
  return lines;
}

/** The independent groups of a passing claim, in one table cell. */
function groupsCell(claim: ClaimResult): string {
  const groups = claim.evidenceGroups ?? [];
  const counting = groups.filter((g) => g.counts !== false);
  const rest = groups.length - counting.length;
  return groups.length === 0
    ? "—"
    : `${counting.length}: ${escapeMarkdownTableCell(counting.map((g) => g.outlets.join(" / ")).join("; "))}${rest > 0 ? ` (+${rest} that count${rest === 1 ? "s" : ""} for nothing)` : ""}`;
}

function findingList(findings: Diagnostic[]): string[] {
  const lines = findings.slice(0, MAX_OTHER_FINDINGS).map(diagnosticLine);
  if (findings.length > MAX_OTHER_FINDINGS) lines.push(`- …and ${plural(findings.length - MAX_OTHER_FINDINGS, "more finding")}`);
  return lines;
}

function diagnosticLine(d: Diagnostic): string {
  return `- **${d.severity}** ${markdownCode(d.ruleId)} ${markdownCode(formatPosition(d.at))}: ${escapeMarkdown(d.message)}`;
}

/** The summary over a streamed result: it keeps the claims as they pass and renders at the end. */
export const markdownStream = keepingClaims(markdown);
