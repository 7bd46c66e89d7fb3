import type { Colors } from "picocolors/types.js";
import type { RunResult } from "../model/result.js";
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

/** A reporter turns a run's result into one string. Pure: no I/O, no clock, no env. */
export type Reporter = (result: RunResult, options: ReporterOptions) => string;
