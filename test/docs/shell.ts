import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../helpers/cli.js";

/** The built command line: what `npx claimcheck` runs once the package is installed. */
export const BUILT_CLI = path.join(REPO_ROOT, "dist/cli.js");

export interface ShellRun {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

/** A documented command, with `npx claimcheck` replaced by the repository's built command line. */
export function withBuiltCli(command: string): string {
  return command.replace(/\bnpx claimcheck\b/g, `node ${JSON.stringify(BUILT_CLI)}`);
}

/**
 * Runs a documented shell command (bash, as a reader would paste it) in `cwd`, with
 * `npx claimcheck` standing for the built command line. Needs `npm run build` first
 * (`npm test` does it).
 */
export function runShell(command: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ShellRun> {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run "npm run build" first (npm test does)`);
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["-e", "-o", "pipefail", "-c", withBuiltCli(command)],
      { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, ...env }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ command, code: Number.isFinite(code) ? code : 1, stdout, stderr });
      },
    );
  });
}
