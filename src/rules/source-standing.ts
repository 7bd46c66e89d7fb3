import { LEGACY_MAPPING, standingOf } from "../model/source-standing.js";
import type { Rule } from "./types.js";

/** The command that rewrites the retired key; `claimcheck migrate` lists its migrations by name. */
export const MIGRATION_COMMAND = "claimcheck migrate source-standing";

/** Every source says who it is: no retired reliability class, no standing left for a reviewer to assess. */
export const sourceStanding: Rule = {
  id: "source-standing",
  description: "Every source records its kind and a reviewed standing, not the retired reliability class.",
  scope: "project",
  defaultSeverity: "warning",
  messages: {
    // The varying value comes first, in quotes: the terminal folds many of one message into one line.
    legacyReliability:
      'reliability "{reliability}" is deprecated: run "{command}" to rewrite it as kind and standing (docs/source-standing.md), then review them',
    legacyIgnored: 'reliability "{reliability}" is deprecated and ignored: this record gives kind and standing; delete it',
    unassessed: 'source "{source}" has standing unassessed: a reviewer must confirm its kind and set its standing (docs/source-standing.md)',
  },
  check({ index, report }) {
    for (const source of index.sourceList) {
      const record = source.data;
      const { kind, standing, legacy } = standingOf(record);
      if (legacy !== undefined) {
        const replaced = record.kind !== undefined && record.standing !== undefined;
        report({
          messageId: replaced ? "legacyIgnored" : "legacyReliability",
          data: { reliability: legacy, kind: LEGACY_MAPPING[legacy].kind, standing: LEGACY_MAPPING[legacy].standing, command: MIGRATION_COMMAND },
          at: { doc: source.doc, path: ["reliability"], key: true },
        });
        // The unassessed standing of a legacy record is already named in the deprecation.
        if (record.standing === undefined) continue;
      }
      if (standing === "unassessed") {
        report({ messageId: "unassessed", data: { source: source.id, kind }, at: { doc: source.doc, path: ["standing"] } });
      }
    }
  },
};
