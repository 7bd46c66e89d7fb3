import { writeFileSync } from "node:fs";

/**
 * Milliseconds spent per phase of a run (discover, read, parse, validate, cache, index, rules,
 * result, report), and how many files were parsed ("files parsed": a count, so a test can see
 * that a run parses each file once). Filled in only when asked for (`CLAIMCHECK_TIMING`), for
 * the benchmark.
 */
export type PhaseTimes = Record<string, number>;

export function addTime(timing: PhaseTimes | undefined, phase: string, ms: number): void {
  if (timing) timing[phase] = (timing[phase] ?? 0) + ms;
}

/** Adds to a count kept beside the phase times. */
export function addCount(timing: PhaseTimes | undefined, name: string, n: number): void {
  if (timing) timing[name] = (timing[name] ?? 0) + n;
}

/** Runs fn and adds its time to the phase. */
export async function timed<T>(timing: PhaseTimes | undefined, phase: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    addTime(timing, phase, performance.now() - started);
  }
}

export function timedSync<T>(timing: PhaseTimes | undefined, phase: string, fn: () => T): T {
  const started = performance.now();
  try {
    return fn();
  } finally {
    addTime(timing, phase, performance.now() - started);
  }
}

/** Writes the phase times as JSON to the file `CLAIMCHECK_TIMING` names, for bench/run.mjs. */
export function writeTiming(file: string, timing: PhaseTimes): void {
  const rounded = Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round(v * 10) / 10]));
  writeFileSync(file, `${JSON.stringify(rounded)}\n`);
}
