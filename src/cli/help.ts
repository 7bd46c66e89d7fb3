/** The text `claimcheck --help` prints. */
export const HELP = `claimcheck — a fact check kept as code

Usage
  claimcheck [check] [paths...] [options]   check claims against their sources
  claimcheck explain <claim-id> [options]   show how a claim's verdict was derived, step by step

Options
  -f, --format <name[=file]>  output format, repeatable: terminal, json, html, markdown,
                              junit, sarif, github, claimreview; "=file" writes to a file.
                              File formats without "=file" go to reports/ (html →
                              reports/index.html). Without --format: the terminal report,
                              and every file format into reports/ (JSON: reports/result.json);
                              GitHub annotations too when GITHUB_ACTIONS=true
  -C, --root <dir>            repository root (default: the current directory)
      --max-warnings <n>      fail (exit 1) when there are more than n warnings
      --verbose               list every finding (repeated warnings are folded otherwise)
      --color, --no-color     force colour on or off (NO_COLOR and FORCE_COLOR are respected)
  -h, --help                  show this help
  -v, --version               show the version

Exit codes
  0  every claim passes
  1  a check failed (or --max-warnings was exceeded)
  2  bad usage or configuration

Docs: docs/rules/<rule-id>.md for each rule; docs/data-model.md for the file formats.
`;
