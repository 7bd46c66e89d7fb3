/**
 * Who a source is: the vocabulary of a source record's `kind` and `standing`, and how the
 * retired `reliability` classes map onto them. The schema's enums, the scaffold, the
 * migration and the independence groups all read these lists; a test checks the schema
 * against them. The reasoning a reviewer applies is in docs/source-standing.md.
 */

/** What sort of publication the page is, as read. */
export const SOURCE_KINDS = [
  "wire-agency",
  "newspaper",
  "broadcaster",
  "primary",
  "specialist",
  "reference",
  "mirror",
  "aggregator",
  "unknown",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How much weight the source deserves, on Wikipedia's perennial-sources model. */
export const STANDINGS = ["generally-reliable", "use-with-care", "unreliable", "unassessed"] as const;
export type Standing = (typeof STANDINGS)[number];

/** The classes a source record's `reliability` took before `kind` and `standing` replaced it. */
export const LEGACY_RELIABILITY = ["wire", "primary", "specialist", "mirror", "low"] as const;
export type LegacyReliability = (typeof LEGACY_RELIABILITY)[number];

/**
 * What each old class can be said to mean, and no more. `wire` was written for news
 * agencies and for newspapers and broadcasters alike, so its kind is `unknown`; `low`
 * ("unclear provenance, or visible errors") was already a judgement of standing, so it
 * maps to `unreliable`. Everything else waits for a reviewer: `unassessed`.
 */
export const LEGACY_MAPPING: Readonly<Record<LegacyReliability, { kind: SourceKind; standing: Standing }>> = {
  wire: { kind: "unknown", standing: "unassessed" },
  primary: { kind: "primary", standing: "unassessed" },
  specialist: { kind: "specialist", standing: "unassessed" },
  mirror: { kind: "mirror", standing: "unassessed" },
  low: { kind: "unknown", standing: "unreliable" },
};

/** A source's kind and standing: its own, or, for a record still written the old way, its mapped `reliability`. */
export interface SourceStanding {
  kind: SourceKind;
  standing: Standing;
  /** Set when the record still uses the retired `reliability` key. */
  legacy?: LegacyReliability;
}

/** The bibliographic keys `standingOf` reads. */
export interface StandingFields {
  kind?: SourceKind;
  standing?: Standing;
  reliability?: LegacyReliability;
}

/** Reads a record's kind and standing; `kind` and `standing` win over a leftover `reliability`. */
export function standingOf(record: StandingFields): SourceStanding {
  const legacy = record.reliability;
  const mapped = legacy === undefined ? undefined : LEGACY_MAPPING[legacy];
  return {
    kind: record.kind ?? mapped?.kind ?? "unknown",
    standing: record.standing ?? mapped?.standing ?? "unassessed",
    ...(legacy === undefined ? {} : { legacy }),
  };
}
