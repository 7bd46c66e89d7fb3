import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyDataset, REPO_ROOT, runCli } from "./helpers/cli.js";

/** The text between two markers of the README, without its code fence. */
async function block(name: string): Promise<string> {
  const readme = await readFile(path.join(REPO_ROOT, "README.md"), "utf8");
  const match = new RegExp(`<!-- ${name}:start -->\\n\`\`\`text\\n([\\s\\S]*?)\`\`\`\\n<!-- ${name}:end -->`).exec(readme);
  if (!match) throw new Error(`README has no ${name} block`);
  return match[1]!;
}

describe("README", () => {
  it("shows the main job's real output", async () => {
    const run = await runCli([], REPO_ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await block("main-output"));
  });

  it("shows a real finding for a changed quote", async () => {
    const { dir, cleanup } = await copyDataset();
    try {
      const file = path.join(dir, "claims/rt-2025-space-cooperation/c04-first-heads-meeting-since-2018.yaml");
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace("took place in October 2018", "took place in November 2018"));
      const run = await runCli([], dir);
      expect(run.code).toBe(1);
      const shown = await block("broken-output");
      expect(run.stdout).toContain(shown);
    } finally {
      await cleanup();
    }
  });
});
