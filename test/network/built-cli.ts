import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { BUILT_CLI } from "../docs/shell.js";

export interface BuiltRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built command line (dist/cli.js, what `npx claimcheck` runs) as a child process,
 * asynchronously: the fixture server answers from this process meanwhile. No colour, no CI
 * variables from the machine running the tests.
 */
export function runBuilt(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<BuiltRun> {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run "npm run build" first (npm test does)`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BUILT_CLI, ...args],
      { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, CI: undefined, ...env }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code: Number.isFinite(code) ? code : 1, stdout, stderr });
      },
    );
  });
}
