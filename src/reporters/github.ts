import type { Diagnostic } from "../model/diagnostic.js";
import { escapeWorkflowData, escapeWorkflowProperty } from "./escape.js";
import { repeatedWarnings } from "./fold.js";
import { plural } from "./labels.js";
import { inReportOrder } from "./order.js";
import type { ReporterOptions, ReportView } from "./types.js";
import { fromHead } from "./stream.js";

/**
 * GitHub shows at most this many annotations of each kind (error, warning, notice) per step
 * and drops the rest without a word (actions/toolkit, docs/problem-matchers.md).
 */
export const ANNOTATIONS_PER_KIND = 10;

/** One annotation to print: a diagnostic, and how many like it it stands for. */
interface Annotation {
  d: Diagnostic;
  /** Further warnings of the same rule folded into this one. */
  more: number;
}

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull
 * request's diff:
 * `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=claimcheck(rule-id)::message`.
 *
 * Errors come first. A rule whose warnings outside the claim files repeat (more than three)
 * is one annotation at its first finding, saying how many more there are. Of each kind, the
 * first ten are printed, as many as GitHub shows in a step; when some are left out, one
 * notice says how many and where the full list is (the job summary, the SARIF report).
 *
 * Data is escaped as the runner decodes it (`%`, CR, LF; in properties also `:` and `,`),
 * so no value can end the command early or start a second one. The CLI prints this to
 * standard output; it chooses the format when GITHUB_ACTIONS=true or when asked.
 */
export const github = (input: ReportView, _options?: ReporterOptions): string => {
  const result = inReportOrder(input);
  const errors: Annotation[] = result.diagnostics.filter((d) => d.severity === "error").map((d) => ({ d, more: 0 }));
  const folded = repeatedWarnings(result.diagnostics, new Set(result.claims.map((claim) => claim.file)));
  const warnings: Annotation[] = [];
  for (const d of result.diagnostics) {
    if (d.severity !== "warning") continue;
    const fold = folded.get(d.ruleId);
    if (fold === undefined) warnings.push({ d, more: 0 });
    else if (fold[0] === d) warnings.push({ d, more: fold.length - 1 });
  }
  const shown = [...errors.slice(0, ANNOTATIONS_PER_KIND), ...warnings.slice(0, ANNOTATIONS_PER_KIND)];
  const lines = shown.map(annotation);
  const hidden = [errors.length - ANNOTATIONS_PER_KIND, hiddenWarnings(warnings)];
  if (hidden[0]! > 0 || hidden[1]! > 0) lines.push(notShownNotice(Math.max(0, hidden[0]!), Math.max(0, hidden[1]!)));
  return lines.map((line) => `${line}\n`).join("");
};

/** Warnings not shown: those past the cap, with everything folded into them. */
function hiddenWarnings(warnings: Annotation[]): number {
  return warnings.slice(ANNOTATIONS_PER_KIND).reduce((sum, a) => sum + 1 + a.more, 0);
}

function notShownNotice(errors: number, warnings: number): string {
  const counts = [errors > 0 ? plural(errors, "more error") : "", warnings > 0 ? plural(warnings, "more warning") : ""].filter((part) => part !== "").join(" and ");
  const message = `${counts} than GitHub shows as annotations (${ANNOTATIONS_PER_KIND} of each kind per step): the job summary and the SARIF report list every finding.`;
  return `::notice title=${escapeWorkflowProperty("claimcheck: findings not shown")}::${escapeWorkflowData(message)}`;
}

function annotation({ d, more }: Annotation): string {
  const properties: Array<[string, string]> = [
    ["file", d.at.file],
    ["line", String(d.at.line)],
    ["col", String(d.at.column)],
  ];
  if (d.at.endLine !== undefined) properties.push(["endLine", String(d.at.endLine)]);
  // GitHub reads endColumn only for an annotation on a single line.
  if (d.at.endColumn !== undefined && (d.at.endLine === undefined || d.at.endLine === d.at.line)) {
    properties.push(["endColumn", String(d.at.endColumn)]);
  }
  properties.push(["title", `claimcheck(${d.ruleId})`]);
  const command = d.severity === "error" ? "error" : "warning";
  let message = d.claimId === undefined ? d.message : `${d.message} [claim ${d.claimId}]`;
  if (more > 0) message += ` (and ${plural(more, `more ${d.ruleId} warning`)} in other files)`;
  const props = properties.map(([key, value]) => `${key}=${escapeWorkflowProperty(value)}`).join(",");
  return `::${command} ${props}::${escapeWorkflowData(message)}`;
}

/** The annotations over a streamed result: read from the head and the digests. */
export const githubStream = fromHead((doc, options) => github({ ...doc.head, claims: doc.digests }, options));
