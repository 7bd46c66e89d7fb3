import { DEFAULT_LIMITS, type LoadLimits } from "./limits.js";
import type { PhaseTimes } from "./timing.js";
import { toolVersion } from "./version.js";
import type { Severity } from "../model/diagnostic.js";
import { fromJsDate, type PartialDate } from "../time/partial-date.js";

/** A rule's severity as configuration sets it. */
export type RuleSetting = Severity | "off";

/** Everything a run needs to know. The CLI and the vitest plugin fill it in. */
export interface RunOptions {
  /** The repository root: every path in results is relative to it; no file outside it is read. */
  root: string;
  /** Globs (relative to root) for claim files and article maps. */
  claims: string[];
  /** Globs (relative to root) for source records and the entity registry. */
  sources: string[];
  /**
   * When set, only these claim files (relative paths) are reported; every source is still
   * loaded, since claims depend on them.
   */
  select?: ReadonlySet<string>;
  limits: LoadLimits;
  /** Severity per rule id; rules not named keep their default. */
  rules: Record<string, RuleSetting>;
  /**
   * The project's evidence standard, as `evidence:` in the configuration file gives it
   * (validated by its schema); keys not given keep their defaults (src/assert/evidence-standard.ts).
   */
  evidence?: Readonly<Record<string, unknown>>;
  /** Today, for "no future dates". Passed in so that results never depend on the clock in tests. */
  today: PartialDate;
  /** The tool's version, for the result document. */
  version: string;
  /**
   * Keep each file's load and validation between runs (`--cache`): the cache file, the key
   * that signs it (kept outside the repository; src/cache/cache-key.ts), and where to say
   * that an unreadable cache was ignored. See src/cache/file-cache.ts.
   */
  cache?: { file: string; key: Uint8Array; warn?: (message: string) => void };
  /**
   * Let an exception from a rule or an evaluation propagate instead of becoming a finding.
   * The test suite sets it (CLAIMCHECK_RETHROW_RULE_ERRORS=1), so a rule that crashes fails
   * the test that made it crash.
   */
  rethrowRuleErrors?: boolean;
  /** When set, filled in with milliseconds per phase, for the benchmark (docs/performance.md). */
  timing?: PhaseTimes;
}

/** The defaults a run starts from; configuration overrides them. */
export function baseOptions(root: string): RunOptions {
  return {
    root,
    claims: ["claims/**/*.{yaml,yml}"],
    sources: ["sources/**/*.{yaml,yml}"],
    limits: { ...DEFAULT_LIMITS },
    rules: {},
    today: fromJsDate(new Date()),
    version: toolVersion(),
    rethrowRuleErrors: process.env.CLAIMCHECK_RETHROW_RULE_ERRORS === "1",
  };
}
