import { loaderMessages } from "../load/messages.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { renderMessage } from "../model/render-message.js";

/**
 * Keeps at most `limit` findings per file, in the order given (the run's sorted order), and
 * puts one finding in place of the rest: "and N more findings in this file". It is an error
 * when any finding left out is one, so a capped file never looks cleaner than it is. A file
 * with 30,000 unknown keys would otherwise make every report 30,000 entries long.
 */
export function capFindingsPerFile(diagnostics: Diagnostic[], limit: number): Diagnostic[] {
  const count = new Map<string, number>();
  for (const d of diagnostics) count.set(d.at.file, (count.get(d.at.file) ?? 0) + 1);
  if ([...count.values()].every((n) => n <= limit)) return diagnostics;
  const kept = new Map<string, number>();
  const summaries = new Map<string, Diagnostic>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const file = d.at.file;
    const n = kept.get(file) ?? 0;
    if (n < limit) {
      kept.set(file, n + 1);
      out.push(d);
      continue;
    }
    const summary = summaries.get(file);
    if (summary) {
      if (d.severity === "error") summary.severity = "error";
      continue;
    }
    // In the place of the first finding left out, so the list stays in order.
    const data = { more: count.get(file)! - limit, limit };
    const made: Diagnostic = {
      ruleId: "parse",
      messageId: "tooManyFindings",
      data,
      message: renderMessage(loaderMessages.tooManyFindings, data),
      severity: d.severity,
      at: { file, line: d.at.line, column: d.at.column },
      docs: "docs/rules/parse.md",
    };
    if (d.claimId !== undefined) made.claimId = d.claimId;
    summaries.set(file, made);
    out.push(made);
  }
  return out;
}
