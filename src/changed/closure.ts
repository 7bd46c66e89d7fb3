import type { FileRole } from "../load/discover.js";
import { articleOfPath, articleSource, buildProjectGraph, idOf, snapshotFile, stem, type ProjectFile, type ProjectGraph } from "../project/graph.js";
import { matchesAnyGlob } from "../paths/glob-match.js";
import type { FileChange } from "../git/git.js";

export type { ProjectFile } from "../project/graph.js";
export { snapshotFile } from "../project/graph.js";

export interface ClosureInput {
  /** Every claim, article map, source and registry of the working tree. */
  files: readonly ProjectFile[];
  /** The project graph of `files`, when the caller has built it already (src/project/graph.ts). */
  graph?: ProjectGraph;
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
  const graph = input.graph ?? buildProjectGraph(input.files);
  const working = graph.files;
  const roleOf = (file: string): FileRole | undefined => {
    const present = graph.files.get(file);
    if (present) return present.role;
    const name = stem(file);
    if (matchesAnyGlob(file, input.sourceGlobs)) return name === "entities" ? "entities" : "source";
    if (matchesAnyGlob(file, input.claimGlobs)) return name === "article" ? "article" : "claim";
    return undefined;
  };
  const sources = [...working.values()].filter((f) => f.role === "source");
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
  for (const map of working.values()) {
    if (map.role !== "article") continue;
    const source = articleSource(map);
    if (source !== undefined && changedSources.has(source)) changedArticles.add(map.article ?? articleOfPath(map.file));
  }
  for (const [file, data] of input.baseData) {
    if (roleOf(file) !== "article") continue;
    const source = (data as { source?: unknown } | undefined)?.source;
    if (typeof source === "string" && changedSources.has(source)) changedArticles.add(articleOfPath(file));
  }

  const reasons = new Map<string, SelectionReason[]>();
  for (const claim of graph.claims) {
    const why: SelectionReason[] = [];
    if (changedClaims.has(claim.file)) why.push({ kind: "changed" });
    if (configChanged) why.push({ kind: "config" });
    if (changedArticles.has(claim.article)) why.push({ kind: "article", article: claim.article });
    for (const source of claim.sources) {
      if (changedSources.has(source)) why.push({ kind: "source", source, deleted: !workingSourceIds.has(source) });
    }
    for (const name of claim.names) if (changedEntities.has(name)) why.push({ kind: "entity", entity: name });
    if (why.length > 0) reasons.set(claim.file, why);
  }
  return {
    files: new Set(reasons.keys()),
    total: graph.claims.length,
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

function count(n: number, noun: string): string {
  return `${n} ${noun}${plural(n)}`;
}

function plural(n: number): string {
  return n === 1 ? "" : "s";
}

function list(ids: string[]): string {
  return ids.length <= 3 ? ids.join(", ") : `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more`;
}
