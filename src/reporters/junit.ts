import type { Diagnostic } from "../model/diagnostic.js";
import type { ClaimDigest } from "../model/result-stream.js";
import { escapeXml, escapeXmlAttribute } from "./escape.js";
import { formatPosition, plural } from "./labels.js";
import { compareText, inReportOrder } from "./order.js";
import type { ReporterOptions, ReportView, StreamReporter } from "./types.js";

/** Name of the suite that holds findings in files no claim owns (sources, the registry). */
export const OTHER_FILES_SUITE = "sources and other files";

/**
 * Every duration is written as 0. The run checks claims together (one index, every rule over
 * every file), so a claim has no time of its own, and a report must be byte-identical from
 * run to run; the CI step says how long the run took.
 */
const TIME = `time="0"`;

interface TestCase {
  classname: string;
  name: string;
  file: string;
  line: number;
  diagnostics: Diagnostic[];
  /** The claim failed though no error names it (should not happen; reported anyway). */
  failedWithoutError: boolean;
}

/**
 * JUnit XML as Jenkins, GitLab and most CI dashboards read it (the `junit-10.xsd`
 * dialect): one `<testsuite>` per article, one `<testcase>` per claim, so the dashboard
 * counts claims. A failing claim carries one `<failure>` whose text lists every error as
 * `file:line:col rule-id message`; its warnings go to `<system-out>`.
 *
 * Findings in files no claim owns (a source record, the entity registry) form one more
 * suite: a file with an error is a failing test case of its own, so a broken source fails
 * the dashboard too; warnings in files without errors are listed in the suite's
 * `<system-out>` and add no test case. No timestamp, no hostname; every `time` is 0.
 */
export const junitStream: StreamReporter = (doc) => ({ head: () => junitPieces({ ...doc.head, claims: doc.digests }), tail: () => [] });

export const junit = (input: ReportView, _options?: ReporterOptions): string => [...junitPieces(input)].join("");

/** The report suite by suite: it reads the claims' digests, never their evidence. */
function* junitPieces(input: ReportView): Generator<string> {
  const result = inReportOrder(input);
  const suites = new Map<string, TestCase[]>();
  for (const claim of result.claims) {
    const cases = suites.get(claim.article) ?? [];
    cases.push(claimCase(claim));
    suites.set(claim.article, cases);
  }
  const other = otherFiles(result);
  const suiteNames = [...suites.keys()].sort(compareText);

  const allCases = [...suiteNames.flatMap((name) => suites.get(name) ?? []), ...other.cases];
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claimcheck" tests="${allCases.length}" failures="${allCases.filter(isFailure).length}" errors="0" ${TIME}>\n`;
  for (const name of suiteNames) yield suiteText(name, suites.get(name) ?? []);
  if (other.cases.length > 0 || other.warnings.length > 0) yield suiteText(OTHER_FILES_SUITE, other.cases, other.warnings);
  yield `</testsuites>\n`;
}

/** One suite's lines, each ending in a line break. */
function suiteText(name: string, cases: TestCase[], warnings: Diagnostic[] = []): string {
  const out: string[] = [];
  // Lines are appended one by one: spreading a suite's lines into push() passes each as an
  // argument, and a suite of 100,000 failing claims overflowed the stack.
  suite(out, name, cases, warnings);
  out.push("");
  return out.join("\n");
}

function claimCase(claim: ClaimDigest): TestCase {
  return {
    classname: claim.article,
    name: claim.id,
    file: claim.file,
    line: claim.at.line,
    diagnostics: claim.diagnostics,
    failedWithoutError: claim.status === "fail" && !claim.diagnostics.some((d) => d.severity === "error"),
  };
}

/** Files no claim owns: a failing case for each file with an error, and the warnings of the rest. */
function otherFiles(result: ReportView): { cases: TestCase[]; warnings: Diagnostic[] } {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    if (d.claimId !== undefined) continue;
    const list = byFile.get(d.at.file) ?? [];
    list.push(d);
    byFile.set(d.at.file, list);
  }
  const cases: TestCase[] = [];
  const warnings: Diagnostic[] = [];
  for (const file of [...byFile.keys()].sort(compareText)) {
    const diagnostics = byFile.get(file) ?? [];
    if (diagnostics.some((d) => d.severity === "error")) {
      cases.push({ classname: OTHER_FILES_SUITE, name: file, file, line: 1, diagnostics, failedWithoutError: false });
    } else {
      for (const d of diagnostics) warnings.push(d);
    }
  }
  return { cases, warnings };
}

function isFailure(testCase: TestCase): boolean {
  return testCase.failedWithoutError || testCase.diagnostics.some((d) => d.severity === "error");
}

/** Appends one suite's lines to `out`. */
function suite(out: string[], name: string, cases: TestCase[], warnings: Diagnostic[] = []): void {
  const failures = cases.filter(isFailure).length;
  out.push(`  <testsuite name="${escapeXmlAttribute(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" ${TIME}>`);
  for (const testCase of cases) for (const line of caseLines(testCase)) out.push(line);
  if (warnings.length > 0) out.push(`    ${warningsOut(warnings)}`);
  out.push(`  </testsuite>`);
}

function diagnosticText(d: Diagnostic): string {
  return `${formatPosition(d.at)} ${d.ruleId} ${d.message}`;
}

function warningsOut(warnings: Diagnostic[]): string {
  return `<system-out>${escapeXml(warnings.map((d) => `warning ${diagnosticText(d)}`).join("\n"))}</system-out>`;
}

function caseLines(testCase: TestCase): string[] {
  const open = `    <testcase classname="${escapeXmlAttribute(testCase.classname)}" name="${escapeXmlAttribute(testCase.name)}" file="${escapeXmlAttribute(testCase.file)}" line="${testCase.line}" ${TIME}`;
  const errors = testCase.diagnostics.filter((d) => d.severity === "error");
  const warnings = testCase.diagnostics.filter((d) => d.severity === "warning");
  if (!isFailure(testCase) && warnings.length === 0) return [`${open}/>`];

  const out = [`${open}>`];
  if (isFailure(testCase)) {
    const first = errors[0];
    const message = first === undefined ? "the claim failed" : errors.length === 1 ? first.message : `${first.message} (and ${plural(errors.length - 1, "more error")})`;
    const type = first?.ruleId ?? "claimcheck";
    const body = errors.length > 0 ? errors.map(diagnosticText).join("\n") : "the claim failed without an error diagnostic";
    out.push(`      <failure message="${escapeXmlAttribute(message)}" type="${escapeXmlAttribute(type)}">${escapeXml(body)}</failure>`);
  }
  if (warnings.length > 0) out.push(`      ${warningsOut(warnings)}`);
  out.push(`    </testcase>`);
  return out;
}
