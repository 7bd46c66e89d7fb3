import { readFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { fastNodes, loadYamlFast } from "./fast-load.js";
import type { LoadLimits } from "../options/limits.js";
import { validateDoc, type DocKind } from "../schema/validate.js";
import type { WorkerJob, WorkerResult } from "./load-project.js";

/**
 * A worker thread of loadProject: reads, parses and validates its share of the files and
 * sends back what the cache would keep (data, node table, diagnostics) and the text, in
 * batches, the node tables transferred rather than copied.
 */
const { root, limits, jobs } = workerData as { root: string; limits: LoadLimits; jobs: WorkerJob[] };
const BATCH = 256;
let batch: WorkerResult[] = [];
let transfer: ArrayBuffer[] = [];

for (const [index, file, kind] of jobs) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.join(root, file));
  } catch (error) {
    batch.push({ index, readError: (error as Error).message });
    continue;
  }
  const parsed = loadYamlFast(file, bytes, limits);
  if (!parsed.ok) {
    batch.push({ index, ok: false, diagnostics: parsed.diagnostics });
  } else {
    const schema = validateDoc(parsed.doc, kind as DocKind);
    const nodes = fastNodes(parsed.doc);
    if (nodes) transfer.push(nodes.buffer as ArrayBuffer);
    batch.push({
      index,
      ok: true,
      data: parsed.doc.data,
      nodes,
      text: parsed.doc.text,
      diagnostics: schema.length === 0 ? parsed.diagnostics : [...parsed.diagnostics, ...schema],
      schemaFailed: schema.length > 0,
    });
  }
  if (batch.length >= BATCH) {
    parentPort!.postMessage(batch, transfer);
    batch = [];
    transfer = [];
  }
}
parentPort!.postMessage(batch, transfer);
parentPort!.postMessage("done");
