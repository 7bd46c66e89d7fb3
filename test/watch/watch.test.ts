import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pc from "picocolors";
import { afterEach, describe, expect, it } from "vitest";
import { baseOptions } from "../../src/options/run-options.js";
import { describeResultChanges, watchClaims, watchScope, type WatchOptions } from "../../src/cli/commands/watch.js";
import { applyConfig } from "../../src/config/apply.js";
import { loadConfig } from "../../src/config/load-config.js";
import type { RunOptions } from "../../src/options/run-options.js";
import type { RunResult } from "../../src/model/result.js";
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

interface WatchRun {
  /** The changed files that started the run (relative, sorted); empty for the first. */
  changed: string[];
  /** What the run printed. */
  printed: string;
  result?: RunResult;
}

/**
 * Starts a watcher in-process. `nextRun` waits for the watcher's own "run done" signal
 * (onRun), never for a fixed time: runs are queued as they finish, so none is missed.
 */
function startWatch(makeOptions: () => Promise<RunOptions>, extra: { extraFiles?: string[]; select?: WatchOptions["select"]; quiet?: boolean } = {}) {
  let printed = "";
  const finished: WatchRun[] = [];
  const waiting: Array<(run: WatchRun) => void> = [];
  const controller = new AbortController();
  const done = watchClaims({
    makeOptions,
    ...extra,
    print: (text) => void (printed += text),
    colors: plain,
    signal: controller.signal,
    onRun: ({ result, changed }) => {
      const run = { changed, printed, ...(result ? { result } : {}) };
      printed = "";
      const waiter = waiting.shift();
      if (waiter) waiter(run);
      else finished.push(run);
    },
  });
  let runs = 0;
  return {
    /** How many runs have finished (the first included). */
    get runs() {
      return runs;
    },
    /** The next finished run, within a bounded time. */
    nextRun(timeoutMs = 15_000): Promise<WatchRun> {
      const ready = finished.shift();
      if (ready) {
        runs++;
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no run finished within ${timeoutMs} ms; printed so far:\n${printed}`)), timeoutMs);
        waiting.push((run) => {
          clearTimeout(timer);
          runs++;
          resolve(run);
        });
      });
    },
    async stop(): Promise<void> {
      controller.abort();
      await done;
      expect(finished, "runs nobody waited for").toEqual([]);
    },
  };
}

describe("watchClaims", () => {
  it("prints the full report, then only what changed after each edit, and stops on abort", async () => {
    const dir = await tempDataset();
    const watcher = startWatch(async () => baseOptions(dir));
    const first = await watcher.nextRun();
    expect(first.printed).toContain("✔ all 4 claims pass");
    expect(first.printed).toContain("watching for changes");

    await edit(dir, "claims/demo/c1.yaml", "quote: Alpha and Beta met in 2020.", "quote: Alpha and Beta met in 2019.");
    const reprint = await watcher.nextRun();
    expect(reprint.changed).toEqual(["claims/demo/c1.yaml"]);
    expect(reprint.printed).toContain("── change in claims/demo/c1.yaml");
    expect(reprint.printed).toContain("✖ c1  fail (supported)  (was pass (supported))");
    expect(reprint.printed).toContain("quote-found");
    expect(reprint.printed).not.toMatch(/c2|c3|c4/);
    expect(reprint.printed).toContain("now 4 claims");

    await edit(dir, "sources/s1.yaml", "Alpha and Beta met in 2020.", "Alpha and Beta met in 2019.");
    const bySource = await watcher.nextRun();
    expect(bySource.printed).toContain("── change in sources/s1.yaml (2 claims depend on it)");
    // c1 now finds its quote; c3 quotes "met in 2020", which s1 no longer says.
    expect(bySource.printed).toContain("✔ c1  pass");
    expect(bySource.printed).toContain("✖ c3");
    expect(bySource.printed).not.toMatch(/c2|c4/);
    await watcher.stop();
  });

  it("re-reads the configuration file when it changes, and keeps watching past a broken one", async () => {
    const dir = await tempDataset();
    const configFile = path.join(dir, "claimcheck.config.yaml");
    await writeFile(configFile, "rules:\n  archive-url: warn\n");
    const watcher = startWatch(async () => applyConfig(baseOptions(dir), (await loadConfig({ root: dir, cwd: dir }))?.data), { extraFiles: [configFile] });
    await watcher.nextRun();

    await edit(dir, "sources/s3.yaml", "archive-URL: https://web.archive.org/web/2023/https://example.org/s3\n", "");
    expect((await watcher.nextRun()).printed).toMatch(/\+ sources\/s3\.yaml:.*warning.*archive-url/);

    await writeFile(configFile, "rules:\n  archive-url: off\n");
    const off = await watcher.nextRun();
    expect(off.printed).toContain("── change in claimcheck.config.yaml");
    expect(off.printed).toMatch(/- sources\/s3\.yaml:.*archive-url.*\(gone\)/);

    await writeFile(configFile, "rules:\n  archive-ur: off\n");
    const broken = await watcher.nextRun();
    expect(broken.result).toBeUndefined();
    expect(broken.printed).toContain('unknown rule "archive-ur" — did you mean "archive-url"?');
    await writeFile(configFile, "rules:\n  archive-url: warn\n");
    expect((await watcher.nextRun()).printed).toMatch(/\+ sources\/s3\.yaml:.*warning/);
    await watcher.stop();
  });

  it("keeps seeing a file after an editor saves it by writing a temporary file and renaming it over", async () => {
    const dir = await tempDataset();
    const watcher = startWatch(async () => baseOptions(dir));
    await watcher.nextRun();
    const file = path.join(dir, "claims/demo/c1.yaml");
    const original = await readFile(file, "utf8");
    const saveByRename = async (text: string) => {
      const temporary = path.join(dir, "claims/demo/.c1.yaml.swp");
      await writeFile(temporary, text);
      await rename(temporary, file);
    };

    await saveByRename(original.replace("met in 2020.", "met in 2019."));
    const renamed = await watcher.nextRun();
    expect(renamed.changed).toEqual(["claims/demo/c1.yaml"]);
    expect(renamed.printed).toContain("✖ c1  fail");
    // The old fs.watch lost the file here: every later change went unseen.
    await writeFile(file, original);
    const inPlace = await watcher.nextRun();
    expect(inPlace.changed).toEqual(["claims/demo/c1.yaml"]);
    expect(inPlace.printed).toContain("✔ c1  pass");
    await saveByRename(original.replace("met in 2020.", "met in 2018."));
    expect((await watcher.nextRun()).printed).toContain("✖ c1  fail");
    await saveByRename(original);
    expect((await watcher.nextRun()).printed).toContain("✔ c1  pass");
    await watcher.stop();
  });

  it("sees new, deleted and renamed files, and new folders", async () => {
    const dir = await tempDataset();
    const watcher = startWatch(async () => baseOptions(dir));
    await watcher.nextRun();
    const c1 = await readFile(path.join(dir, "claims/demo/c1.yaml"), "utf8");

    await writeFile(path.join(dir, "claims/demo/c5.yaml"), c1.replace("id: c1", "id: c5"));
    const added = await watcher.nextRun();
    expect(added.changed).toEqual(["claims/demo/c5.yaml"]);
    expect(added.printed).toContain("✔ c5  pass (supported)  (new)");

    await rm(path.join(dir, "claims/demo/c4.yaml"));
    const deleted = await watcher.nextRun();
    expect(deleted.changed).toEqual(["claims/demo/c4.yaml"]);
    expect(deleted.printed).toContain("- c4  removed (claims/demo/c4.yaml)");

    await rename(path.join(dir, "claims/demo/c5.yaml"), path.join(dir, "claims/demo/c6.yaml"));
    const moved = await watcher.nextRun();
    expect(moved.changed).toEqual(["claims/demo/c5.yaml", "claims/demo/c6.yaml"]);
    expect(moved.printed).toContain("- c5  removed (claims/demo/c5.yaml)");
    // The claim moved to c6.yaml keeps its id, which now differs from its file's name.
    expect(moved.printed).toContain("✖ c5  fail (supported)  (new)");
    expect(moved.printed).toContain('claims/demo/c6.yaml:1:5  error  id "c5" does not match the file name "c6"');

    // A new article's folder, made after the watch started.
    await mkdir(path.join(dir, "claims/other"));
    await writeFile(path.join(dir, "claims/other/c7.yaml"), c1.replace("id: c1", "id: c7"));
    const folder = await watcher.nextRun();
    expect(folder.changed).toEqual(["claims/other/c7.yaml"]);
    expect(folder.printed).toContain("c7");
    await watcher.stop();
  });

  it("re-checks once for a burst of changes", async () => {
    const dir = await tempDataset();
    const watcher = startWatch(async () => baseOptions(dir));
    await watcher.nextRun();
    for (const claim of ["c1", "c2", "c4"]) await edit(dir, `claims/demo/${claim}.yaml`, "as-of: \"2023-02-01\"", "as-of: \"2023-02-02\"");
    const burst = await watcher.nextRun();
    expect(burst.changed).toEqual(["claims/demo/c1.yaml", "claims/demo/c2.yaml", "claims/demo/c4.yaml"]);
    // Had the burst been split, its second run would come before this one, or this one would name the burst's files too.
    await edit(dir, "claims/demo/c3.yaml", "as-of: \"2023-02-01\"", "as-of: \"2023-02-02\"");
    expect((await watcher.nextRun()).changed).toEqual(["claims/demo/c3.yaml"]);
    expect(watcher.runs).toBe(3);
    await watcher.stop();
  });

  it("re-checks on a snapshot's change, also one kept outside the sources' folder", async () => {
    const dir = await tempDataset();
    await mkdir(path.join(dir, "snaps"));
    await rename(path.join(dir, "sources/snapshots/article.txt"), path.join(dir, "snaps/article.txt"));
    await edit(dir, "sources/article.yaml", "path: snapshots/article.txt", "path: ../snaps/article.txt");
    const watcher = startWatch(async () => baseOptions(dir));
    expect((await watcher.nextRun()).printed).toContain("✔ all 4 claims pass");
    await writeFile(path.join(dir, "snaps/article.txt"), "Another text.\n");
    const changed = await watcher.nextRun();
    expect(changed.changed).toEqual(["snaps/article.txt"]);
    expect(changed.printed).toMatch(/── change in snaps\/article\.txt \(4 claims depend on it\)/);
    expect(changed.printed).toContain("snapshot");
    await watcher.stop();
  });

  it("never looks into reports/, the cache, .git or node_modules, even when a glob starts at the root", async () => {
    const dir = await tempDataset();
    const cacheFile = path.join(dir, "cache", "claimcheck.v8");
    const makeOptions = async (): Promise<RunOptions> => ({
      ...baseOptions(dir),
      claims: ["**/demo/*.yaml"],
      // The watch's own runs write this cache: were it watched, every run would start another.
      cache: { file: cacheFile, key: new Uint8Array(32).fill(7) },
    });
    const watcher = startWatch(makeOptions);
    await watcher.nextRun();
    for (const folder of ["reports/demo", ".git/demo", "node_modules/pkg/demo", "cache"]) {
      await mkdir(path.join(dir, folder), { recursive: true });
      await writeFile(path.join(dir, folder, "c9.yaml"), "id: c9\n");
    }
    await writeFile(path.join(dir, "claims/demo/c1.yaml~"), "backup\n");
    await edit(dir, "claims/demo/c2.yaml", "as-of: \"2023-02-01\"", "as-of: \"2023-02-02\"");
    const run = await watcher.nextRun();
    expect(run.changed).toEqual(["claims/demo/c2.yaml"]);
    expect(watcher.runs).toBe(2);
    await watcher.stop();
  });

  it("re-selects the claims of the paths given on every run, through the project graph", async () => {
    const dir = await tempDataset();
    const { selectByPaths } = await import("../../src/cli/select-paths.js");
    const watcher = startWatch(async () => baseOptions(dir), { select: (graph) => selectByPaths(dir, ["sources/s2.yaml"], graph).select });
    const first = await watcher.nextRun();
    expect(first.result?.claims.map((c) => c.id)).toEqual(["c2", "c3"]);
    // c4 now cites s2 as well: it is selected from the next run on.
    await edit(dir, "claims/demo/c4.yaml", "  - { source: s3, quote: at the harbour in 2022 }", "  - { source: s3, quote: at the harbour in 2022 }\n  - { source: s2, quote: met in 2021 }");
    const next = await watcher.nextRun();
    expect(next.result?.claims.map((c) => c.id)).toEqual(["c2", "c3", "c4"]);
    await watcher.stop();
  });
});

describe("watchScope", () => {
  it("prunes the root to the globs' folders and the snapshots, and ignores what no check reads", async () => {
    const dir = await tempDataset();
    const options: RunOptions = { ...baseOptions(dir), cache: { file: path.join(dir, "claims/.cache.v8"), key: new Uint8Array(1) } };
    const scope = watchScope(options, undefined, [path.join(dir, "claimcheck.config.yaml")]);
    const at = (file: string) => path.join(dir, file);
    for (const file of ["claims", "claims/demo", "sources/s1.yaml", "claimcheck.config.yaml"]) expect(scope.ignored(at(file)), file).toBe(false);
    for (const file of ["src", "reports", ".git", "node_modules", "claims/.cache.v8", "claims/demo/.c1.yaml.swp", "sources/node_modules"]) {
      expect(scope.ignored(at(file)), file).toBe(true);
    }
    expect(scope.relevant(at("claims/demo/c1.yaml"))).toBe(true);
    expect(scope.relevant(at("claims/demo/c1.yaml~"))).toBe(false);
    expect(scope.relevant(at("claims/demo/4913"))).toBe(false);
    expect(scope.relevant(at("claims/demo/notes.md"))).toBe(false);
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
  it("sees saves by rename and later edits, is quiet when asked, and exits 0 on Ctrl-C (SIGINT)", async () => {
    const { spawn } = await import("node:child_process");
    const { BUILT_CLI } = await import("../docs/shell.js");
    const dir = await tempDataset();
    // s3 without an archived copy: a warning that --quiet leaves out.
    await edit(dir, "sources/s3.yaml", "archive-URL: https://web.archive.org/web/2023/https://example.org/s3\n", "");
    const child = spawn(process.execPath, [BUILT_CLI, "--watch", "--quiet"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => void (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    /** Waits for the watch's "run done" line: the first report's last line, or a re-check's summary. */
    const nextRun = async (): Promise<string> => {
      const done = /(watching for changes \(Ctrl-C to stop\)|^now .*|^still .*|^no change in the result)\n/m;
      const deadline = Date.now() + 15_000;
      while (!done.test(out)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for a run:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const end = out.search(done) + done.exec(out)![0].length;
      const block = out.slice(0, end);
      out = out.slice(end);
      return block;
    };
    try {
      const first = await nextRun();
      expect(first).toContain("✔ all 4 claims pass");
      expect(first).not.toContain("archive-url");
      expect(first).toContain("0 errors, 0 warnings");
      const file = path.join(dir, "claims/demo/c2.yaml");
      const original = await readFile(file, "utf8");
      await writeFile(path.join(dir, "claims/demo/c2.yaml.tmp"), original.replace("met in 2021.", "met in 2022."));
      await rename(path.join(dir, "claims/demo/c2.yaml.tmp"), file);
      const renamed = await nextRun();
      expect(renamed).toContain("── change in claims/demo/c2.yaml");
      expect(renamed).toMatch(/✖ c2 {2}fail/);
      await writeFile(file, original);
      const inPlace = await nextRun();
      expect(inPlace).toContain("── change in claims/demo/c2.yaml");
      expect(inPlace).toMatch(/✔ c2 {2}pass/);
      expect(inPlace).toContain("now 4 claims: 4 passed, 0 failed; 0 errors, 0 warnings");
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
