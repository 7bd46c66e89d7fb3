import { modeline, yamlString } from "./yaml-text.js";

export interface ArticleFields {
  /** The source id, which is also the article's folder under claims/. */
  id: string;
  url: string;
  title: string;
  /** The outlet that published the article (CSL container-title). */
  outlet?: string;
  /** The publication date at its precision: YYYY, YYYY-MM or YYYY-MM-DD. */
  published?: string;
  /** The day the page was read, YYYY-MM-DD. */
  accessed: string;
  /** The snapshot's path relative to the source record, and the sha256 of its bytes. */
  snapshot: { path: string; sha256: string };
  /** Paths from each new file to its schema, for the modelines. */
  sourceSchemaPath: string;
  mapSchemaPath: string;
}

/**
 * The article's own source record: what the article is, and its full text as a snapshot whose
 * sha256 was computed by the run's own snapshot reader (so the first run agrees with it).
 */
export function renderArticleSource(fields: ArticleFields): string {
  const optional = (key: string, value: string | undefined, example: string) =>
    value === undefined ? `# ${key}: ${example}` : `${key}: ${yamlString(value)}`;
  return [
    modeline(fields.sourceSchemaPath),
    "# The article under test, as a source record. Its claims live in claims/<id>/; the article's",
    "# text is the snapshot below, where claim-in-article finds each claim's sentence.",
    "",
    `id: ${fields.id}`,
    "type: article-newspaper",
    `title: ${yamlString(fields.title)}`,
    "# The outlet that published it.",
    optional("container-title", fields.outlet, "Example Daily"),
    "# The publication date, at the precision the page gives: YYYY, YYYY-MM or YYYY-MM-DD.",
    optional("issued", fields.published, '"2025-07-31"'),
    `URL: ${yamlString(fields.url)}`,
    `accessed: ${yamlString(fields.accessed)}`,
    "# Who published it (docs/source-standing.md): set kind and standing once a reviewer has looked.",
    "kind: unknown",
    "standing: unassessed",
    "# The article's text. If it changes on purpose, record its new hash with:",
    `#   claimcheck rehash ${fields.id}`,
    "snapshot:",
    `  path: ${yamlString(fields.snapshot.path)}`,
    `  sha256: ${fields.snapshot.sha256}`,
    "",
  ].join("\n");
}

/** The article map, claims/<id>/article.yaml: which source record is the article, and its sentences that are not claims. */
export function renderArticleMap(fields: Pick<ArticleFields, "id" | "title" | "mapSchemaPath">): string {
  return [
    modeline(fields.mapSchemaPath),
    "# The article under test. Each claim file beside this one quotes one checkable statement of it",
    "# (claimcheck new claim --article <this folder>).",
    `source: ${fields.id}`,
    `title: ${yamlString(fields.title)}`,
    "# Sentences that are not claims, each with the reason, so a reader sees they were weighed:",
    "# opinion:",
    "#   - text: the sentence, verbatim",
    "#     reason: Characterisation of intent.",
    "# not-checked:",
    "#   - text: the sentence, verbatim",
    "#     reason: The headline.",
    "",
  ].join("\n");
}

/**
 * An id for an article from its address, when none is given: the host without `www.`, then the
 * last segment of the path, as lowercase letters, digits and hyphens (`example-org-space-talks`).
 */
export function articleIdFromUrl(url: string): string {
  let host = "";
  let last = "";
  try {
    const parsed = new URL(url);
    host = parsed.hostname.replace(/^www\./, "");
    const segments = parsed.pathname.split("/").filter((s) => s !== "");
    last = (segments[segments.length - 1] ?? "").replace(/\.[a-z0-9]{1,5}$/i, "") + parsed.search;
  } catch {
    host = url;
  }
  let id = slug(`${host} ${last}`).slice(0, 80);
  while (id.endsWith("-")) id = id.slice(0, -1);
  return id || "article";
}

/** Lowercase letters and digits, every other run of characters one hyphen; accents dropped. */
function slug(text: string): string {
  let out = "";
  let gap = false;
  for (const char of text.normalize("NFKD").toLowerCase()) {
    if ((char >= "a" && char <= "z") || (char >= "0" && char <= "9")) {
      if (gap && out !== "") out += "-";
      out += char;
      gap = false;
    } else if (char < "\u0300" || char > "\u036f") {
      gap = true;
    }
  }
  return out;
}
