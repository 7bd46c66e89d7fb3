import type { Colors } from "picocolors/types.js";
import type { ClaimResult, RunResult } from "../model/result.js";
import type { ClaimDigest, ResultStream } from "../model/result-stream.js";
import type { ReportSettings } from "./settings.js";

/** What the CLI tells a reporter. Reporters never look at the environment themselves. */
export interface ReporterOptions {
  /** Colour functions; the CLI passes no-op ones when colour is off. */
  colors: Colors;
  /** Include every claim, not only failing ones, where a format can choose. */
  verbose?: boolean;
  /**
   * The text of a checked file, for code frames. The CLI supplies it; reporters never read files.
   * Returns undefined for a file it cannot give.
   */
  sourceText?: (file: string) => string | undefined;
  /** The configuration's `reports:` section: docs address, ClaimReview publisher (src/reporters/settings.ts). */
  settings?: ReportSettings;
  /**
   * Where a reporter says what it left out of its output, or what its output lacks (a review
   * without its page's address). The CLI prints each message once, on standard error, after
   * the reports are written; the output itself never carries them.
   */
  warn?: (message: string) => void;
}

/** A result whose claims may be digests: what a format that reads no claim's evidence takes. */
export type ReportView = Omit<RunResult, "claims"> & { claims: readonly ClaimDigest[] };

/** A reporter turns a run's result into one string. Pure: no I/O, no clock, no env. */
export type Reporter = (result: RunResult, options: ReporterOptions) => string;

/**
 * A report written as it is made: the text before the claims, one piece per claim in
 * order, the text after. A format that shows no claim one by one leaves `claim` out and
 * reads what it needs from the stream's head and digests. Made fresh for each report.
 */
export interface ReportWriter {
  head(): Iterable<string>;
  /**
   * Claims the report writes before all the others, in a pass of their own over just them
   * (the HTML's failed cards, shown first): which ones, by digest, and each one's piece. The
   * main pass still hands `claim` every claim, these included.
   */
  first?: { selects(digest: ClaimDigest): boolean; claim(claim: ClaimResult): string };
  claim?(claim: ClaimResult): string;
  tail(): Iterable<string>;
}

/** A reporter over a streamed result (src/model/result-stream.ts). Pure, like Reporter. */
export type StreamReporter = (doc: ResultStream, options: ReporterOptions) => ReportWriter;
