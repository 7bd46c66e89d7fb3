import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { ProjectIndex } from "../project/types.js";
import { FLAG_DONE, FLAG_STARTED, FLAG_WAITING } from "./flags.js";
import { groundingInput, type GroundingFinding } from "./ground-sources.js";

/**
 * Grounding on a thread of its own. fact-grounded reads every excerpt of a project (a few
 * hundred milliseconds at 10,000 claims) and depends on nothing the rules work out, so on a
 * large project it runs beside the evaluation of the claims: started once the index is built,
 * collected when the rule's turn comes. The rules stay synchronous: collecting waits on a
 * shared flag and then takes the answer off the port at once (Atomics.wait, receiveMessageOnPort).
 * A small project grounds on the rules' thread: a thread costs more to start than it saves.
 * So does a machine with one core, and a run from the TypeScript sources (the tests), where the
 * compiled thread script does not exist. CLAIMCHECK_WORKERS=0 or 1 turns the thread off or on
 * whatever the size, as it does the loading thread's (src/load/load-project.ts).
 */

/** Fewer facts than this are grounded on the rules' thread. */
export const OFF_THREAD_MIN_FACTS = 2_000;

/** How long a thread may take to start, and then to answer, before the rule grounds the facts itself. */
const START_MS = 10_000;
const ANSWER_MS = 120_000;

const WORKER_SCRIPT = new URL("./ground-worker.js", import.meta.url);

/** What tests may change: the size from which a thread is used, its script, how long to wait. */
export interface GroundingThreadOptions {
  minFacts?: number;
  script?: URL;
  startMs?: number;
  answerMs?: number;
}

/**
 * Starts grounding the index's facts on another thread. Returns how to collect the findings
 * (the same as groundSources gives, in the same order; undefined when the thread gave no
 * answer, so the caller grounds them itself), or undefined when the project is too small to
 * be worth a thread.
 */
export function startGrounding(index: ProjectIndex, options: GroundingThreadOptions = {}): (() => GroundingFinding[] | undefined) | undefined {
  const { minFacts = OFF_THREAD_MIN_FACTS, script = WORKER_SCRIPT, startMs = START_MS, answerMs = ANSWER_MS } = options;
  let facts = 0;
  for (const source of index.sourceList) facts += source.facts.length;
  const forced = process.env.CLAIMCHECK_WORKERS;
  if (forced === "0" || facts === 0) return undefined;
  if (forced !== "1" && (facts < minFacts || availableParallelism() < 2)) return undefined;
  if (!existsSync(fileURLToPath(script))) return undefined;
  const signal = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { input: groundingInput(index), port: port2, signal }, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  worker.unref();
  // A thread that fails before it starts leaves the flag down: the wait for it to start gives up.
  worker.on("error", () => undefined);
  let answer: { findings?: GroundingFinding[]; error?: string } | undefined;
  let collected = false;
  return () => {
    if (!collected) {
      collected = true;
      const flag = new Int32Array(signal);
      Atomics.wait(flag, 0, FLAG_WAITING, startMs);
      if (Atomics.load(flag, 0) === FLAG_STARTED) Atomics.wait(flag, 0, FLAG_STARTED, answerMs);
      answer = Atomics.load(flag, 0) === FLAG_DONE ? (receiveMessageOnPort(port1)?.message as typeof answer) : undefined;
      port1.close();
      void worker.terminate();
    }
    if (answer?.error !== undefined) throw new Error(`grounding failed on its thread: ${answer.error}`);
    return answer?.findings;
  };
}
