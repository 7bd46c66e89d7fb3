import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { baseOptions } from "../../src/options/run-options.js";
import { runCheck } from "../../src/engine/run.js";
import type { RunResult } from "../../src/model/result.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** A fixed "today" so fixtures never change meaning with the calendar. */
export const FIXTURE_TODAY = { year: 2026, month: 1, day: 15, precision: "day" as const };

/** One expected finding, written in a fixture as `# expect: rule-id` (this line) or `# expect: rule-id@+1` (next line). */
export interface Expectation {
  file: string;
  line: number;
  ruleId: string;
}

const MARKER = /#\s*expect:\s*([a-z0-9@+,\s-]+)$/;

/** Reads every `# expect:` marker in the YAML files of a tree. */
export async function readExpectations(dir: string): Promise<Expectation[]> {
  const out: Expectation[] = [];
  for (const file of await listFiles(dir)) {
    if (!/\.ya?ml$/.test(file)) continue;
    const lines = (await readFile(path.join(dir, file), "utf8")).split(/\r?\n/);
    lines.forEach((text, i) => {
      const match = MARKER.exec(text);
      if (!match) return;
      for (const item of match[1]!.split(",").map((s) => s.trim()).filter(Boolean)) {
        const [ruleId, offset] = item.split("@") as [string, string | undefined];
        const line = offset === undefined ? i + 1 : offset.startsWith("+") || offset.startsWith("-") ? i + 1 + Number(offset) : Number(offset);
        out.push({ file, line, ruleId });
      }
    });
  }
  return out;
}

export async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)));
    else out.push(relative);
  }
  return out.sort();
}

/**
 * Lays the base project and a case's files over it in a temporary folder. A case may list
 * base files to delete in a file named `remove.txt`.
 */
export async function layCase(caseDir: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-fixture-"));
  await cp(path.join(FIXTURES, "_base"), dir, { recursive: true });
  await cp(caseDir, dir, { recursive: true, filter: (src) => path.basename(src) !== "remove.txt" });
  const removeList = path.join(caseDir, "remove.txt");
  const removals = await readFile(removeList, "utf8").catch(() => "");
  for (const line of removals.split("\n").map((l) => l.trim()).filter(Boolean)) {
    await rm(path.join(dir, line), { force: true, recursive: true });
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Checks a laid-out project with the CLI's defaults and a fixed today. */
export async function checkTree(dir: string): Promise<RunResult> {
  return runCheck({ ...baseOptions(dir), today: FIXTURE_TODAY });
}
