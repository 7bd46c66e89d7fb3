import type { Position } from "./position.js";

/** How much a finding matters. A rule's setting may also be `off`; a finding never is. */
export type Severity = "error" | "warning";

/** Values a message template may interpolate. */
export type MessageData = Record<string, string | number | boolean | null | undefined>;

/** One finding, at a place, from a rule (or from the loader or the schema check). */
export interface Diagnostic {
  /** Rule id, e.g. `quote-found`; `parse` and `schema` for loader and schema findings. */
  ruleId: string;
  /** Stable id of the message within the rule; tests assert on it, not on prose. */
  messageId: string;
  /** Values the message is made from. */
  data: MessageData;
  /** The rendered message, in plain words. */
  message: string;
  severity: Severity;
  /** Where the finding is. */
  at: Position;
  /** The claim the finding concerns, when it concerns one. */
  claimId?: string;
  /** Further places that explain the finding (the other side of a conflict, say). */
  related?: Array<{ message: string; at: Position }>;
  /** Address of the rule's documentation page, relative to the package root. */
  docs?: string;
}
