import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Vitest global setup: the whole run gets a temporary folder of its own, as TMPDIR, so every
 * test (and every process a test starts) makes its temporary files there. When the run ends,
 * any `claimcheck-*` entry still in it is a test that did not remove what it made: the run
 * fails, naming them. The folder is removed either way. Other runs on the machine, in
 * parallel, never disturb the count, since they use folders of their own.
 */
export function setup(): () => void {
  const outer = os.tmpdir();
  const run = mkdtempSync(path.join(outer, "claimcheck-test-run-"));
  const previous = { TMPDIR: process.env.TMPDIR, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
  process.env.TMPDIR = run;
  // The cache key (src/cache/cache-key.ts) of a run that names no other place stays in the run's folder too.
  process.env.XDG_CACHE_HOME = path.join(run, "cache-home");
  return () => {
    const left = readdirSync(run).filter((name) => name.startsWith("claimcheck-")).sort();
    rmSync(run, { recursive: true, force: true });
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (left.length > 0) {
      // Vitest reports an error thrown here but still exits 0; the exit code makes it fail the run.
      process.exitCode = 1;
      throw new Error(`tests left ${left.length} temporary folder${left.length === 1 ? "" : "s"} behind (a test must remove what it makes, also when it fails): ${left.join(", ")}`);
    }
  };
}
