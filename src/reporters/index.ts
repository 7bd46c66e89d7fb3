import { claimreview } from "./claimreview.js";
import { github } from "./github.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { markdown } from "./markdown.js";
import { sarif } from "./sarif.js";
import { terminal } from "./terminal.js";
import type { Reporter } from "./types.js";

export type { Reporter, ReporterOptions } from "./types.js";

/** Every output format, by the name `--format` takes. Sorted by name. */
export const reporters: Readonly<Record<string, Reporter>> = {
  claimreview,
  github,
  html,
  json,
  junit,
  markdown,
  sarif,
  terminal,
};

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
