import type { Colors } from "picocolors/types.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { Verdict } from "../model/result.js";
import type { ClaimDigest } from "../model/result-stream.js";
import { codeFrame } from "./code-frame.js";
import { stripControl } from "./escape.js";
import { FOLD_AFTER, repeatedWarnings } from "./fold.js";
import { formatPosition, plural } from "./labels.js";
import { fromHead } from "./stream.js";
import type { ReporterOptions, ReportView, StreamReporter } from "./types.js";

function verdictColor(verdict: Verdict | undefined, colors: Colors): (text: string) => string {
  switch (verdict) {
    case "supported":
      return colors.green;
    case "refuted":
      return colors.red;
    case "mixed":
      return colors.yellow;
    default:
      return colors.cyan;
  }
}


/** `file:line:col`, the file's name made safe to print (it comes from the repository). */
function location(at: Diagnostic["at"]): string {
  return stripControl(formatPosition(at));
}

function describeDiagnostic(d: Diagnostic, options: ReporterOptions, indent: string): string[] {
  const { colors } = options;
  const severity = d.severity === "error" ? colors.red("error") : colors.yellow("warning");
  const lines = [`${indent}${colors.underline(location(d.at))}  ${severity}  ${stripControl(d.message)}  ${colors.dim(stripControl(d.ruleId))}`];
  for (const related of d.related ?? []) {
    lines.push(`${indent}  ${colors.dim("↳")} ${colors.dim(location(related.at))} ${stripControl(related.message)}`);
  }
  if (d.severity === "error") {
    const text = options.sourceText?.(d.at.file);
    if (text !== undefined) lines.push(...codeFrame(text, d.at, colors).split("\n").map((l) => `${indent}  ${l}`));
  }
  return lines;
}

function claimLine(claim: ClaimDigest, width: number, colors: Colors): string {
  // Declared and derived verdicts are one of four words (the result schema says so).
  const mark = claim.status === "pass" ? colors.green("✔") : colors.red("✖");
  const declared = claim.declared ? verdictColor(claim.declared, colors)(claim.declared) : colors.dim("no verdict");
  let verdicts = declared;
  if (claim.derived && claim.derived !== claim.declared) {
    verdicts = `${declared} ${colors.dim("declared,")} ${verdictColor(claim.derived, colors)(claim.derived)} ${colors.dim("derived")}`;
  } else if (!claim.derived && claim.declared) {
    verdicts = `${declared} ${colors.dim("(not derived)")}`;
  }
  return `  ${mark} ${stripControl(claim.id).padEnd(width)}  ${verdicts}`;
}

/** The report people read in a terminal: claims grouped by article, then other files' findings, then a summary. */
export const terminal = (result: ReportView, options: ReporterOptions): string => {
  const { colors } = options;
  const out: string[] = [];
  // One pass to group: a run can hold a hundred thousand claims.
  const byArticle = new Map<string, ClaimDigest[]>();
  let width = 0;
  for (const claim of result.claims) {
    const list = byArticle.get(claim.article);
    if (list) list.push(claim);
    else byArticle.set(claim.article, [claim]);
    width = Math.max(width, stripControl(claim.id).length);
  }
  width = Math.min(48, width);
  const articleInfo = new Map(result.articles.map((a) => [a.id, a]));
  for (const [article, claims] of byArticle) {
    const info = articleInfo.get(article);
    const coverage = info?.coverage;
    const heading = coverage && coverage.sentences > 0
      ? `${colors.bold(stripControl(article))} ${colors.dim(`— ${plural(claims.length, "claim")}; ${coverage.claim + coverage.opinion + coverage.notChecked} of ${coverage.sentences} sentences accounted for`)}`
      : `${colors.bold(stripControl(article))} ${colors.dim(`— ${plural(claims.length, "claim")}`)}`;
    out.push(heading);
    for (const claim of claims) {
      out.push(claimLine(claim, width, colors));
      for (const d of claim.diagnostics) out.push(...describeDiagnostic(d, options, "      "));
    }
    out.push("");
  }
  const claimFiles = new Set(result.claims.map((c) => c.file));
  const others = result.diagnostics.filter((d) => !claimFiles.has(d.at.file));
  if (others.length > 0) {
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of others) {
      const list = byFile.get(d.at.file);
      if (list) list.push(d);
      else byFile.set(d.at.file, [d]);
    }
    out.push(colors.bold("sources and other files"));
    // Many warnings of one rule say one thing many times: fold them unless asked for all.
    const folded = options.verbose ? new Map<string, Diagnostic[]>() : repeatedWarnings(others, claimFiles);
    for (const [, list] of byFile) for (const d of list) if (!folded.has(d.ruleId)) out.push(...describeDiagnostic(d, options, "  "));
    for (const [rule, list] of folded) {
      const files = list.slice(0, FOLD_AFTER).map((d) => stripControl(d.at.file)).join(", ");
      out.push(`  ${colors.yellow("warning")}  ${list.length} × ${stripControl(rule)}: ${stripControl(list[0]!.message.replace(/"[^"]*"/, "…"))}`);
      out.push(`    ${colors.dim(`${files}, and ${list.length - FOLD_AFTER} more (--verbose lists them all)`)}`);
    }
    out.push("");
  }
  const s = result.summary;
  const verdicts = (["supported", "refuted", "mixed", "unverifiable"] as const)
    .filter((v) => s.declared[v] > 0)
    .map((v) => `${s.declared[v]} ${v}`)
    .join(", ");
  const head =
    s.failed > 0
      ? colors.red(colors.bold(s.claims === 1 ? "✖ the claim failed" : `✖ ${s.failed} of ${s.claims} claims failed`))
      : s.errors > 0
        ? colors.red(colors.bold(`✖ ${s.errors} ${s.errors === 1 ? "error" : "errors"} outside the claims`))
        : colors.green(colors.bold(s.claims === 0 ? "✔ no claim to check" : s.claims === 1 ? "✔ the claim passes" : `✔ all ${s.claims} claims pass`));
  const counts = [
    `${s.passed} passed`,
    `${s.failed} failed`,
    `${s.errors} ${s.errors === 1 ? "error" : "errors"}`,
    `${s.warnings} ${s.warnings === 1 ? "warning" : "warnings"}`,
  ].join(", ");
  out.push(`${head}  ${colors.dim(`${s.claims} ${s.claims === 1 ? "claim" : "claims"} (${verdicts || "none"}); ${counts}`)}`);
  return `${out.join("\n")}\n`;
};

/** The terminal report reads the claims' digests only: no claim's evidence is built for it. */
export const terminalStream: StreamReporter = fromHead((doc, options) => terminal({ ...doc.head, claims: doc.digests }, options));
