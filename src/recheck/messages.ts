import type { SourceEntry } from "../capture/source-records.js";
import { renderMessage } from "../model/render-message.js";
import type { Diagnostic, MessageData, Severity } from "../model/diagnostic.js";
import { docsPath } from "../rules/types.js";

/** The check id of recheck's findings; docs/rules/source-drift.md. */
export const SOURCE_DRIFT = "source-drift";

/** source-drift's messages, one per outcome worth a finding (still-says-it has none). */
export const DRIFT_MESSAGES = {
  excerptGone: 'excerpt "{excerpt}" of source "{source}" is no longer on the page{closest}',
  textChanged: 'the page of source "{source}" changed since its snapshot, but every excerpt is still on it',
  moved: 'the page of source "{source}" moved: {url} now leads to {finalUrl}',
  gone: 'the page of source "{source}" is gone ({detail}), and the source has no archive-URL',
  goneArchived: 'the page of source "{source}" is gone ({detail}); its archived copy remains at {archive}',
  couldNotCheck: 'could not check the page of source "{source}": {detail}',
} as const;

export type DriftMessageId = keyof typeof DRIFT_MESSAGES;

/** A finding about a page, before it is placed and worded. */
export interface DriftFinding {
  messageId: DriftMessageId;
  severity: Severity;
  data: MessageData;
}

/**
 * A finding as a diagnostic of the source file, at its `URL:` line, so every report
 * (terminal, HTML, Markdown, SARIF, GitHub annotations) shows it as it shows any other.
 * `asWarning` is the configuration's `rules: { source-drift: warn }`.
 */
export function driftDiagnostic(entry: SourceEntry, finding: DriftFinding, asWarning: boolean): Diagnostic {
  return {
    ruleId: SOURCE_DRIFT,
    messageId: finding.messageId,
    data: finding.data,
    message: renderMessage(DRIFT_MESSAGES[finding.messageId], finding.data),
    severity: asWarning ? "warning" : finding.severity,
    at: { ...entry.doc.locate(["URL"]), path: "URL" },
    docs: docsPath(SOURCE_DRIFT),
  };
}
