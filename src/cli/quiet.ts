import type { RunResult } from "../model/result.js";

/**
 * `--quiet`, as ESLint has it: the run's result with its warnings left out, so no report
 * shows them and they count toward nothing (`--max-warnings` included). Errors, claims,
 * verdicts and the summary stay; the summary counts no warnings. The result when not asked.
 */
export function errorsOnlyIf(quiet: boolean | undefined, result: RunResult): RunResult {
  if (!quiet) return result;
  const errors = <T extends { severity: string }>(list: readonly T[]) => list.filter((d) => d.severity === "error");
  return {
    ...result,
    summary: { ...result.summary, warnings: 0 },
    claims: result.claims.map((claim) => ({ ...claim, diagnostics: errors(claim.diagnostics) })),
    diagnostics: errors(result.diagnostics),
  };
}
