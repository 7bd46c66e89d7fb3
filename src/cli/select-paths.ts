import path from "node:path";
import { UsageError } from "../errors.js";
import { articleOfPath, dependants, idOf, registryEntries, snapshotFile, type ProjectGraph } from "../project/graph.js";
import { plural } from "../reporters/labels.js";
import { stripControl } from "../reporters/escape.js";

/** What the paths on the command line select. */
export interface PathSelection {
  /**
   * The claim files to report, and every other project file a path named (a source, the
   * registry, an article map, a source whose snapshot was named): those are checked
   * themselves, as --changed checks a changed source.
   */
  select: Set<string>;
  /** How many claims are selected. */
  claims: number;
  /** One line per named file that is not a claim, saying which claims depend on it (empty when only claims were named). */
  report: string;
}

/** How many lines of the report name files one by one before it sums up the rest. */
const REPORT_LINES = 8;

/**
 * The claims that paths on the command line select, through the project graph: a claim file,
 * or a folder, selects the claims in it; a source record (or its snapshot) the claims that
 * cite that source, or whose article it is the publication of; the registry the claims that
 * name one of its entities, properties or kinds; an article map the claims of its article;
 * the configuration file every claim. A path that names no file of the project is a usage
 * error. Paths are relative to the root and must stay inside it.
 */
export function selectByPaths(root: string, paths: readonly string[], graph: ProjectGraph): PathSelection {
  // Snapshots are no files of the graph: each is known through the record that names it.
  const snapshots = new Map<string, string>();
  for (const file of graph.sourceFiles.values()) {
    const snapshot = snapshotFile(graph.files.get(file)!);
    if (snapshot !== undefined && !snapshots.has(snapshot)) snapshots.set(snapshot, file);
  }
  const known = [...graph.files.keys(), ...snapshots.keys(), ...(graph.configFile === undefined ? [] : [graph.configFile])];
  const select = new Set<string>();
  const claims = new Set<string>();
  const lines: string[] = [];
  for (const typed of paths) {
    const prefix = relativeInside(root, typed);
    const named = known.filter((f) => prefix === "" || f === prefix || f.startsWith(`${prefix}/`)).sort();
    if (named.length === 0) {
      throw new UsageError("no-claims", `"${stripControl(typed)}" names no claim, source, registry, article map or snapshot of the project`);
    }
    const own = named.filter((f) => graph.files.get(f)?.role === "claim");
    const others = named.filter((f) => graph.files.get(f)?.role !== "claim");
    const reached = new Set<string>();
    let why = "";
    for (const file of others) {
      const { depending, what } = dependantsOf(graph, file, snapshots.get(file));
      // A snapshot is checked through its source record; every other file is checked itself.
      select.add(snapshots.get(file) ?? file);
      for (const claim of depending) reached.add(claim);
      why = what(depending.length);
    }
    for (const claim of [...own, ...reached]) {
      select.add(claim);
      claims.add(claim);
    }
    // A claim, or a folder of claims with their article's map, needs no word; the rest says what it selected.
    const beyond = [...reached].filter((c) => !own.includes(c)).length;
    if (named.length === 1 && others.length === 1) lines.push(`${named[0]}: ${why}`);
    else if (others.length > 0 && (beyond > 0 || own.length === 0)) {
      const folder = `${prefix === "" ? "." : prefix}/`;
      const depend = (n: number) => (n === 1 ? "depends" : "depend");
      lines.push(
        own.length === 0
          ? `${folder}: ${plural(beyond, "claim")} ${depend(beyond)} on its ${plural(others.length, "file")}`
          : `${folder}: its ${plural(own.length, "claim")}, and ${beyond} more that ${depend(beyond)} on its ${plural(others.length, "other file")}`,
      );
    }
  }
  if (lines.length > REPORT_LINES) lines.splice(REPORT_LINES - 1, lines.length, `and ${lines.length - REPORT_LINES + 1} more paths`);
  const header = `selected ${claims.size} of ${plural(graph.claims.length, "claim")} by the paths given:`;
  const report = lines.length === 0 ? "" : `${[header, ...lines.map((l) => `  ${l}`)].map(stripControl).join("\n")}\n`;
  return { select, claims: claims.size, report };
}

/** The claims that depend on a project file that is not a claim, and how to say why. */
function dependantsOf(graph: ProjectGraph, file: string, snapshotOf: string | undefined): { depending: string[]; what: (n: number) => string } {
  const entry = graph.files.get(file);
  if (entry?.role === "entities" && file === graph.registryFile) {
    // Every claim lists the registry among its files; those it matters to name an entry of it.
    const depending = graph.claims
      .filter((c) => {
        const entries = registryEntries(graph, c);
        return entries.entities.length + entries.properties.length + entries.kinds.length > 0;
      })
      .map((c) => c.file);
    return { depending, what: (n) => `the registry; ${n === 0 ? "no claim names" : `${plural(n, "claim")} ${n === 1 ? "names" : "name"}`} its entries` };
  }
  const depending = dependants(graph, [file]);
  const cites = (n: number) => (n === 0 ? "no claim depends on it" : `${plural(n, "claim")} ${n === 1 ? "depends" : "depend"} on it`);
  if (snapshotOf !== undefined) return { depending, what: (n) => `the snapshot of source "${idOf(graph.files.get(snapshotOf)?.data, snapshotOf)}"; ${cites(n)}` };
  if (file === graph.configFile) return { depending, what: (n) => `the configuration; ${cites(n)}` };
  if (entry?.role === "article") return { depending, what: (n) => `the map of article "${entry.article ?? articleOfPath(file)}"; ${cites(n)}` };
  return { depending, what: (n) => `source "${idOf(entry?.data, file)}"; ${cites(n)}` };
}

/** A path typed on the command line, relative to the root with forward slashes; refused outside the root. */
function relativeInside(root: string, typed: string): string {
  const relative = path.relative(root, path.resolve(root, typed)).split(path.sep).join("/");
  if (relative === ".." || relative.startsWith("../") || path.isAbsolute(relative)) throw new UsageError("outside-root", `"${stripControl(typed)}" is outside the repository`);
  return relative;
}

/**
 * Paths typed on the command line, as paths from the root: they are read against the working
 * directory (or the root, under -C), so `claimcheck c1.yaml` works from `claims/demo/`.
 */
export function fromRoot(root: string, pathBase: string, typed: readonly string[]): string[] {
  return typed.map((p) => path.relative(root, path.resolve(pathBase, p)).split(path.sep).join("/") || ".");
}
