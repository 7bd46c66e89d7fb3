import type { ClaimResult, RunResult } from "./result.js";

/**
 * What a report needs of a claim before the claims themselves arrive: enough for the
 * counts, filters and headings that stand above them (the HTML summary, the terminal's
 * article headings, JUnit's totals). A ClaimResult is one too.
 */
export type ClaimDigest = Pick<ClaimResult, "id" | "article" | "file" | "at" | "text" | "asOf" | "declared" | "derived" | "status" | "diagnostics">;

/**
 * A result document as reporters read it: everything but the claims at once, and the claims
 * one at a time, built when asked for, so that no run holds all of them (docs/design.md,
 * "The result is a stream").
 */
export interface ResultStream {
  /**
   * The document without its claims: `claims` is empty and keeps its place among the keys,
   * so the JSON written from the stream has the keys in the document's order.
   */
  head: RunResult;
  /** One digest per claim, in the order `claims()` gives the claims. */
  digests: readonly ClaimDigest[];
  /**
   * The claims in the document's order (article, id, file), each built as it is reached. Can
   * be walked again. With `select`, only the claims whose digest (and its place among the
   * digests) it accepts are built and given.
   */
  claims(select?: (digest: ClaimDigest, index: number) => boolean): Iterable<ClaimResult>;
}

/** A whole result as a stream: its claims are already built. */
export function streamOf(result: RunResult): ResultStream {
  return {
    head: { ...result, claims: [] },
    digests: result.claims,
    claims: (select) => (select ? result.claims.filter((claim, i) => select(claim, i)) : result.claims),
  };
}

/** The whole document, every claim built: for the library's callers, merge and shards. */
export function materialise(stream: ResultStream): RunResult {
  return { ...stream.head, claims: [...stream.claims()] };
}
