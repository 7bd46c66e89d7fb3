import { readFileSync } from "node:fs";
import path from "node:path";
import type { DiscoveredFile } from "../engine/discover.js";
import type { LoadedFile } from "../engine/load-files.js";
import type { RunOptions } from "../engine/options.js";
import { readSnapshot } from "../engine/snapshot.js";
import type { LoadedDoc } from "../load/document.js";
import { fastDoc, fastNodes, loadYamlFast } from "../load/fast-load.js";
import type { LoadLimits } from "../load/limits.js";
import { loaderMessages } from "../load/messages.js";
import { loadYaml } from "../load/yaml-load.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { ValidDoc } from "../project/build.js";
import type { SourceRecord } from "../project/types.js";
import { validateDoc, type DocKind } from "../schema/validate.js";
import type { CachedFile, FileCache } from "./file-cache.js";
import { addTime, type PhaseTimes } from "./timing.js";

const KIND_OF_ROLE: Record<DiscoveredFile["role"], DocKind> = {
  claim: "claim",
  article: "article",
  source: "source",
  entities: "entities",
};

/**
 * Reads, parses and validates every discovered file — what engine/load-files.ts does for one
 * file, done for all of them in phases (read everything, then parse and validate), through
 * the fast parser, and through the cache when one is given. The outcome for each file is the
 * same as loadFile's; test/cache and test/load check that.
 */
export async function loadProject(
  files: readonly DiscoveredFile[],
  options: Pick<RunOptions, "root" | "limits">,
  cache?: FileCache,
  timing?: PhaseTimes,
): Promise<LoadedFile[]> {
  const { root, limits } = options;
  let started = performance.now();
  const contents = readAll(root, files);
  addTime(timing, "read", performance.now() - started);

  const loaded: LoadedFile[] = new Array(files.length);
  const pendingSnapshots: Array<Promise<void>> = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const bytes = contents[i]!;
    if (bytes instanceof Error) {
      loaded[i] = { file, diagnostics: [readError(file.file, bytes.message)] };
      continue;
    }
    contents[i] = undefined; // let the bytes go once used
    const kind = KIND_OF_ROLE[file.role];
    const outcome = loadOne(file.file, kind, bytes, limits, cache, timing);
    const { doc, diagnostics, schemaFailed } = outcome;
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
        const snapshotPath = (doc.data as SourceRecord).snapshot?.path;
        if (snapshotPath !== undefined) {
          pendingSnapshots.push(
            readSnapshot(root, file.file, snapshotPath).then((snapshot) => {
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
  const diagnostics = entry.diagnostics.map((d) => (d.at.file === file ? d : { ...d, at: { ...d.at, file } }));
  if (!entry.ok) return { diagnostics, schemaFailed: false };
  const text = decodeText(bytes);
  let doc: LoadedDoc;
  if (entry.nodes) {
    doc = fastDoc(file, text, { data: entry.data as Record<string, unknown>, nodes: entry.nodes });
  } else {
    // Parsed by `yaml` (outside the fast subset): positions come from parsing it again, once, when asked.
    let parsed: LoadedDoc | undefined;
    const locate: LoadedDoc["locate"] = (p, o) => {
      if (!parsed) {
        const again = loadYaml(file, bytes, limits);
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
    message: loaderMessages.readError.replace("{detail}", detail),
    severity: "error",
    at: { file, line: 1, column: 1 },
    docs: "docs/rules/parse.md",
  };
}
