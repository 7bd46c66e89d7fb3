import { SOURCE_KINDS, STANDINGS, type SourceKind, type Standing } from "../model/source-standing.js";
import { modeline, yamlString } from "./yaml-text.js";

export interface SourceFields {
  id: string;
  url: string;
  title: string;
  /** CSL type, e.g. article-newspaper. */
  type: string;
  kind: SourceKind;
  standing: Standing;
  /** Required when kind is mirror: the outlet whose text this page republishes. */
  mirrorOf?: string;
  /** ISO 3166-1 alpha-2 code of the state that owns or directs the outlet. */
  stateAffiliated?: string;
  /** An id shared by outlets of one owner or republishing network. */
  network?: string;
  containerTitle?: string;
  /** Date at its precision. */
  issued?: string;
  /** Date at its precision: the day the page was read. */
  accessed: string;
  archiveUrl?: string;
  /** A language tag such as en or ru. */
  language?: string;
  /** Verbatim passages; each gets an id excerpt-1, excerpt-2, … */
  excerpts: string[];
  /** Path from the new file to the source schema, for the modeline. */
  schemaPath: string;
}

export const CSL_TYPES = [
  "article",
  "article-journal",
  "article-magazine",
  "article-newspaper",
  "bill",
  "book",
  "broadcast",
  "dataset",
  "entry",
  "entry-encyclopedia",
  "interview",
  "legislation",
  "post",
  "post-weblog",
  "report",
  "speech",
  "webpage",
] as const;

/**
 * A new source record: valid against the source schema, with a comment on each field. Without
 * excerpts it has none (quotes citing it then fail quote-found); facts are left as a commented
 * example, since only the contributor can state them.
 */
export function renderSource(fields: SourceFields): string {
  const optional = (key: string, value: string | undefined, example: string) =>
    value === undefined ? `# ${key}: ${example}` : `${key}: ${yamlString(value)}`;
  const lines = [
    modeline(fields.schemaPath),
    "# A source record: one publication, as it was read. Fields: docs/data-model.md.",
    "",
    "# Equals the file name; claims cite the source by it.",
    `id: ${fields.id}`,
    "# CSL type: article-newspaper, webpage, report, post-weblog, … (the schema lists them all).",
    `type: ${fields.type}`,
    `title: ${yamlString(fields.title)}`,
    "# The outlet whose text this is (a newspaper, an agency).",
    optional("container-title", fields.containerTitle, "Reuters"),
    "# The publication date, at the precision the page gives: YYYY, YYYY-MM or YYYY-MM-DD.",
    optional("issued", fields.issued, '"2025-07-31"'),
    `URL: ${yamlString(fields.url)}`,
    "# An archived copy, so the citation survives link rot (archive-url warns while there is none).",
    optional("archive-URL", fields.archiveUrl, "https://web.archive.org/web/2025/https://example.org/page"),
    "# The day you read the page; never before issued.",
    `accessed: ${yamlString(fields.accessed)}`,
    optional("language", fields.language, "en"),
    "# Who the source is (docs/source-standing.md). kind: what the page is, one of",
    `#   ${SOURCE_KINDS.join(" | ")}.`,
    "# A mirror republishes another outlet's text: name the original in mirror-of.",
    `kind: ${fields.kind}`,
    `# standing: how far it can be trusted, one of ${STANDINGS.join(" | ")}.`,
    "# unreliable sources count for nothing; unassessed waits for a reviewer (source-standing warns).",
    `standing: ${fields.standing}`,
  ];
  if (fields.mirrorOf !== undefined || fields.kind === "mirror") lines.push(`mirror-of: ${yamlString(fields.mirrorOf ?? "")}`);
  lines.push(
    "# The state that owns or directs the outlet (ISO country code), and a network shared with other",
    "# outlets of one owner: sources sharing either are not independent of each other.",
    optional("state-affiliated", fields.stateAffiliated, "RU"),
    optional("network", fields.network, "pravda-network"),
  );
  lines.push("# Verbatim passages of the page. A claim's quote must stand in one of them (quote-found).");
  if (fields.excerpts.length > 0) {
    lines.push("excerpts:");
    fields.excerpts.forEach((text, i) => {
      lines.push(`  - id: excerpt-${i + 1}`, `    text: ${yamlString(text)}`);
    });
  } else {
    lines.push("# excerpts:", "#   - id: excerpt-1", "#     text: the passage, copied exactly");
  }
  lines.push(
    "# What the source states, in structured form, each fact backed by one of its excerpts.",
    "# Entity and property ids must be declared in sources/entities.yaml (claimcheck new entity).",
    "# A statement:                              An event:",
    "#   facts:                                    facts:",
    "#     - id: russia-commitment                   - id: meeting",
    "#       subject: russian-iss-segment              event: bakanov-duffy-2025",
    "#       property: committed-until                 kind: heads-meeting",
    "#       value: 2028                               date: \"2025-07-31\"",
    "#       excerpt: excerpt-1                        excerpt: excerpt-1",
    "",
  );
  return lines.join("\n");
}
