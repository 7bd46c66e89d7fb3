import type { Colors } from "picocolors/types.js";
import type { ClaimResult, EvidenceRef, PartResult, Verdict } from "../model/result.js";
import { stripControl } from "./escape.js";
import { formatPosition } from "./labels.js";

function paint(verdict: Verdict | undefined, colors: Colors, text: string): string {
  if (verdict === "supported") return colors.green(text);
  if (verdict === "refuted") return colors.red(text);
  if (verdict === "mixed") return colors.yellow(text);
  return colors.cyan(text);
}

function evidenceLines(title: string, refs: EvidenceRef[], indent: string, colors: Colors): string[] {
  if (refs.length === 0) return [];
  const out = [`${indent}${colors.dim(title)}`];
  for (const ref of refs) {
    const rank = ref.rank === "normal" ? "" : colors.dim(` [${ref.rank}]`);
    out.push(`${indent}  ${stripControl(ref.statement)}${ref.time ? colors.dim(` (${stripControl(ref.time)})`) : ""}${rank}`);
    out.push(`${indent}    ${colors.dim(stripControl(`${ref.source}#${ref.fact} at ${formatPosition(ref.at)}`))}`);
    if (ref.excerpt) out.push(`${indent}    ${colors.italic(`“${stripControl(ref.excerpt)}”`)}`);
    if (ref.inferred) out.push(`${indent}    ${colors.dim(`inferred (${ref.inferred.fields.join(", ")}): ${stripControl(ref.inferred.reason)}`)}`);
  }
  return out;
}

function partLines(part: PartResult, depth: number, colors: Colors, step: { n: number }): string[] {
  const indent = "  ".repeat(depth + 1);
  const name = part.id ? `${part.kind} ${colors.bold(stripControl(part.id))}` : part.kind;
  // Facts short of the evidence standard give unverifiable: say so, rather than flag a mismatch.
  const shown: Verdict = part.insufficientEvidence ? "unverifiable" : part.verdict;
  const verdict = part.insufficientEvidence
    ? `${paint(part.verdict, colors, part.verdict)} ${colors.dim("on evidence short of the standard, so")} ${paint(shown, colors, shown)}`
    : paint(part.verdict, colors, part.verdict);
  const expectNote = part.expect !== undefined ? (part.expect === shown ? colors.dim(` (expected ${part.expect})`) : colors.red(` (expected ${part.expect}!)`)) : "";
  const out = [`${indent}${colors.dim(`${++step.n}.`)} ${name} → ${verdict}${expectNote}`];
  if (part.label) out.push(`${indent}   ${colors.dim("checks:")} ${stripControl(part.label)}`);
  out.push(`${indent}   ${colors.dim("expected:")} ${stripControl(part.expected)}`);
  out.push(`${indent}   ${colors.dim("found:")}    ${stripControl(part.found)}`);
  // Lines are appended one by one: push(...lines) overflows the stack on a very long list.
  for (const line of evidenceLines("evidence:", part.evidence, `${indent}   `, colors)) out.push(line);
  for (const line of evidenceLines("later developments (do not decide):", part.later, `${indent}   `, colors)) out.push(line);
  for (const child of part.parts ?? []) for (const line of partLines(child, depth + 1, colors, step)) out.push(line);
  return out;
}

/** A claim's evaluation, step by step: what each part expected, what it found, and which fact decided it. */
export function explainClaim(claim: ClaimResult, colors: Colors): string {
  const out = [
    `${colors.bold(stripControl(claim.id))} ${colors.dim(`(${stripControl(claim.file)})`)}`,
    `  “${stripControl(claim.text)}”`,
    `  ${colors.dim("as of")} ${stripControl(claim.asOf ?? "?")} · ${colors.dim("declared")} ${paint(claim.declared, colors, claim.declared ?? "none")} · ${colors.dim("derived")} ${paint(claim.derived, colors, claim.derived ?? "none")} ${claim.status === "pass" ? colors.green("✔ pass") : colors.red("✖ fail")}`,
    "",
  ];
  if (claim.evaluation) for (const line of partLines(claim.evaluation, 0, colors, { n: 0 })) out.push(line);
  else out.push(colors.dim("  no assertion to evaluate"));
  if (claim.diagnostics.length > 0) {
    out.push("", `  ${colors.bold("findings")}`);
    for (const d of claim.diagnostics) {
      out.push(`    ${stripControl(formatPosition(d.at))}  ${d.severity === "error" ? colors.red("error") : colors.yellow("warning")}  ${stripControl(d.message)}  ${colors.dim(stripControl(d.ruleId))}`);
    }
  }
  return `${out.join("\n")}\n`;
}
