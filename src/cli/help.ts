/** The text `claimcheck --help` prints. */
export const HELP = `claimcheck — a fact check kept as code

Usage
  claimcheck [check] [paths...] [options]   check claims against their sources; a path
                                            selects the claims in it, or the claims that
                                            depend on it: a source record, its snapshot,
                                            the registry, an article map
  claimcheck explain <claim-id> [options]   show how a claim's verdict was derived, step by step
  claimcheck init [-C <dir>]                start a fact-check project here: configuration,
                                            registry, .gitignore, CI workflow, README
  claimcheck new article|claim|source|entity|property [flags]
                                            write a new, valid, commented file to fill in
                                            (claimcheck new --help lists the flags)
  claimcheck rehash <source-id>...          record the sha256 of snapshots changed on purpose
  claimcheck migrate [--dry-run]           rewrite claim, source and registry files in the
                                            current format, keeping comments and key order
  claimcheck merge <result.json>... [options]
                                            combine the JSON results of --shard runs into
                                            the whole run's result, and report from it
  claimcheck capture <source-id>...|--missing|--all [options]
                                            fetch sources' pages and store their text as
                                            snapshots (claimcheck capture --help)
  claimcheck recheck [source-id...] [options]
                                            fetch the cited pages again and report what
                                            changed, moved or is gone (claimcheck recheck --help)

Options
  -f, --format <name[=file]>  output format, repeatable: terminal, json, html, markdown,
                              junit, sarif, github, claimreview; "=file" writes to a file.
                              File formats without "=file" go to reports/ (html →
                              reports/index.html). Without --format: the terminal report,
                              and every file format into reports/ (JSON: reports/result.json);
                              GitHub annotations too when GITHUB_ACTIONS=true. Default and
                              configured files stay inside the repository; a path outside
                              comes only from here. "=-" is standard output (-f json=-)
  -o, --output-file <file>    write the first format's report to <file> instead (ESLint's
                              -o): claimcheck -f json -o result.json; "-" is standard output
      --write-reports         in a partial run (paths, --changed, --shard) write the
                              configured or default report files too; without it they are
                              left as they were, so one claim's run never replaces the full
                              reports
  -C, --root <dir>            project root (default: the nearest folder, from the current
                              one upwards, holding claimcheck.config.yaml or claims/)
      --config <file>         configuration file (default: claimcheck.config.yaml at the root,
                              if there is one; it can set the default formats)
      --changed <git-ref>     check the claims changed since the ref (its merge base with
                              HEAD, working tree included) and the claims that depend on the
                              change: citing a changed source, using a changed entity, in a
                              changed article; says how many it selected and why
  -w, --watch                 re-check on every change, printing only what changed
      --quiet                 report errors only: warnings are not shown, not written to
                              reports and not counted (nor toward --max-warnings)
      --max-warnings <n>      fail (exit 1) when there are more than n warnings
      --cache                 keep each file's parse and schema check between runs, in
                              node_modules/.cache/claimcheck (a changed file, the tool's
                              version, the schemas or the configuration invalidate it)
      --cache-location <dir>  keep the cache there instead (implies --cache); never a place
                              git tracks. The cache is signed with a key of this machine's
                              (docs/security.md)
      --shard <i/n>           report the i-th of n parts of the claims, for a CI matrix;
                              combine the parts with claimcheck merge (docs/performance.md)
      --verbose               list every finding (repeated warnings are folded otherwise)
      --color, --no-color     force colour on or off (NO_COLOR and FORCE_COLOR are respected)
  -h, --help                  show this help
  -v, --version               show the version

Exit codes
  0  every claim passes
  1  a check failed (or --max-warnings was exceeded)
  2  bad usage or configuration

Docs: docs/rules/<rule-id>.md for each rule; docs/data-model.md for the file formats;
docs/configuration.md for claimcheck.config.yaml; CONTRIBUTING.md to add a claim.
`;
