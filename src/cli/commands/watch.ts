import { existsSync } from "node:fs";
import path from "node:path";
import { watch as watchFiles, type FSWatcher } from "chokidar";
import type { Colors } from "picocolors/types.js";
import { resolveRunOptions } from "../../config/resolve.js";
import { CONFIG_FILE_NAME } from "../../config/types.js";
import type { RunOptions } from "../../options/run-options.js";
import { checkLoaded } from "../../engine/run.js";
import { loadRepository } from "../../load/load-files.js";
import { globBase, matchesAnyGlob } from "../../paths/glob-match.js";
import { dependants, graphOfLoaded, snapshotFile, type ProjectGraph } from "../../project/graph.js";
import { UsageError } from "../../errors.js";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { ClaimResult, RunResult } from "../../model/result.js";
import { stripControl } from "../../reporters/escape.js";
import { formatPosition, plural } from "../../reporters/labels.js";
import { terminal } from "../../reporters/terminal.js";
import { fileReader } from "../file-reader.js";
import { parseMaxWarnings, runFlags, type CheckFlags } from "../args.js";
import { pickColors } from "../colors.js";
import { usageErrorText, type CliIO } from "../io.js";
import { errorsOnlyIf } from "../quiet.js";
import { fromRoot, selectByPaths } from "../select-paths.js";

/**
 * `claimcheck --watch [paths…]`: checks, then watches until Ctrl-C (SIGINT), then returns exit
 * code 0. A bad configuration at the start is a usage error; later, it is reported and
 * watching goes on. Paths select as they do for a check, afresh on every run.
 */
export async function runWatch(values: CheckFlags, positionals: string[], io: CliIO): Promise<number> {
  const colors = pickColors(values, io);
  const { root, pathBase } = await resolveRunOptions(runFlags(values), io);
  parseMaxWarnings(values["max-warnings"]);
  const typed = fromRoot(root, pathBase, positionals);
  if (values.changed !== undefined || values.format) throw new UsageError("bad-argument", "--watch prints to the terminal; it takes neither --changed nor --format");
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  try {
    await watchClaims({
      // Resolved afresh for every run, so a changed configuration file takes effect.
      makeOptions: async () => (await resolveRunOptions(runFlags(values), io)).options,
      ...(positionals.length > 0 ? { select: (graph: ProjectGraph) => selectByPaths(root, typed, graph).select } : {}),
      quiet: Boolean(values.quiet),
      extraFiles: [values.config === undefined ? path.join(root, CONFIG_FILE_NAME) : path.resolve(io.cwd, values.config)],
      print: io.stdout,
      colors,
      // Not remembered: in watch mode the files change between runs.
      sourceText: (file) => fileReader(root)(file),
      signal: controller.signal,
    });
  } finally {
    process.removeListener("SIGINT", stop);
  }
  return 0;
}

export interface WatchOptions {
  /** Builds the run's options afresh for every run, so a changed configuration file takes effect. */
  makeOptions: () => Promise<RunOptions>;
  /** The claims to report, chosen afresh from every run's project graph (paths on the command line); all when absent. */
  select?: (graph: ProjectGraph) => ReadonlySet<string>;
  /** Errors only (`--quiet`): warnings are neither shown nor compared. */
  quiet?: boolean;
  /** Files to watch besides the claims, sources and snapshots (the configuration file), absolute; they need not exist yet. */
  extraFiles?: string[];
  print: (text: string) => void;
  colors: Colors;
  /** Reads a checked file, for the first report's code frames. */
  sourceText?: (file: string) => string | undefined;
  /** Stops watching; the returned promise then resolves. */
  signal: AbortSignal;
  /**
   * Quiet time after the last change before re-checking, in milliseconds: a burst of changes is
   * one run. Longer than the 100 ms chokidar holds a deletion back (to tell a save by rename
   * from a deletion), so a renamed file's two events make one run.
   */
  debounceMs?: number;
  /**
   * Told when a run is done and printed: the changed files that started it (relative to the
   * root, sorted; empty for the first run) and its result (none when it could not run: a
   * broken configuration, a path that names nothing now). Tests wait on it.
   */
  onRun?: (run: { result?: RunResult; changed: string[] }) => void;
}

/**
 * Checks, prints the full report, then re-checks whenever a claim, source, snapshot or the
 * configuration changes, and prints only what changed in the result. Resolves when `signal`
 * aborts. A run that fails to start (bad configuration) is reported and watching goes on.
 *
 * Watching is chokidar's, over the root, pruned to the folders the globs start in, the
 * snapshots and the extra files (see relevance below): it sees in-place writes, saves that
 * write a temporary file and rename it over the original, new, deleted and renamed files.
 * Every re-check is a whole run (load, rules, result), compared with the one before; the
 * project graph says how many claims the change reaches (docs/design.md, "Watch mode").
 */
export async function watchClaims(options: WatchOptions): Promise<void> {
  const { print, colors, signal } = options;
  const debounceMs = options.debounceMs ?? 200;
  let previous: RunResult | undefined;
  let previousGraph: ProjectGraph | undefined;
  let watcher: FSWatcher | undefined;
  let scope: WatchScope | undefined;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  /** Starts watching, or widens what is watched when a run names new snapshots or globs. */
  const rewatch = async (runOptions: RunOptions, graph: ProjectGraph | undefined) => {
    const next = watchScope(runOptions, graph, options.extraFiles ?? []);
    const before = scope;
    scope = next;
    if (!watcher) {
      watcher = watchFiles(next.root, { ignoreInitial: true, ignored: (file) => scope!.ignored(file) });
      watcher.on("all", (_event, file) => {
        if (!scope!.relevant(file)) return;
        pending.add(scope!.relative(file));
        schedule();
      });
      watcher.on("error", () => undefined); // a folder removed while watched: the next run says what is missing
      // Changes are seen from here on: the first report says so only once the watch is ready.
      await new Promise<void>((resolve) => watcher!.once("ready", () => resolve()));
      for (const file of next.outside) watcher.add(file);
      return;
    }
    // Folders pruned before (a snapshot's new folder, a new glob's base) are added now.
    const added = [...next.targets].filter((t) => !before?.targets.has(t) && existsSync(t));
    if (added.length > 0) watcher.add(added);
  };

  const runOnce = async () => {
    const changed = [...pending].sort();
    pending.clear();
    let result: RunResult;
    let graph: ProjectGraph;
    try {
      const runOptions = await options.makeOptions();
      // Watching starts before the first load, so an edit made while it runs starts another run.
      await rewatch(runOptions, previousGraph);
      const loaded = await loadRepository(runOptions);
      graph = graphOfLoaded(loaded);
      await rewatch(runOptions, graph);
      if (options.select) runOptions.select = options.select(graph);
      result = errorsOnlyIf(options.quiet, checkLoaded(loaded, runOptions));
    } catch (error) {
      // At the start, bad usage or configuration ends the watch (exit 2); later it is reported and watching goes on.
      if (!(error instanceof UsageError) || !previous) throw error;
      print(`${colors.red("claimcheck:")} ${usageErrorText(error)}\n`);
      options.onRun?.({ changed });
      return;
    }
    if (signal.aborted) return;
    if (!previous) {
      print(terminal(result, { colors, sourceText: options.sourceText }));
      print(colors.dim(`\nwatching for changes (Ctrl-C to stop)\n`));
    } else {
      // How far the change reaches, by the graph of the run before it (a new file is no claim's dependency yet).
      const reach = previousGraph ? dependants(previousGraph, changed).length : 0;
      const header = changed.length > 0 ? `change in ${listFiles(changed)}${reach > 0 ? ` (${reach} ${reach === 1 ? "claim depends" : "claims depend"} on ${changed.length === 1 ? "it" : "them"})` : ""}` : "re-checked";
      print(`\n${colors.bold(`── ${header}`)}\n${describeResultChanges(previous, result, colors)}`);
    }
    previous = result;
    previousGraph = graph;
    options.onRun?.({ result, changed });
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await runOnce();
        } while (again && !signal.aborted);
      })().finally(() => {
        running = undefined;
      });
    }, debounceMs);
  };

  try {
    await runOnce();
  } catch (error) {
    await watcher?.close();
    throw error;
  }
  if (!signal.aborted) {
    await new Promise<void>((resolve) => {
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
  }
  if (timer) clearTimeout(timer);
  await watcher?.close();
  await running;
}

/** What a watch looks at, as one run's options and project graph name it. */
interface WatchScope {
  root: string;
  /** Folders and files added to the watch (absolute): the globs' base folders, snapshots, extra files. */
  targets: Set<string>;
  /** Extra files outside the root, watched by name. */
  outside: string[];
  /** Whether chokidar may skip a path and, for a folder, all under it. */
  ignored: (file: string) => boolean;
  /** Whether a changed path concerns the check: a claim or source by the globs, a snapshot, an extra file. */
  relevant: (file: string) => boolean;
  relative: (file: string) => string;
}

/** Folders no check reads and a watch never looks into: git's, the packages', the reports'. */
const NEVER_WATCHED_FOLDERS = new Set([".git", "node_modules"]);
const REPORTS_FOLDER = "reports";

/**
 * The watch's scope for one run. chokidar watches the root; `ignored` prunes it to the folders
 * the claim and source globs start in, the folders on the way to them and to each snapshot and
 * extra file, and those files; never `.git`, `node_modules`, `reports/`, the cache file or
 * hidden names. Of what it sees, only claims and sources (by the globs), snapshots and the extra
 * files start a run: an editor's swap, backup or temporary file does not (a save through a
 * temporary file is seen as the rename over the original).
 */
export function watchScope(options: RunOptions, graph: ProjectGraph | undefined, extraFiles: readonly string[]): WatchScope {
  const root = options.root;
  const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");
  const bases = [...new Set([...options.claims, ...options.sources].filter((g) => !g.startsWith("!")).map(globBase))];
  const snapshots = graph ? [...graph.sourceFiles.values()].flatMap((f) => snapshotFile(graph.files.get(f)!) ?? []) : [];
  const extra = extraFiles.map(relative);
  const files = new Set([...snapshots, ...extra.filter((f) => !f.startsWith("../"))]);
  const outside = extraFiles.filter((f) => relative(f).startsWith("../"));
  const under = (file: string, folder: string) => folder === "" || file === folder || file.startsWith(`${folder}/`);
  const cacheFile = options.cache?.file;
  const ignored = (absolute: string): boolean => {
    const file = relative(absolute);
    if (file === "") return false;
    if (outside.includes(absolute)) return false;
    if (file.startsWith("../") || absolute === cacheFile) return true;
    const segments = file.split("/");
    // Hidden names are never claims or sources (the globs skip them): editors' swap and temporary files among them.
    if (segments[0] === REPORTS_FOLDER || segments.some((s) => NEVER_WATCHED_FOLDERS.has(s) || s.startsWith("."))) return true;
    if (files.has(file) || bases.some((base) => under(file, base))) return false;
    // On the way to a watched folder or file.
    return !bases.some((base) => under(base, file)) && ![...files].some((f) => under(f, file));
  };
  const relevant = (absolute: string): boolean => {
    if (outside.includes(absolute)) return true;
    const file = relative(absolute);
    return !ignored(absolute) && (files.has(file) || matchesAnyGlob(file, options.claims) || matchesAnyGlob(file, options.sources));
  };
  const targets = new Set([...bases.map((b) => path.join(root, b)), ...[...files].map((f) => path.join(root, f)), ...outside]);
  return { root, targets, outside, ignored, relevant, relative };
}

/** Names of changed files, as the file system gave them: made safe to print. */
function listFiles(files: string[]): string {
  const shown = files.slice(0, 3).map(stripControl).join(", ");
  return files.length <= 3 ? shown : `${shown} and ${files.length - 3} more`;
}

/**
 * What changed between two results, and only that: claims added or removed, claims whose
 * status, verdicts or diagnostics changed (with the diagnostics that appeared and went),
 * diagnostics of other files, and the summary when it moved.
 */
export function describeResultChanges(before: RunResult, after: RunResult, colors: Colors): string {
  const lines: string[] = [];
  const beforeClaims = new Map(before.claims.map((c) => [c.file, c]));
  const afterClaims = new Map(after.claims.map((c) => [c.file, c]));
  for (const claim of after.claims) {
    const old = beforeClaims.get(claim.file);
    if (!old) {
      lines.push(`${mark(claim, colors)} ${stripControl(claim.id)}  ${claimState(claim)}  ${colors.dim("(new)")}`);
      for (const d of claim.diagnostics) lines.push(`    ${colors.red("+")} ${formatDiagnostic(d, colors)}`);
      continue;
    }
    const added = diagnosticDelta(claim.diagnostics, old.diagnostics);
    const removed = diagnosticDelta(old.diagnostics, claim.diagnostics);
    const stateChanged = claimState(old) !== claimState(claim);
    if (!stateChanged && added.length === 0 && removed.length === 0) continue;
    const was = stateChanged ? `  ${colors.dim(`(was ${claimState(old)})`)}` : "";
    lines.push(`${mark(claim, colors)} ${stripControl(claim.id)}  ${claimState(claim)}${was}`);
    for (const d of added) lines.push(`    ${colors.red("+")} ${formatDiagnostic(d, colors)}`);
    for (const d of removed) lines.push(`    ${colors.green("-")} ${colors.dim(`${formatDiagnostic(d, colors)} (gone)`)}`);
  }
  for (const claim of before.claims) {
    if (!afterClaims.has(claim.file)) lines.push(`${colors.dim("-")} ${stripControl(claim.id)}  ${colors.dim(`removed (${stripControl(claim.file)})`)}`);
  }
  const otherBefore = before.diagnostics.filter((d) => !beforeClaims.has(d.at.file));
  const otherAfter = after.diagnostics.filter((d) => !afterClaims.has(d.at.file));
  const otherAdded = diagnosticDelta(otherAfter, otherBefore);
  const otherRemoved = diagnosticDelta(otherBefore, otherAfter);
  if (otherAdded.length > 0 || otherRemoved.length > 0) {
    lines.push("other files");
    for (const d of otherAdded) lines.push(`    ${d.severity === "error" ? colors.red("+") : colors.yellow("+")} ${formatDiagnostic(d, colors)}`);
    for (const d of otherRemoved) lines.push(`    ${colors.green("-")} ${colors.dim(`${formatDiagnostic(d, colors)} (gone)`)}`);
  }
  const s = after.summary;
  const summary = `${plural(s.claims, "claim")}: ${s.passed} passed, ${s.failed} failed; ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}`;
  const t = before.summary;
  const moved = s.claims !== t.claims || s.passed !== t.passed || s.failed !== t.failed || s.errors !== t.errors || s.warnings !== t.warnings;
  if (lines.length === 0 && !moved) return `${colors.dim("no change in the result")}\n`;
  lines.push(moved ? `now ${summary}` : colors.dim(`still ${summary}`));
  return `${lines.join("\n")}\n`;
}

function claimState(claim: ClaimResult): string {
  const verdict = claim.derived && claim.derived !== claim.declared ? `${claim.declared ?? "?"}, derived ${claim.derived}` : (claim.declared ?? "no verdict");
  return `${claim.status} (${verdict})`;
}

function mark(claim: ClaimResult, colors: Colors): string {
  return claim.status === "pass" ? colors.green("✔") : colors.red("✖");
}

function diagnosticKey(d: Diagnostic): string {
  return `${d.at.file}:${d.at.line}:${d.at.column}\u0000${d.severity}\u0000${d.ruleId}\u0000${d.message}`;
}

/** Diagnostics of `a` that `b` does not have. */
function diagnosticDelta(a: Diagnostic[], b: Diagnostic[]): Diagnostic[] {
  const keys = new Set(b.map(diagnosticKey));
  return a.filter((d) => !keys.has(diagnosticKey(d)));
}

function formatDiagnostic(d: Diagnostic, colors: Colors): string {
  const severity = d.severity === "error" ? colors.red("error") : colors.yellow("warning");
  return `${stripControl(formatPosition(d.at))}  ${severity}  ${stripControl(d.message)}  ${colors.dim(stripControl(d.ruleId))}`;
}
