import { modeline } from "./yaml-text.js";

/** The configuration a new project starts with: the defaults written out, with a comment on each. */
export function renderConfig(schemaPath: string): string {
  return [
    modeline(schemaPath),
    "# claimcheck's configuration (every key is optional; docs/configuration.md in the package).",
    "# Commands run anywhere inside the project find it by this file.",
    "",
    "# The folder that holds one folder per article: claims/<article-id>/article.yaml and its claims.",
    "articles: claims",
    "",
    "# Severity per rule: error, warn or off (the package's docs/rules.md lists them).",
    "# rules:",
    "#   archive-url: warn",
    "",
    "# Fail (exit 1) when there are more warnings than this.",
    "# max-warnings: 100",
    "",
    "# What a run writes when no --format is given.",
    "# reports:",
    "#   formats: [terminal, html=reports/index.html, junit=reports/junit.xml]",
    "",
  ].join("\n");
}

/** The lines a new project's .gitignore needs: reports are made by each run; node_modules holds the cache. */
export const GITIGNORE_LINES = ["reports/", "node_modules/"] as const;

/**
 * The text of `.gitignore` with the lines it lacks appended (the whole file when there was none):
 * an existing file keeps every line it has.
 */
export function withIgnoredLines(existing: string | undefined): { text: string; added: string[] } {
  const have = new Set((existing ?? "").split("\n").map((line) => line.trim()));
  const added = GITIGNORE_LINES.filter((line) => !have.has(line) && !have.has(`/${line}`) && !have.has(line.replace(/\/$/, "")));
  if (added.length === 0) return { text: existing ?? "", added: [] };
  const head = existing === undefined || existing === "" ? "" : existing.endsWith("\n") ? existing : `${existing}\n`;
  const block = ["# claimcheck: reports are made by each run; node_modules/.cache/claimcheck holds its cache", ...added, ""].join("\n");
  return { text: `${head}${head === "" ? "" : "\n"}${block}`, added: [...added] };
}

/** A README for a new fact-check project: what it is, and the commands that grow it. */
export function renderReadme(name: string): string {
  return `# ${name}

A fact check kept as code with [claimcheck](https://www.npmjs.com/package/claimcheck): each
checkable statement of an article is a claim file, each publication that decides it a source
record, and \`npx claimcheck\` proves that every quote stands in its source and every verdict
follows from what the cited sources state.

## Layout

- \`claims/<article-id>/article.yaml\`: the article under test; beside it, one file per claim
- \`sources/<source-id>.yaml\`: one record per publication, with verbatim excerpts and the facts
  they state; \`sources/snapshots/\`: stored texts of pages
- \`sources/entities.yaml\`: every person, agency, event and property the facts name
- \`claimcheck.config.yaml\`: configuration; \`.github/workflows/claimcheck.yml\`: the check in CI

## Adding to it

\`\`\`sh
npx claimcheck new article --url <url> --snapshot <article text file>
npx claimcheck new source            # asks for what it needs
npx claimcheck new entity --id <id> --label <label> --type person
npx claimcheck new claim --article <article-id>
npx claimcheck                      # check everything; reports go to reports/
\`\`\`
`;
}
