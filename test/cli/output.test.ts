import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyDataset, REPO_ROOT, runCli, scratchNullDevice } from "../helpers/cli.js";

/** Where reports go: `-` as standard output, -o/--output-file, a quiet closed pipe, partial runs. */
let dataset: Awaited<ReturnType<typeof copyDataset>>;
beforeEach(async () => {
  dataset = await copyDataset();
});
afterEach(async () => {
  await dataset.cleanup();
});

const CLAIM = "claims/rt-2025-space-cooperation/c01-bakanov-head-of-roscosmos.yaml";

describe("report destinations", () => {
  it('"-f json=-" prints the JSON report and writes no file named "-"', async () => {
    const dash = await runCli(["-f", "json=-"], dataset.dir);
    const plain = await runCli(["-f", "json"], dataset.dir);
    expect(dash.code).toBe(0);
    expect(JSON.parse(dash.stdout).schemaVersion).toBe(1);
    expect(dash.stdout).toBe(plain.stdout);
    expect(existsSync(path.join(dataset.dir, "-"))).toBe(false);
  });

  it("-o writes the first format's report to a file, and --output-file - to standard output", async () => {
    const printed = await runCli(["-f", "json"], dataset.dir);
    const run = await runCli(["-f", "json", "-f", "terminal", "-o", "out/result.json"], dataset.dir);
    expect(run.code).toBe(0);
    expect(await readFile(path.join(dataset.dir, "out/result.json"), "utf8")).toBe(printed.stdout);
    expect(run.stdout).toMatch(/all \d+ claims pass/);
    expect(run.stdout).not.toContain('"schemaVersion"');
    expect(run.stderr).toContain("reports written: out/result.json");
    const html = await runCli(["-f", "html", "--output-file", "-"], dataset.dir);
    expect(html.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(existsSync(path.join(dataset.dir, "reports/index.html"))).toBe(false);
  });

  it("-o without --format takes the first default format (the terminal report) and leaves the others in reports/", async () => {
    const run = await runCli(["-o", "terminal.txt"], dataset.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(await readFile(path.join(dataset.dir, "terminal.txt"), "utf8")).toMatch(/all \d+ claims pass/);
    expect(existsSync(path.join(dataset.dir, "reports/index.html"))).toBe(true);
  });

  it("-o and a format's own =file for the same report is a usage error", async () => {
    const run = await runCli(["-f", "json=a.json", "-o", "b.json"], dataset.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("both name where json goes");
    expect(existsSync(path.join(dataset.dir, "a.json")) || existsSync(path.join(dataset.dir, "b.json"))).toBe(false);
  });

  it("-o writes through a device, never replacing it", async () => {
    const sink = await scratchNullDevice();
    try {
      const run = await runCli(["-f", "json", "-o", sink.file], dataset.dir);
      expect(run.code).toBe(0);
      if (sink.isDevice) expect((await stat(sink.file)).isCharacterDevice()).toBe(true);
    } finally {
      await sink.cleanup();
    }
  });
});

describe("partial runs leave the full reports alone", () => {
  it("a run over one claim does not replace the full reports, says so, and --write-reports asks for them", async () => {
    const full = await runCli([], dataset.dir);
    expect(full.code).toBe(0);
    const html = path.join(dataset.dir, "reports/index.html");
    const before = await readFile(html, "utf8");
    expect(before).toMatch(/All \d+ claims pass/);

    const one = await runCli([CLAIM], dataset.dir);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("the claim passes");
    expect(one.stderr).toContain("reports not written (a partial run: claims chosen by path): reports/result.json, ");
    expect(one.stderr).toContain("reports/index.html");
    expect(one.stderr).toContain("--write-reports");
    expect(await readFile(html, "utf8")).toBe(before);

    const asked = await runCli([CLAIM, "--write-reports"], dataset.dir);
    expect(asked.code).toBe(0);
    expect(asked.stderr).toMatch(/reports written: reports\/result\.json, .*reports\/index\.html/);
    expect(await readFile(html, "utf8")).toContain("All 1 claim pass");
  });

  it("--shard and --changed are partial runs too; a format named on the command line is written", async () => {
    await runCli([], dataset.dir);
    const html = path.join(dataset.dir, "reports/index.html");
    const before = await readFile(html, "utf8");
    const shard = await runCli(["--shard", "1/2"], dataset.dir);
    expect(shard.stderr).toContain("a partial run: --shard");
    expect(await readFile(html, "utf8")).toBe(before);
    const named = await runCli(["--shard", "1/2", "-f", "html"], dataset.dir);
    expect(named.stderr).toContain("reports written: reports/index.html");
    expect(await readFile(html, "utf8")).not.toBe(before);
  });
});

describe("a reader that closes the pipe early", () => {
  it("claimcheck -f json | head -1: the run exits quietly, with no EPIPE trace", async () => {
    const cli = path.join(REPO_ROOT, "dist", "cli.js");
    expect(existsSync(cli), "npm run build first").toBe(true);
    const child = spawn(process.execPath, [cli, "-f", "json"], { cwd: dataset.dir, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let received = 0;
    // Like `head -1`: read the first piece, then close the reading end.
    child.stdout.once("data", (chunk: Buffer) => {
      received = chunk.length;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(received).toBeGreaterThan(0);
    // The report (about 370 kB) is larger than a pipe holds (64 kB), so the writer met the closed pipe.
    expect(received).toBeLessThan(300_000);
    expect(stderr).not.toContain("EPIPE");
    expect(stderr).not.toContain("Error");
    expect(code).toBe(0);
  });
});
