import type { LoadedDoc } from "../load/document.js";
import type { Rank, Verdict } from "../model/result.js";
import type { DocPath } from "../model/position.js";
import type { PartialDate } from "../time/partial-date.js";
import type { LegacyReliability, SourceKind, Standing } from "../model/source-standing.js";
import type { SnapshotState } from "../load/snapshot.js";

export type Literal = string | number | boolean;

/** A quantity as written in YAML (docs/data-model.md, "Quantities"). */
export interface QuantityRecord {
  amount?: number;
  about?: number;
  precision?: number;
  "more-than"?: number;
  "at-least"?: number;
  "less-than"?: number;
  "at-most"?: number;
  between?: [number, number];
  unit?: string;
  year?: number;
}

/** What a quantity measures. A property declares one (`dimension: mass`). */
export type Dimension = "count" | "mass" | "length" | "area" | "volume" | "duration" | "speed" | "energy" | "power" | "force" | "pressure" | "money";

/** A value as a fact states it: a literal, a quantity (`{ amount: 419725, unit: kg }`), or a list of values of a multi-valued property. */
export type FactValue = Literal | QuantityRecord | Literal[];

/** A literal in an assertion: a plain value, or an amount in a unit (`{ amount: 420, unit: t }`). */
export type AssertLiteral = Literal | QuantityRecord;

/** A claim file's data, as its schema guarantees it. */
export interface ClaimRecord {
  id: string;
  text: string;
  "as-of": string | number;
  verdict: Verdict;
  rationale: string;
  citations: CitationRecord[];
  assert?: AssertPart;
  tags?: string[];
}

export interface CitationRecord {
  source: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  facts?: string[];
  note?: string;
}

/** Selects facts: by subject and property, by event, or one fact by `source#fact`. */
export interface FactSelector {
  subject?: string;
  property?: string;
  event?: string;
  fact?: string;
}

export interface Comparisons {
  equals?: AssertLiteral;
  "not-equals"?: AssertLiteral;
  in?: AssertLiteral[];
  lt?: AssertLiteral;
  lte?: AssertLiteral;
  gt?: AssertLiteral;
  gte?: AssertLiteral;
  /** "About 420 t": within `tolerance` of this amount. */
  about?: AssertLiteral;
  /** How far from `about` still counts: `5%` (relative) or an amount in `about`'s unit. */
  tolerance?: string | number | QuantityRecord;
}

export type DateRef = string | number | FactSelector;

/** A comparison of counts or amounts: one of equals, or a lower bound, an upper bound, or both. */
export interface CountComparisons {
  equals?: number;
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
}

export interface AssertPart {
  id?: string;
  label?: string;
  expect?: Verdict;
  all?: AssertPart[];
  any?: AssertPart[];
  value?: ValuePart;
  compare?: ComparePart;
  date?: FactSelector & {
    in?: string | number;
    before?: DateRef;
    after?: DateRef;
    within?: { days: number; of: DateRef };
    anniversary?: { of: FactSelector; years: number; "tolerance-days"?: number };
  };
  "first-since"?: { event: string; kind: string; since: DateRef };
  "last-before"?: { event: string; kind: string; before: FactSelector };
  count?: CountPart;
  duration?: DurationPart;
  members?: MembersPart;
}

/** Options a part that reads statements may give. */
export interface StatementOptions {
  /** The date (or event) at which a statement with `start`/`end` must hold; default: the claim's as-of date. */
  at?: DateRef;
  /** `any`: compare amounts of money across years (default: only within one year). */
  "currency-year"?: "any";
}

export type ValuePart = FactSelector & Comparisons & StatementOptions;

export interface ComparePart extends StatementOptions {
  left: FactSelector;
  op: "eq" | "ne" | "lt" | "lte" | "gt" | "gte";
  right: FactSelector;
  /** "More than three times": the right side is multiplied by this. */
  times?: number;
}

export interface CountPart extends CountComparisons {
  kind: string;
  /** Inclusive start of the period: a date or an event. */
  from?: DateRef;
  /** Inclusive end of the period: a date or an event; default: the claim's as-of date. */
  to?: DateRef;
  /** Exclusive start: events strictly after it. */
  after?: DateRef;
  /** Exclusive end: events strictly before it. */
  before?: DateRef;
}

export interface DurationPart extends Comparisons {
  from: DateRef;
  /** Default: the claim's as-of date. */
  to?: DateRef;
}

export interface MembersPart extends FactSelector {
  at?: DateRef;
  /** This value (or every value of this list) is among the property's values. */
  includes?: Literal | Literal[];
  /** This value (or no value of this list) is among them. */
  excludes?: Literal | Literal[];
  /** The values are exactly these. */
  equals?: Literal[];
  /** How many values there are: a number, or comparisons. */
  size?: number | CountComparisons;
}

export interface ExcerptRecord {
  id: string;
  text: string;
  "line-breaks-normalised"?: boolean;
  note?: string;
}

export interface FactRecord {
  id: string;
  excerpt: string;
  subject?: string;
  property?: string;
  value?: FactValue;
  /** For a list value: the list is the whole of the values, not some of them. */
  complete?: boolean;
  "point-in-time"?: string | number;
  start?: string | number;
  end?: string | number;
  event?: string;
  kind?: string;
  date?: string | number;
  participants?: string[];
  place?: string;
  qualifiers?: Record<string, Literal>;
  rank?: Rank;
  reason?: string;
  /** Fields the excerpt does not spell out, and why the fact states them anyway. */
  grounding?: GroundingNote;
  note?: string;
}

/** The fields of a fact that its excerpt must state, unless the fact marks them inferred. */
export type GroundedField = "subject" | "value" | "point-in-time" | "start" | "end" | "date" | "participants" | "place";

/** `grounding:` on a fact: which of its fields are an inference from outside the excerpt, and why. */
export interface GroundingNote {
  inferred: GroundedField[];
  reason: string;
}

/** What `claimcheck capture` stores of a page: its whole text, or windows around the excerpts. */
export type CaptureMode = "full" | "excerpts";

/** A source's stored text of its page (schema/source.schema.json, `snapshot`). */
export interface SnapshotRecord {
  /** The text file, relative to the source file. */
  path: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  mode?: CaptureMode;
  /** sha256 of the page's whole normalised text, hex. */
  "text-sha256"?: string;
  /** When the page was fetched, `YYYY-MM-DDThh:mm:ssZ`. */
  retrieved?: string;
  "final-URL"?: string;
  "http-status"?: number;
  "content-type"?: string;
  encoding?: string;
}

export interface SourceRecord {
  id: string;
  type: string;
  title: string;
  "container-title"?: string;
  publisher?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: string | number;
  "issued-basis"?: string;
  accessed?: string | number;
  URL: string;
  DOI?: string;
  "archive-URL"?: string;
  /** When the archived copy was made, `YYYY-MM-DDThh:mm:ssZ`. */
  "archive-captured"?: string;
  "capture-mode"?: CaptureMode;
  language?: string;
  kind?: SourceKind;
  standing?: Standing;
  /** ISO 3166-1 alpha-2 code of the state that owns or directs the outlet. */
  "state-affiliated"?: string;
  /** Id shared by outlets under one owner or in one republishing network. */
  network?: string;
  /** Deprecated: read through `standingOf` (src/model/source-standing.ts), which maps it. */
  reliability?: LegacyReliability;
  "mirror-of"?: string;
  note?: string;
  snapshot?: SnapshotRecord;
  excerpts?: ExcerptRecord[];
  facts?: FactRecord[];
}

export interface EntityRecord {
  label: string;
  type: string;
  aliases?: string[];
  wikidata?: string;
  /** ISO 3166-1 alpha-2 code of the state the entity is, or acts for. */
  state?: string;
  note?: string;
}

export type PropertyType = "year" | "date" | "number" | "quantity" | "string" | "boolean" | "entity";

export interface PropertyRecord {
  label: string;
  type: PropertyType;
  /** For a quantity: what it measures. */
  dimension?: Dimension;
  /** For a quantity: the unit of an amount written as a plain number. */
  unit?: string;
  /** A subject can have several values at once (crew members): lists, and no conflicts between them. */
  multiple?: boolean;
  wikidata?: string;
  note?: string;
}

export interface KindRecord {
  label: string;
  note?: string;
}

export interface RegistryRecord {
  entities: Record<string, EntityRecord>;
  properties?: Record<string, PropertyRecord>;
  kinds?: Record<string, KindRecord>;
}

export interface ArticleRecord {
  source: string;
  title?: string;
  opinion?: Array<{ text: string; reason: string }>;
  "not-checked"?: Array<{ text: string; reason: string }>;
}

/** A claim that passed its schema. */
export interface Claim {
  id: string;
  /** The article id: the claim file's folder under `claims/`. */
  article: string;
  doc: LoadedDoc;
  data: ClaimRecord;
}

export type { SnapshotState } from "../load/snapshot.js";

/** A source record that passed its schema. */
export interface Source {
  id: string;
  doc: LoadedDoc;
  data: SourceRecord;
  facts: Fact[];
  snapshot?: SnapshotState;
}

/** One statement: the unit conflicts and assertions compare. */
export interface Statement {
  subject: string;
  property: string;
  value: Literal | QuantityRecord | Literal[];
  /** Where in the fact's record the value stands. */
  path: DocPath;
}

/** A source's fact, with the statements it makes. Events make several. */
export interface Fact {
  source: string;
  id: string;
  shape: "statement" | "event";
  /** The fact's index in the source's `facts` list. */
  index: number;
  record: FactRecord;
  statements: Statement[];
  rank: Rank;
  /** The fact's time (event date, point in time, start, else the source's issued date). */
  time?: PartialDate;
  /** The excerpt's text, when the excerpt exists. */
  excerpt?: string;
}

export interface Registry {
  doc: LoadedDoc;
  entities: Map<string, EntityRecord>;
  properties: Map<string, PropertyRecord>;
  /** Declared event kinds; undefined when the registry declares none (a registry older than `kinds:`). */
  kinds?: Map<string, KindRecord>;
}

/** A file that failed to load or validate, as far as it could be read. */
export interface InvalidDoc {
  role: "claim" | "article" | "source" | "entities";
  file: string;
  /** The parsed data, when the file parsed. */
  data?: unknown;
  /** Where its first problem is. */
  at?: { file: string; line: number; column: number };
}

export interface ArticleMap {
  id: string;
  doc: LoadedDoc;
  data: ArticleRecord;
}

/** Everything the rules read. Built once per run; rules never change it. */
export interface ProjectIndex {
  claims: Claim[];
  /** Sources by id; where two files share an id, the first by path. */
  sources: Map<string, Source>;
  /** Every source that passed its schema, sorted by file (duplicates included). */
  sourceList: Source[];
  registry?: Registry;
  /** True when a registry file exists but failed to load or validate. */
  registryBroken: boolean;
  /** Source files that failed to load or validate, by the id they claim (else their file name). */
  invalidSources: Map<string, InvalidDoc>;
  /** Claim files that failed to load or validate. */
  invalidClaims: InvalidDoc[];
  articles: Map<string, ArticleMap>;
  /** Every valid article map, sorted by file (duplicates included). */
  articleList: ArticleMap[];
  /** Statements of every fact of every source, by `subject\u0000property`. */
  statements: Map<string, Array<{ fact: Fact; statement: Statement }>>;
  /** Today, given by the caller, for "no future dates". */
  today: PartialDate;
}
