// Where a run's memory goes: `node --expose-gc bench/memory.mjs <corpus-dir> <scratch-dir>`.
// Runs the check in one process through the built modules and prints, as JSON, the live
// heap after a full collection at each stage (loaded files; rules and index; the result's
// head and digests; after writing JSON, HTML and SARIF from the stream) and the peak RSS
// sampled while the reports are written. Used by bench/run.mjs; docs/performance.md.
import path from "node:path";
import pc from "picocolors";
import { loadRepository } from "../dist/load/load-files.js";
import { runRules } from "../dist/engine/run.js";
import { assembleStream } from "../dist/engine/result.js";
import { writeOutputs } from "../dist/cli/output.js";
import { baseOptions } from "../dist/options/run-options.js";

const [root, scratch] = process.argv.slice(2);
const mb = (bytes) => Math.round(bytes / 2 ** 20);
const live = () => {
  globalThis.gc();
  return mb(process.memoryUsage().heapUsed + process.memoryUsage().external);
};
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const stages = { start: live() };
const options = baseOptions(root);
const loaded = await loadRepository(options);
stages.loaded = live();
const outcome = runRules(loaded, options);
stages.rules = live();
const doc = assembleStream(loaded, outcome, options);
stages.head = live();
const rssBeforeWriting = process.memoryUsage().rss;
peak = rssBeforeWriting;
const formats = ["json", "html", "sarif"].map((name) => ({ name, file: { shown: path.join(scratch, `memory.${name}`), format: name, from: "command-line" } }));
const io = { cwd: scratch, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false };
await writeOutputs(doc, formats, root, pc.createColors(false), io, false);
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(sampler);
stages.written = live();
process.stdout.write(`${JSON.stringify({ liveMb: stages, rssBeforeWritingMb: mb(rssBeforeWriting), peakRssWhileWritingMb: mb(peak) })}\n`);
