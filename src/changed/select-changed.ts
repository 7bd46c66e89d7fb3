import { readlink, realpath } from "node:fs/promises";
import path from "node:path";
import { mapWithLimit } from "../async/map-with-limit.js";
import { changedFiles, showAtCommit, type FileChange } from "../git/git.js";
import { loadYamlFast } from "../load/fast-load.js";
import type { RunOptions } from "../options/run-options.js";
import { addCount } from "../options/timing.js";
import { snapshotFile, type ProjectFile, type ProjectGraph } from "../project/graph.js";
import { stripControl } from "../reporters/escape.js";
import { dependencyClosure, describeReasons, describeSelection, type ClaimSelection } from "./closure.js";

export interface ChangedSelection extends ClaimSelection {
  /** The commit compared against. */
  base: string;
  /** What to tell the user: the summary line, then one line per selected claim. */
  report: string;
}

/**
 * Selects the claims a pull request affects: changed since `ref` (against the merge base),
 * plus their dependants (see dependencyClosure), from the project graph of the files the run
 * has already loaded: nothing of the working tree is read or parsed again. Only the changed
 * files' content at the base commit is parsed here (it is not the working tree's).
 */
export async function selectChangedClaims(options: RunOptions, ref: string, graph: ProjectGraph): Promise<ChangedSelection> {
  const { base, changes } = await changedFiles(options.root, ref);
  const files = [...graph.files.values()];
  // Only sources, registries and article maps need their old content (for ids that vanished).
  const baseData = new Map<string, unknown>();
  await mapWithLimit(
    changes.filter((c) => c.status !== "added" && /\.ya?ml$/.test(c.file)),
    8,
    async (change) => {
      const bytes = await showAtCommit(options.root, base, change.file);
      const data = bytes && parseData(change.file, bytes, options);
      if (data !== undefined) baseData.set(change.file, data);
    },
  );
  const selection = dependencyClosure({
    files,
    changes: [...changes, ...(await changesThroughLinks(options.root, changes, files))],
    baseData,
    claimGlobs: options.claims,
    sourceGlobs: options.sources,
    configFile: graph.configFile,
    graph,
  });
  const lines = [describeSelection(selection, ref)];
  for (const [file, reasons] of [...selection.reasons].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  ${file}: ${describeReasons(reasons)}`);
  }
  for (const file of [...selection.checkedFiles].sort()) lines.push(`  ${file}: changed, checked itself`);
  // File names and ids come from the pull request: each line is made safe to print as one line.
  return { ...selection, base, report: `${lines.map(stripControl).join("\n")}\n` };
}

/** A file's data at the base commit, by the load stage's parser (the fast one, `yaml` where it gives up). */
function parseData(file: string, bytes: Uint8Array, options: RunOptions): unknown {
  addCount(options.timing, "files parsed", 1);
  const outcome = loadYamlFast(file, bytes, options.limits);
  return outcome.ok ? outcome.doc.data : undefined;
}

/**
 * Changes seen through symbolic links: a claim, source or snapshot path of the project that
 * is (or passes through) a link reaches its target, and git reports an edit under the
 * target's name. Each such edit is returned again under every project path that resolves to
 * it, so the closure compares resolved paths. A link whose target is gone is followed by
 * its text, so deleting a linked snapshot still selects its source.
 */
async function changesThroughLinks(root: string, changes: readonly FileChange[], files: readonly ProjectFile[]): Promise<FileChange[]> {
  const realRoot = await realpath(root);
  const inRepository = (absolute: string): string | undefined => {
    const relative = path.relative(realRoot, absolute);
    return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join("/");
  };
  const resolve = async (file: string): Promise<string | undefined> => {
    const absolute = path.join(root, file);
    try {
      return inRepository(await realpath(absolute));
    } catch {
      // Gone, or a link to something gone: follow the link's own text, one step.
      const target = await readlink(absolute).catch(() => undefined);
      if (target === undefined) return undefined;
      const parent = await realpath(path.dirname(absolute)).catch(() => undefined);
      return parent === undefined ? undefined : inRepository(path.resolve(parent, target));
    }
  };
  const paths = new Set<string>();
  for (const f of files) {
    paths.add(f.file);
    const snapshot = snapshotFile(f);
    if (snapshot !== undefined) paths.add(snapshot);
  }
  // Project paths by the path they resolve to, where the two differ (a link on the way).
  const aliases = new Map<string, string[]>();
  await mapWithLimit([...paths], 32, async (file) => {
    const real = await resolve(file);
    if (real === undefined || real === file) return;
    const list = aliases.get(real);
    if (list) list.push(file);
    else aliases.set(real, [file]);
  });
  if (aliases.size === 0) return [];
  const out: FileChange[] = [];
  for (const change of changes) {
    const real = change.status === "deleted" ? change.file : ((await resolve(change.file)) ?? change.file);
    for (const alias of new Set([...(aliases.get(real) ?? []), ...(aliases.get(change.file) ?? [])])) {
      if (alias !== change.file) out.push({ file: alias, status: "modified" });
    }
  }
  return out;
}
