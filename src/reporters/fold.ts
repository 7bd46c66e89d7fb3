import type { Diagnostic } from "../model/diagnostic.js";

/** Warnings of one rule beyond this many, outside claim files, fold into one line or annotation. */
export const FOLD_AFTER = 3;

/**
 * Rules whose warnings outside the claim files say one thing many times (more than
 * FOLD_AFTER of them: `archive-url` for every source without an archived copy), each with
 * its warnings in the order given. Reports fold such a rule into one entry.
 */
export function repeatedWarnings(diagnostics: readonly Diagnostic[], claimFiles: ReadonlySet<string>): Map<string, Diagnostic[]> {
  const byRule = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity !== "warning" || claimFiles.has(d.at.file)) continue;
    const list = byRule.get(d.ruleId);
    if (list) list.push(d);
    else byRule.set(d.ruleId, [d]);
  }
  for (const [rule, list] of byRule) if (list.length <= FOLD_AFTER) byRule.delete(rule);
  return byRule;
}
