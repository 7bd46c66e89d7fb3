import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { datasetFiles, makeRepo, type TempRepo } from "./repo.js";

let repo: TempRepo | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
  if (scratch) await rm(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** Runs the check with CLAIMCHECK_TIMING and returns how many files it parsed. */
async function filesParsed(r: TempRepo, argv: string[]): Promise<number> {
  scratch ??= await mkdtemp(path.join(os.tmpdir(), "claimcheck-timing-"));
  const timing = path.join(scratch, `timing-${argv.length}.json`);
  const run = await runCli([...argv, "--format", "json"], r.dir, { CLAIMCHECK_TIMING: timing });
  if (run.code === 2) throw new Error(run.stderr);
  return (JSON.parse(await readFile(timing, "utf8")) as Record<string, number>)["files parsed"] ?? 0;
}

describe("--changed loads the project once", () => {
  const yamlFiles = Object.keys(datasetFiles()).filter((f) => /\.ya?ml$/.test(f)).length;

  it("parses every file of the working tree once, and nothing else when nothing changed", async () => {
    repo = await makeRepo();
    expect(await filesParsed(repo, [])).toBe(yamlFiles);
    expect(await filesParsed(repo, ["--changed", "main"])).toBe(yamlFiles);
  });

  it("parses a changed file's base version besides, once", async () => {
    repo = await makeRepo();
    const file = path.join(repo.dir, "sources/s1.yaml");
    await repo.write("sources/s1.yaml", `${await readFile(file, "utf8")}note: re-read on a later day\n`);
    // The working tree once, and the base commit's sources/s1.yaml: never the working tree again.
    expect(await filesParsed(repo, ["--changed", "main"])).toBe(yamlFiles + 1);
  });
});
