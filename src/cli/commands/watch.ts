import { existsSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { Colors } from "picocolors/types.js";
import { sourcesDir } from "../../config/apply.js";
import { resolveRunOptions } from "../../config/resolve.js";
import { CONFIG_FILE_NAME } from "../../config/types.js";
import type { RunOptions } from "../../options/run-options.js";
import { checkLoaded } from "../../engine/run.js";
import { loadRepository } from "../../load/load-files.js";
import { dependants, graphOfLoaded, type ProjectGraph } from "../../project/graph.js";
import { UsageError } from "../../errors.js";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { ClaimResult, RunResult } from "../../model/result.js";
import { stripControl } from "../../reporters/escape.js";
import { formatPosition, plural } from "../../reporters/labels.js";
import { terminal } from "../../reporters/terminal.js";
import { fileReader } from "../file-reader.js";
import { parseMaxWarnings, runFlags, selectClaims, type CheckFlags } from "../args.js";
import { pickColors } from "../colors.js";
import { usageErrorText, type CliIO } from "../io.js";

/**
 * `claimcheck --watch [paths…]`: checks, then watches until Ctrl-C (SIGINT), then returns exit
 * code 0. A bad configuration at the start is a usage error; later, it is reported and
 * watching goes on.
 */
export async function runWatch(values: CheckFlags, positionals: string[], io: CliIO): Promise<number> {
  const colors = pickColors(values, io);
  const { root, pathBase } = await resolveRunOptions(runFlags(values), io);
  parseMaxWarnings(values["max-warnings"]);
  const select = positionals.length > 0 ? selectClaims(root, positionals.map((p) => path.resolve(pathBase, p))) : undefined;
  if (values.changed !== undefined || values.format) throw new UsageError("bad-argument", "--watch prints to the terminal; it takes neither --changed nor --format");
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  try {
    await watchClaims({
      makeOptions: async () => {
        // Resolved afresh for every run, so a changed configuration file takes effect.
        const { options } = await resolveRunOptions({ root: values.root, config: values.config }, io);
        if (select) options.select = select;
        return options;
      },
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
  /** Extra files to watch besides the claims and sources folders (the configuration file). */
  extraFiles?: string[];
  print: (text: string) => void;
  colors: Colors;
  /** Reads a checked file, for the first report's code frames. */
  sourceText?: (file: string) => string | undefined;
  /** Stops watching; the returned promise then resolves. */
  signal: AbortSignal;
  /** Quiet time after the last change before re-checking, in milliseconds. */
  debounceMs?: number;
  /** Told after every run (tests wait on it). */
  onRun?: (result: RunResult) => void;
}

/**
 * Checks, prints the full report, then re-checks whenever a claim, source, snapshot or the
 * configuration changes, and prints only what changed in the result. Resolves when `signal`
 * aborts. A run that fails to start (bad configuration) is reported and watching goes on.
 */
export async function watchClaims(options: WatchOptions): Promise<void> {
  const { print, colors, signal } = options;
  const debounceMs = options.debounceMs ?? 150;
  let previous: RunResult | undefined;
  let previousGraph: ProjectGraph | undefined;
  let watchers: FSWatcher[] = [];
  let watchedKey = "";
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const rewatch = (runOptions: RunOptions) => {
    const targets = watchTargets(runOptions, options.extraFiles ?? []);
    const key = targets.join("\0");
    if (key === watchedKey) return;
    for (const w of watchers) w.close();
    watchedKey = key;
    watchers = targets.map((target) => {
      const isDir = isDirectory(target);
      const w = watch(target, { recursive: isDir, signal }, (_event, name) => {
        const file = isDir ? path.join(target, String(name ?? "")) : target;
        if (ignored(file)) return;
        pending.add(path.relative(runOptions.root, file).split(path.sep).join("/"));
        schedule();
      });
      w.on("error", () => undefined); // a folder removed while watched: the next run says what is missing
      return w;
    });
  };

  const runOnce = async () => {
    const changed = [...pending].sort();
    pending.clear();
    let result: RunResult;
    let graph: ProjectGraph;
    try {
      const runOptions = await options.makeOptions();
      rewatch(runOptions);
      const loaded = await loadRepository(runOptions);
      result = checkLoaded(loaded, runOptions);
      graph = graphOfLoaded(loaded);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      print(`${colors.red("claimcheck:")} ${usageErrorText(error)}\n`);
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
    options.onRun?.(result);
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

  await runOnce();
  if (signal.aborted) return;
  await new Promise<void>((resolve) => {
    signal.addEventListener(
      "abort",
      () => {
        if (timer) clearTimeout(timer);
        for (const w of watchers) w.close();
        void (running ?? Promise.resolve()).finally(resolve);
      },
      { once: true },
    );
  });
}

/** The folders the globs start in, and the extra files, that exist; absolute, sorted. */
function watchTargets(options: RunOptions, extraFiles: string[]): string[] {
  const dirs = new Set<string>();
  for (const glob of [...options.claims, ...options.sources]) dirs.add(path.resolve(options.root, sourcesDir([glob])));
  // A folder inside another watched folder is already seen by the recursive watch.
  const list = [...dirs].filter((d) => existsSync(d)).sort();
  const top = list.filter((d) => !list.some((o) => o !== d && d.startsWith(`${o}${path.sep}`)));
  const files = extraFiles.filter((f) => existsSync(f) && !top.some((d) => f.startsWith(`${d}${path.sep}`)));
  return [...top, ...files].sort();
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** Editor droppings: swap files, backups, hidden temporary files. */
function ignored(file: string): boolean {
  const name = path.basename(file);
  return name.startsWith(".") || name.endsWith("~") || /\.(swp|swx|tmp)$/.test(name) || /^\d+$/.test(name);
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
