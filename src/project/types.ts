import type { LoadedDoc } from "../load/document.js";
import type { Rank, Verdict } from "../model/result.js";
import type { DocPath } from "../model/position.js";
import type { PartialDate } from "../time/partial-date.js";

export type Literal = string | number | boolean;

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
  equals?: Literal;
  "not-equals"?: Literal;
  in?: Literal[];
  lt?: Literal;
  lte?: Literal;
  gt?: Literal;
  gte?: Literal;
}

export type DateRef = string | number | FactSelector;

export interface AssertPart {
  id?: string;
  label?: string;
  expect?: Verdict;
  all?: AssertPart[];
  any?: AssertPart[];
  value?: FactSelector & Comparisons;
  compare?: { left: FactSelector; op: "eq" | "ne" | "lt" | "lte" | "gt" | "gte"; right: FactSelector };
  date?: FactSelector & {
    in?: string | number;
    before?: DateRef;
    after?: DateRef;
    within?: { days: number; of: DateRef };
    anniversary?: { of: FactSelector; years: number; "tolerance-days"?: number };
  };
  "first-since"?: { event: string; kind: string; since: string | number };
  "last-before"?: { event: string; kind: string; before: FactSelector };
  count?: { kind: string; from?: string | number; to?: string | number; equals?: number; lt?: number; lte?: number; gt?: number; gte?: number };
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
  value?: Literal;
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
  note?: string;
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
  reliability: "wire" | "primary" | "specialist" | "mirror" | "low";
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
  note?: string;
}

export interface PropertyRecord {
  label: string;
  type: "year" | "date" | "number" | "string" | "boolean" | "entity";
  wikidata?: string;
  note?: string;
}

export interface RegistryRecord {
  entities: Record<string, EntityRecord>;
  properties?: Record<string, PropertyRecord>;
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

/** What became of a source's snapshot when the engine read it. */
export type SnapshotState =
  | { ok: true; text: string; sha256: string }
  | { ok: false; problem: "outside" | "missing" | "unreadable"; detail: string };

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
  value: Literal | string[];
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
  articles: Map<string, ArticleMap>;
  /** Every valid article map, sorted by file (duplicates included). */
  articleList: ArticleMap[];
  /** Statements of every fact of every source, by `subject\u0000property`. */
  statements: Map<string, Array<{ fact: Fact; statement: Statement }>>;
  /** Today, given by the caller, for "no future dates". */
  today: PartialDate;
}
