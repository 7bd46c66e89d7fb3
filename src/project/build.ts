import type { ValidDoc } from "../load/loaded-file.js";
import type { PartialDate } from "../time/partial-date.js";
import { parsePartialDate } from "../time/partial-date.js";
import type {
  ArticleMap,
  ArticleRecord,
  Claim,
  ClaimRecord,
  Fact,
  FactRecord,
  InvalidDoc,
  ProjectIndex,
  Registry,
  RegistryRecord,
  Source,
  SourceRecord,
  Statement,
} from "./types.js";


export interface IndexInput {
  docs: ValidDoc[];
  registryBroken: boolean;
  /** Files that failed to load or validate: rules name them where a valid file relies on one. */
  invalid?: InvalidDoc[];
  today: PartialDate;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** The id a broken file would have had: its own `id` where that reads as one, else its file name. */
function intendedId(doc: InvalidDoc): string {
  const data = doc.data as { id?: unknown } | undefined;
  if (typeof data?.id === "string" && ID.test(data.id)) return data.id;
  const base = doc.file.slice(doc.file.lastIndexOf("/") + 1);
  return base.replace(/\.ya?ml$/, "");
}

/** Key of the statement map. */
export function statementKey(subject: string, property: string): string {
  return `${subject}\u0000${property}`;
}

/** Builds the index rules read. Pure: every input is already loaded and validated. */
export function buildIndex(input: IndexInput): ProjectIndex {
  const docs = [...input.docs].sort((a, b) => (a.doc.file < b.doc.file ? -1 : a.doc.file > b.doc.file ? 1 : 0));
  const claims: Claim[] = [];
  const sources = new Map<string, Source>();
  const sourceList: Source[] = [];
  const articles = new Map<string, ArticleMap>();
  const articleList: ArticleMap[] = [];
  let registry: Registry | undefined;
  const statements = new Map<string, Array<{ fact: Fact; statement: Statement }>>();

  for (const item of docs) {
    switch (item.kind) {
      case "claim": {
        const data = item.doc.data as ClaimRecord;
        claims.push({ id: data.id, article: item.article, doc: item.doc, data });
        break;
      }
      case "source": {
        const data = item.doc.data as SourceRecord;
        const source: Source = { id: data.id, doc: item.doc, data, facts: factsOf(data), snapshot: item.snapshot };
        sourceList.push(source);
        if (!sources.has(source.id)) {
          sources.set(source.id, source);
          for (const fact of source.facts) {
            for (const statement of fact.statements) {
              const key = statementKey(statement.subject, statement.property);
              let list = statements.get(key);
              if (!list) statements.set(key, (list = []));
              list.push({ fact, statement });
            }
          }
        }
        break;
      }
      case "entities": {
        if (registry) break; // a second registry is reported by unique-id
        const data = item.doc.data as RegistryRecord;
        registry = {
          doc: item.doc,
          entities: new Map(Object.entries(data.entities)),
          properties: new Map(Object.entries(data.properties ?? {})),
          kinds: data.kinds ? new Map(Object.entries(data.kinds)) : undefined,
        };
        break;
      }
      case "article": {
        const map: ArticleMap = { id: item.article, doc: item.doc, data: item.doc.data as ArticleRecord };
        articleList.push(map);
        if (!articles.has(map.id)) articles.set(map.id, map);
        break;
      }
    }
  }
  claims.sort((a, b) => (a.article !== b.article ? (a.article < b.article ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : a.doc.file < b.doc.file ? -1 : 1));
  const invalidSources = new Map<string, InvalidDoc>();
  const invalidClaims: InvalidDoc[] = [];
  for (const doc of [...(input.invalid ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if (doc.role === "source") {
      const id = intendedId(doc);
      if (!sources.has(id) && !invalidSources.has(id)) invalidSources.set(id, doc);
    } else if (doc.role === "claim") invalidClaims.push(doc);
  }
  return {
    claims,
    sources,
    sourceList,
    registry,
    registryBroken: input.registryBroken,
    invalidSources,
    invalidClaims,
    articles,
    articleList,
    statements,
    today: input.today,
  };
}

/** Turns a source's fact records into facts with statements; events become several statements. */
function factsOf(source: SourceRecord): Fact[] {
  const excerpts = new Map((source.excerpts ?? []).map((e) => [e.id, e.text]));
  const issued = parsePartialDate(source.issued);
  return (source.facts ?? []).map((record: FactRecord, index) => {
    const shape = record.event !== undefined ? "event" : "statement";
    const statements: Statement[] = [];
    if (shape === "event") {
      const subject = record.event!;
      statements.push({ subject, property: "kind", value: record.kind!, path: ["kind"] });
      statements.push({ subject, property: "date", value: String(record.date!), path: ["date"] });
      if (record.place !== undefined) statements.push({ subject, property: "place", value: record.place, path: ["place"] });
      if (record.participants !== undefined) {
        statements.push({ subject, property: "participants", value: [...record.participants].sort(), path: ["participants"] });
      }
    } else {
      const value = Array.isArray(record.value) ? [...record.value].sort(byText) : record.value!;
      statements.push({ subject: record.subject!, property: record.property!, value, path: ["value"] });
    }
    const time =
      parsePartialDate(record.date) ?? parsePartialDate(record["point-in-time"]) ?? parsePartialDate(record.start) ?? issued;
    return {
      source: source.id,
      id: record.id,
      shape,
      index,
      record,
      statements,
      rank: record.rank ?? "normal",
      time,
      excerpt: excerpts.get(record.excerpt),
    };
  });
}

function byText(a: unknown, b: unknown): number {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
