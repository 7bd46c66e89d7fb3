import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import path from "node:path";
import type { DiscoveredFile } from "./discover.js";
import { renderMessage } from "../model/render-message.js";
import type { RunOptions } from "../options/run-options.js";
import { readSnapshot } from "./snapshot.js";
import type { LoadedDoc } from "./document.js";
import { fastDoc, fastNodes, loadYamlFast } from "./fast-load.js";
import type { LoadLimits } from "../options/limits.js";
import { loaderMessages } from "./messages.js";
import { loadYaml } from "./yaml-load.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { LoadedFile, ValidDoc } from "./loaded-file.js";
import { validateDoc, type DocKind } from "../schema/validate.js";
import type { CachedFile, FileCache } from "../cache/file-cache.js";
import { addCount, addTime, type PhaseTimes } from "../options/timing.js";

const KIND_OF_ROLE: Record<DiscoveredFile["role"], DocKind> = {
  claim: "claim",
  article: "article",
  source: "source",
  entities: "entities",
};

/**
 * Reads, parses and validates every discovered file, in phases (read everything, then parse
 * and validate), through the fast parser, and through the cache when one is given. The
 * outcome for each file is the same whichever path it takes; test/cache and test/load check
 * that.
 */
export async function loadProject(
  files: readonly DiscoveredFile[],
  options: Pick<RunOptions, "root" | "limits">,
  cache?: FileCache,
  timing?: PhaseTimes,
): Promise<LoadedFile[]> {
  const { root, limits } = options;
  const outcomes: OneOutcome[] = new Array(files.length);

  // On a large corpus, a worker thread takes every other file (parsing is the one phase that
  // parallelises; docs/performance.md has the measurements).
  const worker = cache ? undefined : startWorker(root, limits, files, outcomes, timing);
  const mine = worker ? files.map((_, i) => i).filter((i) => i % 2 === 0) : files.map((_, i) => i);

  let started = performance.now();
  const contents = readAll(root, mine.map((i) => files[i]!));
  addTime(timing, "read", performance.now() - started);
  mine.forEach((i, k) => {
    const file = files[i]!;
    const bytes = contents[k]!;
    contents[k] = undefined; // let the bytes go once used
    outcomes[i] = bytes instanceof Error
      ? { diagnostics: [readError(file.file, bytes.message)], schemaFailed: false }
      : loadOne(file.file, KIND_OF_ROLE[file.role], bytes, limits, cache, timing);
  });
  if (worker) {
    started = performance.now();
    const leftover = await worker;
    addTime(timing, "wait", performance.now() - started);
    // Should the worker fail, its unfinished files are loaded here: a run never depends on it.
    for (const i of leftover) outcomes[i] = loadOneFile(root, files[i]!, limits, cache, timing);
  }

  const loaded: LoadedFile[] = new Array(files.length);
  const pendingSnapshots: Array<Promise<void>> = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const { doc, diagnostics, schemaFailed } = outcomes[i]!;
    if (!doc || schemaFailed) {
      loaded[i] = doc ? { file, doc, diagnostics } : { file, diagnostics };
      continue;
    }
    let valid: ValidDoc;
    switch (file.role) {
      case "claim":
        valid = { kind: "claim", doc, article: file.article ?? "default" };
        break;
      case "article":
        valid = { kind: "article", doc, article: file.article ?? "default" };
        break;
      case "entities":
        valid = { kind: "entities", doc };
        break;
      case "source": {
        const source: Extract<ValidDoc, { kind: "source" }> = { kind: "source", doc };
        valid = source;
        const snapshotPath = (doc.data as { snapshot?: { path?: string } }).snapshot?.path;
        if (snapshotPath !== undefined) {
          pendingSnapshots.push(
            readSnapshot(root, file.file, snapshotPath, limits.maxSnapshotBytes).then((snapshot) => {
              source.snapshot = snapshot;
            }),
          );
        }
        break;
      }
    }
    loaded[i] = { file, doc, valid, diagnostics };
  }
  started = performance.now();
  await Promise.all(pendingSnapshots);
  addTime(timing, "read", performance.now() - started);
  return loaded;
}

/** A file for the worker: its index in the run, its path, the kind of document. */
export type WorkerJob = [index: number, file: string, kind: DocKind];

/** What the worker sends back for one file. */
export type WorkerResult = { index: number; readError: string } | ({ index: number; text?: string } & CachedFile);

/** Files from which a worker thread pays for itself (it costs about 50 ms to start). */
const WORKER_THRESHOLD = 2000;
const WORKER_SCRIPT = new URL("./load-worker.js", import.meta.url);

/**
 * Starts a worker on every odd-numbered file when the corpus is large, the machine has a
 * second core and the compiled worker script exists (running from TypeScript sources, as the
 * tests do, it does not); fills `outcomes` as results come, and resolves to the files it did
 * not finish (none, unless it failed). CLAIMCHECK_WORKERS=0 or 1 turns it off or on whatever
 * the size (for tests and measurements).
 */
function startWorker(root: string, limits: LoadLimits, files: readonly DiscoveredFile[], outcomes: OneOutcome[], timing: PhaseTimes | undefined): Promise<number[]> | undefined {
  const forced = process.env.CLAIMCHECK_WORKERS;
  if (forced === "0") return undefined;
  if (forced !== "1" && (files.length < WORKER_THRESHOLD || availableParallelism() < 2)) return undefined;
  if (!existsSync(fileURLToPath(WORKER_SCRIPT))) return undefined;
  const jobs: WorkerJob[] = [];
  for (let i = 1; i < files.length; i += 2) jobs.push([i, files[i]!.file, KIND_OF_ROLE[files[i]!.role]]);
  const pending = new Set(jobs.map(([index]) => index));
  return new Promise((resolve) => {
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve([...pending].sort((a, b) => a - b));
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SCRIPT, { workerData: { root, limits, jobs } });
    } catch {
      finish();
      return;
    }
    worker.on("message", (message: WorkerResult[] | "done") => {
      if (message === "done") {
        void worker.terminate();
        finish();
        return;
      }
      for (const result of message) {
        pending.delete(result.index);
        const file = files[result.index]!.file;
        if ("readError" in result) {
          outcomes[result.index] = { diagnostics: [readError(file, result.readError)], schemaFailed: false };
        } else {
          addCount(timing, "files parsed", 1);
          outcomes[result.index] = fromEntry(file, result.text ?? "", result, limits);
        }
      }
    });
    worker.on("error", finish);
    worker.on("exit", finish);
  });
}

/** One file, read and loaded on this thread. */
function loadOneFile(root: string, file: DiscoveredFile, limits: LoadLimits, cache: FileCache | undefined, timing: PhaseTimes | undefined): OneOutcome {
  const [bytes] = readAll(root, [file]);
  return bytes instanceof Error
    ? { diagnostics: [readError(file.file, bytes.message)], schemaFailed: false }
    : loadOne(file.file, KIND_OF_ROLE[file.role], bytes!, limits, cache, timing);
}

interface OneOutcome {
  doc?: LoadedDoc;
  diagnostics: Diagnostic[];
  /** The document parsed but failed its schema: it has a doc, and no ValidDoc. */
  schemaFailed: boolean;
}

function loadOne(file: string, kind: DocKind, bytes: Uint8Array, limits: LoadLimits, cache: FileCache | undefined, timing: PhaseTimes | undefined): OneOutcome {
  let started = performance.now();
  const key = cache?.keyOf(bytes, kind);
  const hit = key === undefined ? undefined : cache!.get(key);
  if (hit) {
    const outcome = fromCache(file, bytes, hit, limits);
    addTime(timing, "cache", performance.now() - started);
    return outcome;
  }
  const parsed = loadYamlFast(file, bytes, limits);
  addTime(timing, "parse", performance.now() - (started as number));
  addCount(timing, "files parsed", 1);
  if (!parsed.ok) {
    if (key !== undefined) cache!.set(key, { ok: false, diagnostics: parsed.diagnostics });
    return { diagnostics: parsed.diagnostics, schemaFailed: false };
  }
  started = performance.now();
  const schemaDiagnostics = validateDoc(parsed.doc, kind);
  addTime(timing, "validate", performance.now() - started);
  const diagnostics = schemaDiagnostics.length === 0 ? parsed.diagnostics : [...parsed.diagnostics, ...schemaDiagnostics];
  if (key !== undefined) {
    cache!.set(key, { ok: true, data: parsed.doc.data, nodes: fastNodes(parsed.doc), diagnostics, schemaFailed: schemaDiagnostics.length > 0 });
  }
  return { doc: parsed.doc, diagnostics, schemaFailed: schemaDiagnostics.length > 0 };
}

/** Rebuilds a file's outcome from its cache entry, for the file as it is named now. */
function fromCache(file: string, bytes: Uint8Array, entry: CachedFile, limits: LoadLimits): OneOutcome {
  return fromEntry(file, entry.ok ? decodeText(bytes) : "", entry, limits);
}

/** A file's outcome from what the cache or a worker kept of it, and its text. */
function fromEntry(file: string, text: string, entry: CachedFile, limits: LoadLimits): OneOutcome {
  const diagnostics = entry.diagnostics.map((d) => (d.at.file === file ? d : { ...d, at: { ...d.at, file } }));
  if (!entry.ok) return { diagnostics, schemaFailed: false };
  let doc: LoadedDoc;
  if (entry.nodes) {
    doc = fastDoc(file, text, { data: entry.data as Record<string, unknown>, nodes: entry.nodes });
  } else {
    // Parsed by `yaml` (outside the fast subset): positions come from parsing it again, once, when asked.
    let parsed: LoadedDoc | undefined;
    const locate: LoadedDoc["locate"] = (p, o) => {
      if (!parsed) {
        const again = loadYaml(file, new TextEncoder().encode(text), limits);
        if (!again.ok) return { file, line: 1, column: 1 };
        parsed = again.doc;
      }
      return parsed.locate(p, o);
    };
    doc = { file, data: entry.data, locate, text };
  }
  return { doc, diagnostics, schemaFailed: entry.schemaFailed ?? false };
}

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

/**
 * Reads every file. Synchronously: for thousands of small files one thread reading in a loop
 * beat 64 reads in flight through libuv's pool by about five times (docs/performance.md).
 */
function readAll(root: string, files: readonly DiscoveredFile[]): Array<Uint8Array | Error | undefined> {
  const out: Array<Uint8Array | Error | undefined> = new Array(files.length);
  for (let i = 0; i < files.length; i++) {
    try {
      out[i] = readFileSync(path.join(root, files[i]!.file));
    } catch (error) {
      out[i] = error as Error;
    }
  }
  return out;
}

function readError(file: string, detail: string): Diagnostic {
  return {
    ruleId: "parse",
    messageId: "readError",
    data: { detail },
    message: renderMessage(loaderMessages.readError, { detail }),
    severity: "error",
    at: { file, line: 1, column: 1 },
    docs: "docs/rules/parse.md",
  };
}
