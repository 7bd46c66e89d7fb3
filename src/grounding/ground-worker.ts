/**
 * The thread that grounds a large project's facts while the rules' thread evaluates claims
 * (src/grounding/off-thread.ts). It answers once, on the port it was given, then raises the
 * shared flag the rules' thread waits on.
 */
import { workerData, type MessagePort } from "node:worker_threads";
import { groundSources, type GroundingInput } from "./ground-sources.js";

const { input, port, signal } = workerData as { input: GroundingInput; port: MessagePort; signal: SharedArrayBuffer };
try {
  port.postMessage({ findings: groundSources(input) });
} catch (error) {
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  const flag = new Int32Array(signal);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
