/**
 * The README's capture walkthrough cannot be run here (it fetches real pages), but its
 * commands can be checked: each takes only flags its command knows, so a reader who pastes it
 * gets what the README says, not a usage error.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/cli.js";

describe("README: Evidence you can re-verify", () => {
  it("shows claimcheck commands whose flags exist", async () => {
    const readme = await readFile(path.join(REPO_ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Evidence you can re-verify"));
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    const commands = block
      .split("\n")
      .map((line) => line.replace(/#.*$/, "").trim())
      .filter((line) => line.startsWith("npx claimcheck"));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) {
      const argv = command.split(/\s+/).slice(2);
      const run = await runCli([...argv, "--help"], REPO_ROOT);
      expect(run.stderr, command).toBe("");
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(/^claimcheck/);
    }
  });
});
