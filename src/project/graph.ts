import path from "node:path";
import type { FileRole } from "../load/discover.js";
import type { LoadedFile } from "../load/loaded-file.js";

/**
 * The project graph: for every claim, what its result depends on. One module owns it; it is
 * built once per run from the loaded files (graphOfLoaded), and `--changed`, `--watch` and
 * `explain` read it. Files that failed their schema are in it too, by whatever their data says:
 * a pull request that breaks a source still selects the claims that cite it.
 *
 * It reads the documents' data without trusting its shape (a broken file is still a node),
 * so every accessor below checks types rather than casting.
 */

/** A claim, article map, source record or registry, with its parsed data (undefined when it did not parse). */
export interface ProjectFile {
  /** Relative to the root, forward slashes. */
  file: string;
  role: FileRole;
  /** For claims and article maps: the article id. */
  article?: string;
  data: unknown;
}

/** What one claim's result depends on, besides the configuration (which every claim depends on). */
export interface ClaimDependencies {
  /** The claim file itself. */
  file: string;
  /** The claim's id, when its data has one. */
  id?: string;
  /** The article it belongs to (its folder's name). */
  article: string;
  /** Source ids it cites: by its citations, and by `fact: source#fact` in its assert; sorted. */
  sources: string[];
  /** Facts it names, as `source#fact`: its citations' `facts` lists and its assert's `fact:`; sorted. */
  facts: string[];
  /**
   * Every word in its assert, and in its cited sources' facts, that may name a registry entry
   * (an entity or a property): a removed declaration is still found by the id that named it. Sorted.
   */
  names: string[];
  /** Event kinds its assert counts and its cited facts are; sorted. */
  kinds: string[];
}

export interface ProjectGraph {
  /** Every file of the project, by path. */
  files: ReadonlyMap<string, ProjectFile>;
  /** Every claim's dependencies, in file order. */
  claims: readonly ClaimDependencies[];
  /** Source records by id (the first file in path order, as the index takes it). */
  sourceFiles: ReadonlyMap<string, string>;
  /** Every source file by the id it claims, in path order: a second file with a cited id still counts (its statements reach the index). */
  sourceFilesById: ReadonlyMap<string, readonly string[]>;
  /** Article maps by article id. */
  articleMaps: ReadonlyMap<string, ProjectFile>;
  /** The entity registry's file, when there is one. */
  registryFile?: string;
  /** The configuration file, relative to the root, when the run used one: every claim depends on it. */
  configFile?: string;
}

/** The graph of a run's loaded files: each file's data as it parsed, valid or not. */
export function graphOfLoaded(loaded: readonly LoadedFile[], configFile?: string): ProjectGraph {
  return buildProjectGraph(
    loaded.map((l) => ({ file: l.file.file, role: l.file.role, article: l.file.article, data: l.doc?.data })),
    configFile,
  );
}

export function buildProjectGraph(files: readonly ProjectFile[], configFile?: string): ProjectGraph {
  const byPath = new Map<string, ProjectFile>();
  for (const f of files) if (!byPath.has(f.file)) byPath.set(f.file, f);
  const sorted = [...byPath.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const sourceFiles = new Map<string, string>();
  const sourceFilesById = new Map<string, string[]>();
  const articleMaps = new Map<string, ProjectFile>();
  let registryFile: string | undefined;
  for (const f of sorted) {
    if (f.role === "source") {
      const id = idOf(f.data, f.file);
      if (!sourceFiles.has(id)) sourceFiles.set(id, f.file);
      const all = sourceFilesById.get(id);
      if (all) all.push(f.file);
      else sourceFilesById.set(id, [f.file]);
    } else if (f.role === "article") {
      const article = f.article ?? articleOfPath(f.file);
      if (!articleMaps.has(article)) articleMaps.set(article, f);
    } else if (f.role === "entities") registryFile ??= f.file;
  }
  const claims: ClaimDependencies[] = [];
  for (const f of sorted) {
    if (f.role !== "claim") continue;
    const sources = citedSources(f.data);
    const names = idsInAssert(f.data);
    const kinds = kindsInAssert(f.data);
    for (const source of sources) {
      const record = sourceFiles.get(source);
      const data = record === undefined ? undefined : byPath.get(record)!.data;
      for (const id of idsInFacts(data)) names.add(id);
      for (const kind of kindsInFacts(data)) kinds.add(kind);
    }
    const id = (f.data as { id?: unknown } | undefined)?.id;
    claims.push({
      file: f.file,
      ...(typeof id === "string" ? { id } : {}),
      article: f.article ?? articleOfPath(f.file),
      sources: [...sources].sort(),
      facts: [...citedFacts(f.data)].sort(),
      names: [...names].sort(),
      kinds: [...kinds].sort(),
    });
  }
  return { files: byPath, claims, sourceFiles, sourceFilesById, articleMaps, ...(registryFile ? { registryFile } : {}), ...(configFile ? { configFile } : {}) };
}

/** The source id an article map names as its own publication. */
export function articleSource(map: ProjectFile | undefined): string | undefined {
  const source = (map?.data as { source?: unknown } | undefined)?.source;
  return typeof source === "string" ? source : undefined;
}

/**
 * Every file a claim's result depends on: its own, its article's map, the records of the
 * sources it cites and of its article's source (every file that claims one of those ids, and
 * the originals their `mirror-of` names, which decide their outlet), their snapshots, the
 * registry and the configuration. Sorted; files that do not exist (a cited source that is
 * missing) are left out.
 */
export function filesOfClaim(graph: ProjectGraph, claim: ClaimDependencies): string[] {
  const out = new Set<string>([claim.file]);
  const map = graph.articleMaps.get(claim.article);
  const sourceIds = new Set(claim.sources);
  if (map) {
    out.add(map.file);
    const own = articleSource(map);
    if (own !== undefined) sourceIds.add(own);
  }
  const addSource = (file: string) => {
    out.add(file);
    const snapshot = snapshotFile(graph.files.get(file)!);
    if (snapshot !== undefined) out.add(snapshot);
  };
  for (const id of sourceIds) {
    for (const file of graph.sourceFilesById.get(id) ?? []) {
      addSource(file);
      const original = mirrorOf(graph.files.get(file)!.data);
      if (original !== undefined) for (const o of graph.sourceFilesById.get(original) ?? []) addSource(o);
    }
  }
  if (graph.registryFile !== undefined) out.add(graph.registryFile);
  if (graph.configFile !== undefined) out.add(graph.configFile);
  return [...out].sort();
}

function mirrorOf(data: unknown): string | undefined {
  const original = (data as { "mirror-of"?: unknown } | undefined)?.["mirror-of"];
  return typeof original === "string" ? original : undefined;
}

/**
 * The claim files whose result depends on any of `files` (paths relative to the root), in
 * file order. A file the graph does not know (a new one) is no claim's dependency.
 */
export function dependants(graph: ProjectGraph, files: Iterable<string>): string[] {
  const wanted = new Set(files);
  if (wanted.size === 0) return [];
  return graph.claims.filter((c) => filesOfClaim(graph, c).some((f) => wanted.has(f))).map((c) => c.file);
}

/** The registry entries a claim names, by kind of entry, as the registry declares them now. */
export function registryEntries(graph: ProjectGraph, claim: ClaimDependencies): { entities: string[]; properties: string[]; kinds: string[] } {
  const registry = graph.registryFile === undefined ? undefined : graph.files.get(graph.registryFile)?.data;
  const declared = (section: string) => {
    const value = (registry as Record<string, unknown> | undefined)?.[section];
    return value && typeof value === "object" && !Array.isArray(value) ? new Set(Object.keys(value)) : new Set<string>();
  };
  const entities = declared("entities");
  const properties = declared("properties");
  const kinds = declared("kinds");
  return {
    entities: claim.names.filter((n) => entities.has(n)),
    properties: claim.names.filter((n) => properties.has(n)),
    kinds: claim.kinds.filter((k) => kinds.has(k)),
  };
}

/** Source ids a claim's citations name, and those its assert names in `fact: source#fact`. */
function citedSources(claim: unknown): Set<string> {
  const out = new Set<string>();
  for (const c of citations(claim)) {
    const source = (c as { source?: unknown } | null)?.source;
    if (typeof source === "string") out.add(source);
  }
  walk((claim as { assert?: unknown } | undefined)?.assert, (key, value) => {
    if (key === "fact" && value.includes("#")) out.add(value.slice(0, value.indexOf("#")));
  });
  return out;
}

/** `source#fact` for each fact a claim's citations list, and each `fact:` reference of its assert. */
function citedFacts(claim: unknown): Set<string> {
  const out = new Set<string>();
  for (const c of citations(claim)) {
    const { source, facts } = (c ?? {}) as { source?: unknown; facts?: unknown };
    if (typeof source !== "string" || !Array.isArray(facts)) continue;
    for (const fact of facts) if (typeof fact === "string") out.add(`${source}#${fact}`);
  }
  walk((claim as { assert?: unknown } | undefined)?.assert, (key, value) => {
    if (key === "fact" && value.includes("#")) out.add(value);
  });
  return out;
}

function citations(claim: unknown): unknown[] {
  const list = (claim as { citations?: unknown } | undefined)?.citations;
  return Array.isArray(list) ? list : [];
}

/** Keys of an assert part whose values are names, not ids: they never refer to an entity. */
const NOT_IDS = new Set(["id", "label", "expect", "fact", "kind"]);

function idsInAssert(claim: unknown): Set<string> {
  const out = new Set<string>();
  walk((claim as { assert?: unknown } | undefined)?.assert, (key, value) => {
    if (!NOT_IDS.has(key)) out.add(value);
  });
  return out;
}

function kindsInAssert(claim: unknown): Set<string> {
  const out = new Set<string>();
  walk((claim as { assert?: unknown } | undefined)?.assert, (key, value) => {
    if (key === "kind") out.add(value);
  });
  return out;
}

/** Keys of a fact that hold entity or property ids. */
const FACT_ID_KEYS = new Set(["subject", "property", "event", "place", "participants", "value", "qualifiers"]);

function idsInFacts(source: unknown): Set<string> {
  const out = new Set<string>();
  for (const fact of factsOf(source)) {
    for (const [key, value] of Object.entries(fact)) {
      if (FACT_ID_KEYS.has(key)) walk(value, (_, v) => out.add(v), key);
    }
  }
  return out;
}

function kindsInFacts(source: unknown): Set<string> {
  const out = new Set<string>();
  for (const fact of factsOf(source)) if (typeof fact.kind === "string") out.add(fact.kind);
  return out;
}

function factsOf(source: unknown): Array<Record<string, unknown>> {
  const facts = (source as { facts?: unknown } | undefined)?.facts;
  return Array.isArray(facts) ? facts.filter((f): f is Record<string, unknown> => Boolean(f) && typeof f === "object") : [];
}

/** Calls `visit(key, value)` for every string in a YAML value, with the nearest map key above it. */
function walk(value: unknown, visit: (key: string, value: string) => void, key = ""): void {
  if (typeof value === "string") visit(key, value);
  else if (Array.isArray(value)) for (const item of value) walk(item, visit, key);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, visit, k);
}

/** The path of a source's snapshot, relative to the root, as the record names it (links not resolved). */
export function snapshotFile(source: ProjectFile): string | undefined {
  const snapshot = (source.data as { snapshot?: { path?: unknown } } | undefined)?.snapshot?.path;
  if (typeof snapshot !== "string") return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(source.file), snapshot));
}

/** A source's id: its own `id`, or its file name. */
export function idOf(data: unknown, file: string): string {
  const id = (data as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : stem(file);
}

export function stem(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");
}

/** The article id of a claim or article map: its folder's name, as discovery names it. */
export function articleOfPath(file: string): string {
  const parts = file.split("/");
  return parts.length >= 2 ? parts[parts.length - 2]! : "default";
}
