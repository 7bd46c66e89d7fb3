import path from "node:path";
import type { FileRole } from "../load/discover.js";
import type { FileChange } from "../git/git.js";
import { matchesAnyGlob } from "../paths/glob-match.js";

/** A claim, article map, source record or registry of the working tree, with its parsed data. */
export interface ProjectFile {
  /** Relative to the root, forward slashes. */
  file: string;
  role: FileRole;
  /** For claims and article maps: the article id. */
  article?: string;
  /** The parsed YAML, or undefined when the file did not parse. */
  data: unknown;
}

export interface ClosureInput {
  /** Every claim, article map, source and registry of the working tree. */
  files: ProjectFile[];
  /** What changed since the base commit. */
  changes: FileChange[];
  /** Parsed content at the base commit of each changed file that existed there and parsed. */
  baseData: ReadonlyMap<string, unknown>;
  /** Globs of the run, to tell what a deleted file was. */
  claimGlobs: readonly string[];
  sourceGlobs: readonly string[];
  /** The configuration file, relative to the root, when one is used: its change selects every claim. */
  configFile?: string;
}

/** Why a claim was selected. */
export type SelectionReason =
  | { kind: "changed" }
  | { kind: "config" }
  | { kind: "article"; article: string }
  | { kind: "source"; source: string; deleted: boolean }
  | { kind: "entity"; entity: string };

export interface ClaimSelection {
  /** The selected claim files (relative paths): the changed claims and everything that depends on a change. */
  files: Set<string>;
  /** How many claim files the working tree has. */
  total: number;
  /** Every reason, per selected claim file, in the order of SelectionReason's kinds. */
  reasons: Map<string, SelectionReason[]>;
  /** Claim files deleted since the base (they can no longer be checked). */
  deletedClaims: string[];
  /** How many changed files concern the check at all (claims, sources, registry, snapshots, configuration). */
  relevantChanges: number;
  /**
   * Changed files of the working tree that are not claims — sources (or the sources whose
   * snapshot changed), the registry, article maps — each checked itself, whether or not a
   * claim depends on it: a broken source that no claim cites still fails the run.
   */
  checkedFiles: Set<string>;
}

/**
 * The dependency closure of a change, like dbt's `state:modified+`: the claims changed since
 * the base, plus every claim that cites a changed or deleted source (a snapshot counts as
 * part of its source), uses an entity or property whose declaration changed (in its assert or
 * in its cited sources' facts), or belongs to an article whose map or own source changed.
 * A changed configuration file selects every claim. Pure: the caller reads files and git.
 */
export function dependencyClosure(input: ClosureInput): ClaimSelection {
  const roleOf = (file: string): FileRole | undefined => {
    const present = input.files.find((f) => f.file === file);
    if (present) return present.role;
    const name = stem(file);
    if (matchesAnyGlob(file, input.sourceGlobs)) return name === "entities" ? "entities" : "source";
    if (matchesAnyGlob(file, input.claimGlobs)) return name === "article" ? "article" : "claim";
    return undefined;
  };
  const working = new Map(input.files.map((f) => [f.file, f]));
  const sources = input.files.filter((f) => f.role === "source");
  const workingSourceIds = new Set(sources.map((s) => idOf(s.data, s.file)));

  const changedClaims = new Set<string>();
  const deletedClaims: string[] = [];
  const changedArticles = new Set<string>();
  const changedSources = new Set<string>();
  const changedEntities = new Set<string>();
  const checkedFiles = new Set<string>();
  let configChanged = false;
  let relevantChanges = 0;

  for (const change of input.changes) {
    if (input.configFile !== undefined && change.file === input.configFile) {
      configChanged = true;
      relevantChanges++;
      continue;
    }
    const role = roleOf(change.file);
    const now = working.get(change.file)?.data;
    const before = input.baseData.get(change.file);
    if (role !== undefined && role !== "claim" && change.status !== "deleted" && working.has(change.file)) checkedFiles.add(change.file);
    switch (role) {
      case "claim":
        if (change.status === "deleted") deletedClaims.push(change.file);
        else changedClaims.add(change.file);
        break;
      case "article":
        changedArticles.add(articleOfPath(change.file));
        break;
      case "source":
        for (const data of [now, before]) if (data !== undefined) changedSources.add(idOf(data, change.file));
        if (now === undefined && before === undefined) changedSources.add(stem(change.file));
        break;
      case "entities":
        for (const id of changedDeclarations(before, now)) changedEntities.add(id);
        break;
      default: {
        // Not a claim or a source: perhaps the stored text of a source (its snapshot).
        const owners = sources.filter((s) => snapshotFile(s) === change.file);
        if (owners.length === 0) continue;
        for (const owner of owners) {
          changedSources.add(idOf(owner.data, owner.file));
          checkedFiles.add(owner.file);
        }
      }
    }
    relevantChanges++;
  }

  // An article depends on its own source record (the snapshot its claims are found in).
  const articleMaps = input.files.filter((f) => f.role === "article");
  for (const map of articleMaps) {
    const source = (map.data as { source?: unknown } | undefined)?.source;
    if (typeof source === "string" && changedSources.has(source)) changedArticles.add(map.article ?? articleOfPath(map.file));
  }
  for (const [file, data] of input.baseData) {
    if (roleOf(file) !== "article") continue;
    const source = (data as { source?: unknown } | undefined)?.source;
    if (typeof source === "string" && changedSources.has(source)) changedArticles.add(articleOfPath(file));
  }

  const sourceById = new Map<string, ProjectFile>();
  for (const s of sources) if (!sourceById.has(idOf(s.data, s.file))) sourceById.set(idOf(s.data, s.file), s);

  const claims = input.files.filter((f) => f.role === "claim");
  const reasons = new Map<string, SelectionReason[]>();
  for (const claim of claims) {
    const why: SelectionReason[] = [];
    if (changedClaims.has(claim.file)) why.push({ kind: "changed" });
    if (configChanged) why.push({ kind: "config" });
    const article = claim.article ?? articleOfPath(claim.file);
    if (changedArticles.has(article)) why.push({ kind: "article", article });
    const cited = citedSources(claim.data);
    for (const source of [...cited].sort()) {
      if (changedSources.has(source)) why.push({ kind: "source", source, deleted: !workingSourceIds.has(source) });
    }
    if (changedEntities.size > 0) {
      const used = idsInAssert(claim.data);
      for (const source of cited) {
        const record = sourceById.get(source);
        if (record) for (const id of idsInFacts(record.data)) used.add(id);
      }
      for (const entity of [...used].sort()) if (changedEntities.has(entity)) why.push({ kind: "entity", entity });
    }
    if (why.length > 0) reasons.set(claim.file, why);
  }
  return {
    files: new Set(reasons.keys()),
    total: claims.length,
    reasons,
    deletedClaims: deletedClaims.sort(),
    relevantChanges,
    checkedFiles,
  };
}

const ORDER: Array<SelectionReason["kind"]> = ["changed", "config", "article", "source", "entity"];

/**
 * One line that says how many claims were selected and why, each claim counted under its
 * first reason: `selected 3 of 17 claims changed since main: 1 changed, 2 cite changed source x`.
 */
export function describeSelection(selection: ClaimSelection, ref: string): string {
  const head = `selected ${selection.files.size} of ${selection.total} claim${selection.total === 1 ? "" : "s"} (changes since ${ref})`;
  const deleted = selection.deletedClaims.length > 0 ? `; ${count(selection.deletedClaims.length, "claim file")} deleted` : "";
  const checked = selection.checkedFiles.size > 0 ? `; ${count(selection.checkedFiles.size, "changed file")} checked ${selection.checkedFiles.size === 1 ? "itself" : "themselves"}` : "";
  if (selection.files.size === 0) {
    const why = selection.relevantChanges === 0 ? "no claim, source, entity or snapshot changed" : "no claim depends on what changed";
    return `${head}: ${why}${deleted}${checked}`;
  }
  const groups = new Map<string, { claims: number; ids: Set<string>; render: (n: number, ids: string[]) => string }>();
  const group = (key: string, render: (n: number, ids: string[]) => string) => {
    let g = groups.get(key);
    if (!g) {
      g = { claims: 0, ids: new Set(), render };
      groups.set(key, g);
    }
    return g;
  };
  for (const why of selection.reasons.values()) {
    const first = [...why].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))[0]!;
    const same = why.filter((w) => w.kind === first.kind && (first.kind !== "source" || (w as { deleted: boolean }).deleted === (first as { deleted: boolean }).deleted));
    let g;
    switch (first.kind) {
      case "changed":
        g = group("changed", (n) => `${n} changed`);
        break;
      case "config":
        g = group("config", (n) => `${n} by the changed configuration`);
        break;
      case "article":
        g = group("article", (n, ids) => `${n} in changed article${plural(ids.length)} ${list(ids)}`);
        break;
      case "source":
        g = first.deleted
          ? group("deleted", (n, ids) => `${n} ${n === 1 ? "cites" : "cite"} deleted source${plural(ids.length)} ${list(ids)}`)
          : group("source", (n, ids) => `${n} ${n === 1 ? "cites" : "cite"} changed source${plural(ids.length)} ${list(ids)}`);
        break;
      case "entity":
        g = group("entity", (n, ids) => `${n} ${n === 1 ? "uses" : "use"} changed entit${ids.length === 1 ? "y" : "ies"} ${list(ids)}`);
        break;
    }
    g.claims++;
    for (const w of same) {
      if (w.kind === "article") g.ids.add(w.article);
      if (w.kind === "source") g.ids.add(w.source);
      if (w.kind === "entity") g.ids.add(w.entity);
    }
  }
  const keys = ["changed", "config", "article", "source", "deleted", "entity"].filter((k) => groups.has(k));
  return `${head}: ${keys.map((k) => groups.get(k)!.render(groups.get(k)!.claims, [...groups.get(k)!.ids].sort())).join(", ")}${deleted}${checked}`;
}

/** Every reason of one claim in words: `cites changed source x; uses changed entity y`. */
export function describeReasons(reasons: readonly SelectionReason[]): string {
  return reasons
    .map((r) => {
      switch (r.kind) {
        case "changed":
          return "changed";
        case "config":
          return "configuration changed";
        case "article":
          return `article ${r.article} changed`;
        case "source":
          return `cites ${r.deleted ? "deleted" : "changed"} source ${r.source}`;
        case "entity":
          return `uses changed entity ${r.entity}`;
      }
    })
    .join("; ");
}

/** Ids of entities and properties that were added, removed or changed between two registries. */
export function changedDeclarations(before: unknown, after: unknown): Set<string> {
  const out = new Set<string>();
  for (const section of ["entities", "properties"] as const) {
    const a = sectionOf(before, section);
    const b = sectionOf(after, section);
    for (const id of new Set([...a.keys(), ...b.keys()])) if (a.get(id) !== b.get(id)) out.add(id);
  }
  return out;
}

function sectionOf(registry: unknown, section: "entities" | "properties"): Map<string, string> {
  const value = (registry as Record<string, unknown> | undefined)?.[section];
  const out = new Map<string, string>();
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [id, record] of Object.entries(value)) out.set(id, JSON.stringify(record));
  }
  return out;
}

/** Source ids a claim's citations name, and those its assert names in `fact: source#fact`. */
function citedSources(claim: unknown): Set<string> {
  const out = new Set<string>();
  const citations = (claim as { citations?: unknown } | undefined)?.citations;
  if (Array.isArray(citations)) {
    for (const c of citations) {
      const source = (c as { source?: unknown } | null)?.source;
      if (typeof source === "string") out.add(source);
    }
  }
  walk((claim as { assert?: unknown } | undefined)?.assert, (key, value) => {
    if (key === "fact" && value.includes("#")) out.add(value.slice(0, value.indexOf("#")));
  });
  return out;
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

/** Keys of a fact that hold entity or property ids. */
const FACT_ID_KEYS = new Set(["subject", "property", "event", "place", "participants", "value", "qualifiers"]);

function idsInFacts(source: unknown): Set<string> {
  const out = new Set<string>();
  const facts = (source as { facts?: unknown } | undefined)?.facts;
  if (!Array.isArray(facts)) return out;
  for (const fact of facts) {
    if (!fact || typeof fact !== "object") continue;
    for (const [key, value] of Object.entries(fact)) {
      if (FACT_ID_KEYS.has(key)) walk(value, (_, v) => out.add(v), key);
    }
  }
  return out;
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

function idOf(data: unknown, file: string): string {
  const id = (data as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : stem(file);
}

function stem(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");
}

/** The article id of a claim or article map: its folder's name, as discovery names it. */
function articleOfPath(file: string): string {
  const parts = file.split("/");
  return parts.length >= 2 ? parts[parts.length - 2]! : "default";
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${plural(n)}`;
}

function plural(n: number): string {
  return n === 1 ? "" : "s";
}

function list(ids: string[]): string {
  return ids.length <= 3 ? ids.join(", ") : `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more`;
}
