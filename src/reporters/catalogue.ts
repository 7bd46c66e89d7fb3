import type { StreamReporter } from "./types.js";

/**
 * The formats `--format` takes, sorted, and the file each writes to by default when
 * `--format name` is given without `=file` (`undefined`: standard output).
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

export const FORMAT_NAMES: readonly string[] = Object.keys(defaultFileNames);

/**
 * A format's writer, loaded when a run asks for it: the CLI imports only the formats it
 * writes (`--format terminal` loads none of the HTML's modules). The library's
 * `streamReporters` (src/reporters/index.ts) holds the same writers, loaded at once.
 */
export async function loadStreamReporter(name: string): Promise<StreamReporter> {
  switch (name) {
    case "claimreview":
      return (await import("./claimreview.js")).claimreviewStream;
    case "github":
      return (await import("./github.js")).githubStream;
    case "html":
      return (await import("./html.js")).htmlStream;
    case "json":
      return (await import("./json.js")).jsonStream;
    case "junit":
      return (await import("./junit.js")).junitStream;
    case "markdown":
      return (await import("./markdown.js")).markdownStream;
    case "sarif":
      return (await import("./sarif.js")).sarifStream;
    case "terminal":
      return (await import("./terminal.js")).terminalStream;
    default:
      throw new Error(`unknown format "${name}"`);
  }
}
