import type { Diagnostic } from "../model/diagnostic.js";
import { escapeWorkflowData, escapeWorkflowProperty } from "./escape.js";
import { inReportOrder } from "./order.js";
import type { Reporter } from "./types.js";

/**
 * GitHub Actions workflow commands, one line per diagnostic, which the runner turns into
 * annotations on the pull request's diff:
 * `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=claimcheck(rule-id)::message`.
 * Data is escaped as the runner decodes it (`%`, CR, LF; in properties also `:` and `,`),
 * so no value can end the command early or start a second one. The CLI prints this to
 * standard output; it chooses the format when GITHUB_ACTIONS=true or when asked.
 */
export const github: Reporter = (input) => {
  const result = inReportOrder(input);
  return result.diagnostics.map((d) => `${annotation(d)}\n`).join("");
};

function annotation(d: Diagnostic): string {
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
  const message = d.claimId === undefined ? d.message : `${d.message} [claim ${d.claimId}]`;
  const props = properties.map(([key, value]) => `${key}=${escapeWorkflowProperty(value)}`).join(",");
  return `::${command} ${props}::${escapeWorkflowData(message)}`;
}
