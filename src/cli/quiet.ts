import type { ClaimResult, RunResult } from "../model/result.js";
import { materialise, streamOf, type ClaimDigest, type ResultStream } from "../model/result-stream.js";

/**
 * `--quiet`, as ESLint has it: the run's result with its warnings left out, so no report
 * shows them and they count toward nothing (`--max-warnings` included). Errors, claims,
 * verdicts and the summary stay; the summary counts no warnings. The result when not asked.
 */
export function errorsOnlyIf(quiet: boolean | undefined, result: RunResult): RunResult {
  return quiet ? materialise(errorsOnlyInStream(quiet, streamOf(result))) : result;
}

/** errorsOnlyIf over a streamed result: the head and digests at once, each claim as it is built. */
export function errorsOnlyInStream(quiet: boolean | undefined, doc: ResultStream): ResultStream {
  if (!quiet) return doc;
  const errors = <T extends { severity: string }>(list: readonly T[]) => list.filter((d) => d.severity === "error");
  const quietClaim = <C extends ClaimDigest | ClaimResult>(claim: C): C => ({ ...claim, diagnostics: errors(claim.diagnostics) });
  const digests = doc.digests.map(quietClaim);
  return {
    head: { ...doc.head, summary: { ...doc.head.summary, warnings: 0 }, diagnostics: errors(doc.head.diagnostics) },
    digests,
    *claims(select) {
      for (const claim of doc.claims(select && ((_, i) => select(digests[i]!, i)))) yield quietClaim(claim);
    },
  };
}
