import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { FORMAT_NAMES, loadStreamReporter } from "../../src/reporters/catalogue.js";
import { streamReporters } from "../../src/reporters/index.js";
import { REPO_ROOT } from "../helpers/cli.js";

describe("the formats the CLI loads when asked (src/reporters/catalogue.ts)", () => {
  it("are the library's formats, each loaded as the very writer the library holds", async () => {
    expect([...FORMAT_NAMES]).toEqual(Object.keys(streamReporters));
    for (const name of FORMAT_NAMES) expect(await loadStreamReporter(name), name).toBe(streamReporters[name]);
    await expect(loadStreamReporter("pdf")).rejects.toThrow('unknown format "pdf"');
  });

  it("a terminal-only run of the built CLI imports none of the other formats' modules", () => {
    // A loader hook that names every module the run imports, on standard error.
    const hook = `data:text/javascript,${encodeURIComponent(
      'import { register } from "node:module"; register("data:text/javascript," + encodeURIComponent("export async function load(url, context, next) { if (url.includes(\\"/dist/reporters/\\")) process.stderr.write(\\"LOADED \\" + url.split(\\"/dist/\\")[1] + \\"\\\\n\\"); return next(url, context); }"));',
    )}`;
    const run = spawnSync(process.execPath, ["--import", hook, "dist/cli.js", "--format", "terminal"], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8" });
    expect(run.status).toBe(0);
    const stderr = run.stderr;
    const loaded = stderr.split("\n").filter((line) => line.startsWith("LOADED ")).map((line) => line.slice("LOADED ".length));
    expect(loaded).toContain("reporters/terminal.js");
    for (const other of ["html.js", "json.js", "sarif.js", "junit.js", "markdown.js", "claimreview.js", "github.js"]) expect(loaded, other).not.toContain(`reporters/${other}`);
  });
});
