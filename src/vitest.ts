/**
 * `claimcheck/vitest`: every claim becomes a vitest test, one `describe` per article, so the
 * fact checks run beside the unit tests. In a test file:
 *
 *     import { defineClaimTests } from "claimcheck/vitest";
 *     await defineClaimTests();
 *
 * A failing claim's test fails with the claim's diagnostics (file:line:col, message, rule,
 * docs page, and a code frame) as its error message.
 */
import path from "node:path";
import pc from "picocolors";
import { describe, it } from "vitest";
import { fileReader } from "./cli/file-reader.js";
import { resolveRunOptions } from "./config/resolve.js";
import type { Diagnostic } from "./model/diagnostic.js";
import type { ClaimResult, RunResult } from "./model/result.js";
import { runCheck } from "./engine/run.js";
import { codeFrame } from "./reporters/code-frame.js";
import { stripControl } from "./reporters/escape.js";
import { formatPosition } from "./reporters/labels.js";

export interface ClaimTestOptions {
  /** The repository root: where claims/, sources/ and claimcheck.config.yaml are. Default: the working directory. */
  root?: string;
  /** A configuration file, relative to the root; default: claimcheck.config.yaml at the root, if there is one. */
  config?: string;
  /**
   * Also add a test "files outside claims" that fails, as the command line does, on errors in
   * files no claim owns (a source that does not parse, a broken registry) and on more warnings
   * than the configuration's max-warnings. Default: true.
   */
  files?: boolean;
  /** The name of that test's describe block. Default: "claimcheck". */
  filesSuite?: string;
}

/** A claim's check failed; the message lists its diagnostics. */
export class ClaimCheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClaimCheckFailure";
    // The stack would point into claimcheck, not at the claim: the message says where.
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * Runs the check once (at collection time: await it at the top of the test file) and defines
 * `describe(article)` → `it(claim-id)` for every claim. Resolves to the run's result.
 */
export async function defineClaimTests(options: ClaimTestOptions = {}): Promise<RunResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const { config, options: runOptions } = await resolveRunOptions({ config: options.config }, { cwd: root, env: process.env });
  const result = await runCheck(runOptions);
  const sourceText = fileReader(root);
  const articles = [...new Set(result.claims.map((c) => c.article))].sort();
  for (const article of articles) {
    // Test names and messages reach the terminal and CI logs: file-derived text is made safe to print.
    describe(stripControl(article), () => {
      for (const claim of result.claims.filter((c) => c.article === article)) {
        it(stripControl(claim.id), () => {
          if (claim.status === "fail") throw new ClaimCheckFailure(claimFailureMessage(claim, sourceText));
        });
      }
    });
  }
  if (options.files ?? true) {
    const maxWarnings = config?.data["max-warnings"];
    describe(options.filesSuite ?? "claimcheck", () => {
      it("files outside claims", () => {
        const message = filesFailureMessage(result, sourceText, maxWarnings);
        if (message) throw new ClaimCheckFailure(message);
      });
    });
  }
  return result;
}

/** What a failing claim's test says: a headline, then each error (and warning) with a code frame. */
export function claimFailureMessage(claim: ClaimResult, sourceText: (file: string) => string | undefined = () => undefined): string {
  const errors = claim.diagnostics.filter((d) => d.severity === "error");
  const warnings = claim.diagnostics.filter((d) => d.severity === "warning");
  const verdicts = claim.derived ? `declared ${claim.declared ?? "no verdict"}, derived ${claim.derived}` : `declared ${claim.declared ?? "no verdict"}`;
  const head = `${stripControl(claim.id)} (${stripControl(claim.file)}): ${verdicts}; ${count(errors.length, "error")}${warnings.length ? `, ${count(warnings.length, "warning")}` : ""}`;
  return [head, ...[...errors, ...warnings].map((d) => describeDiagnostic(d, sourceText))].join("\n\n");
}

/** Errors in files that no claim owns, and too many warnings; undefined when there are none. */
export function filesFailureMessage(
  result: RunResult,
  sourceText: (file: string) => string | undefined = () => undefined,
  maxWarnings?: number,
): string | undefined {
  const claimFiles = new Set(result.claims.map((c) => c.file));
  const errors = result.diagnostics.filter((d) => d.severity === "error" && !claimFiles.has(d.at.file) && d.claimId === undefined);
  const parts: string[] = [];
  if (errors.length > 0) parts.push(`${count(errors.length, "error")} in files outside claims`, ...errors.map((d) => describeDiagnostic(d, sourceText)));
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
    parts.push(`${result.summary.warnings} warnings, more than max-warnings ${maxWarnings} (claimcheck.config.yaml)`);
  }
  return parts.length > 0 ? parts.join("\n\n") : undefined;
}

const plain = pc.createColors(false);

function describeDiagnostic(d: Diagnostic, sourceText: (file: string) => string | undefined): string {
  const lines = [`${stripControl(formatPosition(d.at))}  ${d.severity}  ${stripControl(d.message)}  (${d.ruleId}${d.docs ? `, ${d.docs}` : ""})`];
  const text = sourceText(d.at.file);
  if (text !== undefined) lines.push(indent(codeFrame(text, d.at, plain), "  "));
  for (const r of d.related ?? []) lines.push(`  ${stripControl(formatPosition(r.at))}  ${stripControl(r.message)}`);
  return lines.join("\n");
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((line) => by + line)
    .join("\n");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
