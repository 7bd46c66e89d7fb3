import type { ClaimStatus, Verdict } from "../model/result.js";

/** How a verdict reads in a report: a word, and a symbol, so colour is never the only cue. */
export const VERDICT_LABELS: Readonly<Record<Verdict, { text: string; symbol: string }>> = {
  supported: { text: "Supported", symbol: "✓" },
  refuted: { text: "Refuted", symbol: "✗" },
  mixed: { text: "Mixed", symbol: "◐" },
  unverifiable: { text: "Unverifiable", symbol: "?" },
};

export const STATUS_LABELS: Readonly<Record<ClaimStatus, { text: string; symbol: string }>> = {
  pass: { text: "Pass", symbol: "✓" },
  fail: { text: "Fail", symbol: "✗" },
};

/** `Supported`, `Refuted`…; `none` when the claim has no verdict of that kind. */
export function verdictText(verdict: Verdict | undefined): string {
  return verdict === undefined ? "none" : VERDICT_LABELS[verdict].text;
}

/** `file:line:col`, the form editors and terminals turn into links. */
export function formatPosition(at: { file: string; line: number; column: number }): string {
  return `${at.file}:${at.line}:${at.column}`;
}

/** `1 claim`, `2 claims`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
