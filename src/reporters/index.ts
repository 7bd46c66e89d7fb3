import { claimreviewStream } from "./claimreview.js";
import { githubStream } from "./github.js";
import { htmlStream } from "./html.js";
import { jsonStream } from "./json.js";
import { junitStream } from "./junit.js";
import { markdownStream } from "./markdown.js";
import { sarifStream } from "./sarif.js";
import { wholeReport } from "./stream.js";
import { terminalStream } from "./terminal.js";
import type { Reporter, StreamReporter } from "./types.js";

export type { Reporter, ReporterOptions, ReportWriter, StreamReporter } from "./types.js";

/**
 * Every output format over a streamed result, by the name `--format` takes. Sorted by name.
 * JSON, HTML, SARIF, JUnit and the terminal report are written as the claims arrive (or
 * from the digests alone); Markdown and ClaimReview keep the claims and render at the end.
 */
export const streamReporters: Readonly<Record<string, StreamReporter>> = {
  claimreview: claimreviewStream,
  github: githubStream,
  html: htmlStream,
  json: jsonStream,
  junit: junitStream,
  markdown: markdownStream,
  sarif: sarifStream,
  terminal: terminalStream,
};

/** Every output format as one string, by the name `--format` takes: the same bytes as its stream, joined. */
export const reporters: Readonly<Record<string, Reporter>> = Object.fromEntries(
  Object.entries(streamReporters).map(([name, reporter]) => [name, wholeReport(reporter, { sorted: name !== "json" })]),
);

export { defaultFileNames } from "./catalogue.js";
