import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pc from "picocolors";
import { afterEach, describe, expect, it } from "vitest";
import { baseOptions } from "../../src/options/run-options.js";
import { describeResultChanges, watchClaims } from "../../src/cli/commands/watch.js";
import { applyConfig } from "../../src/config/apply.js";
import { loadConfig } from "../../src/config/load-config.js";
import type { RunOptions } from "../../src/options/run-options.js";
import { runCheck } from "../../src/engine/run.js";
import { datasetFiles } from "../git/repo.js";

const plain = pc.createColors(false);
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDataset(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-watch-"));
  dirs.push(dir);
  for (const [file, content] of Object.entries(datasetFiles())) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

async function edit(dir: string, file: string, from: string, to: string): Promise<void> {
  const full = path.join(dir, file);
  const text = await readFile(full, "utf8");
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  await writeFile(full, text.replace(from, to));
}

describe("describeResultChanges", () => {
  it("says only what changed: a claim that broke, then was fixed; other files; no change", async () => {
    const dir = await tempDataset();
    const options = baseOptions(dir);
    const green = await runCheck(options);
    expect(describeResultChanges(green, green, plain)).toBe("no change in the result\n");

    await edit(dir, "claims/demo/c1.yaml", "quote: Alpha and Beta met in 2020.", "quote: Alpha and Beta met in 2019.");
    const red = await runCheck(options);
    const broke = describeResultChanges(green, red, plain);
    expect(broke).toContain("✖ c1  fail (supported)  (was pass (supported))");
    expect(broke).toMatch(/\+ claims\/demo\/c1\.yaml:\d+:\d+ {2}error {2}quote not found in source "s1"/);
    expect(broke).not.toContain("c2");
    expect(broke).toContain("now 4 claims: 3 passed, 1 failed; 1 error, 0 warnings");

    const fixed = describeResultChanges(red, green, plain);
    expect(fixed).toContain("✔ c1  pass (supported)  (was fail (supported))");
    expect(fixed).toMatch(/- claims\/demo\/c1\.yaml:\d+:\d+ .* \(gone\)/);

    await edit(dir, "sources/s3.yaml", 'archive-URL: https://web.archive.org/web/2023/https://example.org/s3\n', "");
    const warned = await runCheck(options);
    const other = describeResultChanges(green, warned, plain);
    expect(other).toContain("other files\n    + sources/s3.yaml:");
    expect(other).toContain("archive-url");
  });

  it("reports new and removed claims", async () => {
    const dir = await tempDataset();
    const before = await runCheck(baseOptions(dir));
    await rm(path.join(dir, "claims/demo/c4.yaml"));
    await writeFile(path.join(dir, "claims/demo/c5.yaml"), (await readFile(path.join(dir, "claims/demo/c1.yaml"), "utf8")).replace("id: c1", "id: c5"));
    const text = describeResultChanges(before, await runCheck(baseOptions(dir)), plain);
    expect(text).toContain("✔ c5  pass (supported)  (new)");
    expect(text).toContain("- c4  removed (claims/demo/c4.yaml)");
  });
});

/** Starts a watcher in-process; `until` waits for printed text to match. */
function startWatch(makeOptions: () => Promise<RunOptions>, extraFiles: string[] = []) {
  let printed = "";
  const controller = new AbortController();
  const done = watchClaims({
    makeOptions,
    extraFiles,
    print: (text) => void (printed += text),
    colors: plain,
    signal: controller.signal,
    debounceMs: 80,
  });
  return {
    /** Waits until the text printed since the last call matches, and returns it. */
    async until(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(printed)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; printed:\n${printed}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const text = printed;
      printed = "";
      return text;
    },
    async stop(): Promise<void> {
      controller.abort();
      await done;
    },
  };
}

describe("watchClaims", () => {
  it("prints the full report, then only what changed after each edit, and stops on abort", async () => {
    const dir = await tempDataset();
    const watcher = startWatch(async () => baseOptions(dir));
    const first = await watcher.until(/watching for changes/);
    expect(first).toContain("✔ all 4 claims pass");

    await edit(dir, "claims/demo/c1.yaml", "quote: Alpha and Beta met in 2020.", "quote: Alpha and Beta met in 2019.");
    const reprint = await watcher.until(/now 4 claims/);
    expect(reprint).toContain("── change in claims/demo/c1.yaml");
    expect(reprint).toContain("✖ c1  fail (supported)  (was pass (supported))");
    expect(reprint).toContain("quote-found");
    expect(reprint).not.toMatch(/c2|c3|c4/);

    await edit(dir, "sources/s1.yaml", "Alpha and Beta met in 2020.", "Alpha and Beta met in 2019.");
    const bySource = await watcher.until(/✖ c3/);
    expect(bySource).toContain("── change in sources/s1.yaml");
    // c1 now finds its quote; c3 quotes "met in 2020", which s1 no longer says.
    expect(bySource).toContain("✔ c1  pass");
    expect(bySource).not.toMatch(/c2|c4/);
    await watcher.stop();
  });

  it("re-reads the configuration file when it changes, and keeps watching past a broken one", async () => {
    const dir = await tempDataset();
    const configFile = path.join(dir, "claimcheck.config.yaml");
    await writeFile(configFile, "rules:\n  archive-url: warn\n");
    const watcher = startWatch(async () => applyConfig(baseOptions(dir), (await loadConfig({ root: dir, cwd: dir }))?.data), [configFile]);
    await watcher.until(/watching for changes/);

    await edit(dir, "sources/s3.yaml", "archive-URL: https://web.archive.org/web/2023/https://example.org/s3\n", "");
    expect(await watcher.until(/archive-url/)).toMatch(/\+ sources\/s3\.yaml:.*warning/);

    await writeFile(configFile, "rules:\n  archive-url: off\n");
    const off = await watcher.until(/\(gone\)/);
    expect(off).toContain("── change in claimcheck.config.yaml");
    expect(off).toMatch(/- sources\/s3\.yaml:.*archive-url/);

    await writeFile(configFile, "rules:\n  archive-ur: off\n");
    expect(await watcher.until(/unknown rule/)).toContain('unknown rule "archive-ur" — did you mean "archive-url"?');
    await writeFile(configFile, "rules:\n  archive-url: warn\n");
    expect(await watcher.until(/archive-url/)).toMatch(/\+ sources\/s3\.yaml:.*warning/);
    await watcher.stop();
  });
});

describe("claimcheck --watch", () => {
  it("refuses --format and --changed, which a watch cannot honour", async () => {
    const { runCli } = await import("../helpers/cli.js");
    const dir = await tempDataset();
    const run = await runCli(["--watch", "--format", "json"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--watch prints to the terminal; it takes neither --changed nor --format");
  });
});

describe("claimcheck --watch as a process", () => {
  it("watches until Ctrl-C (SIGINT), then exits 0", async () => {
    const { spawn } = await import("node:child_process");
    const { BUILT_CLI } = await import("../docs/shell.js");
    const dir = await tempDataset();
    const child = spawn(process.execPath, [BUILT_CLI, "--watch"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => void (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const until = async (pattern: RegExp) => {
      const deadline = Date.now() + 15_000;
      while (!pattern.test(out)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    try {
      await until(/watching for changes/);
      await edit(dir, "claims/demo/c2.yaml", "quote: Beta and Gamma met in 2021.", "quote: Beta and Gamma met in 2022.");
      await until(/✖ c2 {2}fail/);
      expect(out).toContain("── change in claims/demo/c2.yaml");
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
