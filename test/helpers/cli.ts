import { spawnSync } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";

/** The repository root (where claims/ and sources/ of the project's own dataset live). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process in `cwd`, without colour, and captures what it prints. The cache's
 * key folder is the test run's own (test/helpers/temp-folders.ts), never the machine's home.
 */
export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    cwd,
    env: { NO_COLOR: "1", XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, ...env },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** Copies the project's own claims/ and sources/ into a fresh temporary folder. */
export async function copyDataset(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-dataset-"));
  await cp(path.join(REPO_ROOT, "claims"), path.join(dir, "claims"), { recursive: true });
  await cp(path.join(REPO_ROOT, "sources"), path.join(dir, "sources"), { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A null device made inside a fresh temporary folder (`mknod c 1 3`, which needs root, as
 * CI has), for tests that must write a report somewhere and never read it back. Tests never
 * name the machine's own /dev/null: as root, a rename over it would replace the device.
 * Without root it is a regular file in the same folder, and `isDevice` says so.
 */
export async function scratchNullDevice(): Promise<{ file: string; isDevice: boolean; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-null-"));
  const file = path.join(dir, "null");
  const made = spawnSync("mknod", ["-m", "666", file, "c", "1", "3"], { stdio: "ignore" });
  return { file, isDevice: made.status === 0, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
