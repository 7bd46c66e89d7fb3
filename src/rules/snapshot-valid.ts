import type { Rule } from "./types.js";

/** A stored snapshot stays inside the repository, exists, and is the text its hash says. */
export const snapshotValid: Rule = {
  id: "snapshot-valid",
  description: "A source's snapshot path stays inside the repository, the file exists, and its sha256 matches.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    outside: 'snapshot path "{path}" leaves the repository; it is not read',
    refused: 'snapshot path "{path}" {detail}; it is not read',
    tooLarge: 'snapshot "{path}" is {detail} (limits.max-snapshot-bytes); it is not read',
    missing: 'snapshot "{path}" does not exist',
    unreadable: 'snapshot "{path}" could not be read: {detail}',
    hashMismatch:
      'snapshot "{path}" has sha256 {actual}, not the recorded {expected}; if the text was meant to change, record its hash with: claimcheck rehash {source}',
  },
  check({ index, report }) {
    for (const source of index.sourceList) {
      const snapshot = source.snapshot;
      const declared = source.data.snapshot;
      if (!snapshot || !declared) continue;
      const at = { doc: source.doc, path: ["snapshot", "path"] };
      if (!snapshot.ok) {
        report({ messageId: snapshot.problem, data: { path: declared.path, detail: snapshot.detail }, at });
      } else if (snapshot.sha256 !== declared.sha256) {
        report({
          messageId: "hashMismatch",
          data: { path: declared.path, actual: snapshot.sha256, expected: declared.sha256, source: source.id },
          at: { doc: source.doc, path: ["snapshot", "sha256"] },
        });
      }
    }
  },
};
