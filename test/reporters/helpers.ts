import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pc from "picocolors";
import type { ReporterOptions } from "../../src/reporters/types.js";

/** What the CLI passes when colour is off. */
export const plainOptions = (): ReporterOptions => ({ colors: pc.createColors(false) });

const made: string[] = [];

/**
 * A fresh directory under the system's temp dir for one test's files. A test file that uses
 * it removes what it made with `afterAll(removeTempDirs)` (or removes the folder itself).
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `claimcheck-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every directory tempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Shuffles a copy with a seeded generator, so a failing order can be reproduced. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
