import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/model/result.js";
import { REPO_ROOT } from "../helpers/cli.js";

const run = promisify(execFile);

/** Runs a command in a folder; resolves to its exit code and output, whatever the code. */
async function sh(cwd: string, command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("a new project from the packed tarball", () => {
  // npm pack and npm install take tens of seconds on a shared machine; nothing here is timed.
  it(
    "npm i <tarball> && claimcheck init && claimcheck new article && claimcheck: green, with no hash written by hand",
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-packed-"));
      try {
        // --ignore-scripts: the suite has built dist/ already, and other tests are using it.
        const packed = await sh(REPO_ROOT, "npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir]);
        expect(packed.code, packed.stderr).toBe(0);
        const tarball = path.join(dir, (await readdir(dir)).find((f) => f.endsWith(".tgz"))!);
        const project = path.join(dir, "fact-check");
        await mkdir(path.join(project, ".git"), { recursive: true });
        await writeFile(path.join(project, "package.json"), `${JSON.stringify({ name: "fact-check", private: true }, null, 2)}\n`);
        // Dependencies come from npm's cache where it has them.
        const installed = await sh(project, "npm", ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", tarball]);
        expect(installed.code, installed.stderr).toBe(0);

        const init = await sh(project, "npx", ["claimcheck", "init"]);
        expect(init.code, init.stderr).toBe(0);
        expect(init.stdout).toContain("created .github/workflows/claimcheck.yml");
        // package.json lists claimcheck now, so init has nothing to say about npm ci.
        expect(init.stderr).toBe("");

        const text = "Agencies meet again\nThe heads of two space agencies met in Houston on Thursday. They spoke for an hour.\n";
        await writeFile(path.join(dir, "article.txt"), text);
        const article = await sh(project, "npx", ["claimcheck", "new", "article", "--url", "https://example.org/news/agencies-meet", "--snapshot", path.join(dir, "article.txt"), "--published", "2025-08-02"]);
        expect(article.code, article.stderr).toBe(0);
        const record = await readFile(path.join(project, "sources", "example-org-agencies-meet.yaml"), "utf8");
        expect(record).toMatch(/^ {2}sha256: [0-9a-f]{64}$/m);
        // The modelines point into the installed package.
        expect(record.split("\n")[0]).toBe("# yaml-language-server: $schema=../node_modules/claimcheck/schema/source.schema.json");
        expect(existsSync(path.join(project, "node_modules", "claimcheck", "schema", "source.schema.json"))).toBe(true);

        // From the article's folder, as a contributor would: the project is found upwards.
        const check = await sh(path.join(project, "claims", "example-org-agencies-meet"), "npx", ["claimcheck", "--format", "json"]);
        expect(check.code, check.stderr).toBe(0);
        const result = JSON.parse(check.stdout) as RunResult;
        expect(result.summary.errors).toBe(0);
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        // The article's record and its snapshot were read, not skipped.
        expect(result.summary.files).toBeGreaterThanOrEqual(3);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
