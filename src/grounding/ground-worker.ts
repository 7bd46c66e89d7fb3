/**
 * The thread that grounds a large project's facts while the rules' thread evaluates claims
 * (src/grounding/off-thread.ts). It raises the shared flag to "started" before it loads
 * anything, answers once on the port it was given, then raises the flag to "done": whatever
 * happens after it starts, the rules' thread is not left waiting on a thread that failed.
 */
import { workerData, type MessagePort } from "node:worker_threads";
import type { GroundingInput } from "./ground-sources.js";
import { FLAG_DONE, FLAG_STARTED } from "./flags.js";

const { input, port, signal } = workerData as { input: GroundingInput; port: MessagePort; signal: SharedArrayBuffer };
const flag = new Int32Array(signal);
Atomics.store(flag, 0, FLAG_STARTED);
Atomics.notify(flag, 0);
try {
  const { groundSources } = await import("./ground-sources.js");
  port.postMessage({ findings: groundSources(input) });
} catch (error) {
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  Atomics.store(flag, 0, FLAG_DONE);
  Atomics.notify(flag, 0);
}
