import { claimreview } from "./claimreview.js";
import { github } from "./github.js";
import { htmlStream } from "./html.js";
import { jsonStream } from "./json.js";
import { junitStream } from "./junit.js";
import { markdown } from "./markdown.js";
import { sarifStream } from "./sarif.js";
import { fromHead, keepingClaims, wholeReport } from "./stream.js";
import { terminalStream } from "./terminal.js";
import type { Reporter, StreamReporter } from "./types.js";

export type { Reporter, ReporterOptions, ReportWriter, StreamReporter } from "./types.js";

/**
 * Every output format over a streamed result, by the name `--format` takes. Sorted by name.
 * JSON, HTML, SARIF, JUnit and the terminal report are written as the claims arrive (or
 * from the digests alone); Markdown and ClaimReview keep the claims and render at the end.
 */
export const streamReporters: Readonly<Record<string, StreamReporter>> = {
  claimreview: keepingClaims(claimreview),
  github: fromHead((doc, options) => github({ ...doc.head, claims: doc.digests }, options)),
  html: htmlStream,
  json: jsonStream,
  junit: junitStream,
  markdown: keepingClaims(markdown),
  sarif: sarifStream,
  terminal: terminalStream,
};

/** Every output format as one string, by the name `--format` takes: the same bytes as its stream, joined. */
export const reporters: Readonly<Record<string, Reporter>> = Object.fromEntries(
  Object.entries(streamReporters).map(([name, reporter]) => [name, wholeReport(reporter, { sorted: name !== "json" })]),
);

/**
 * The file a format writes to by default when `--format name` is given without `=file`;
 * `undefined` means standard output.
 */
export const defaultFileNames: Readonly<Record<string, string | undefined>> = {
  claimreview: "reports/claimreview.jsonld",
  github: undefined,
  html: "reports/index.html",
  json: undefined,
  junit: "reports/junit.xml",
  markdown: "reports/summary.md",
  sarif: "reports/claimcheck.sarif",
  terminal: undefined,
};
