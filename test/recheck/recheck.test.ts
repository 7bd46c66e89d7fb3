/**
 * `claimcheck recheck` through the built command line, against the fixture server on
 * 127.0.0.1: each outcome (still says it, changed, moved, gone, could not check), the exit
 * code, and the findings in the JSON, SARIF and GitHub reports.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/model/result.js";
import { runBuilt } from "../network/built-cli.js";
import { EDITED_SENTENCE, useFixtureServer } from "../network/fixture-server.js";
import { FAST, networkProject } from "../network/project.js";

import { resultErrors, sarifErrors } from "../reporters/validators.js";

const server = useFixtureServer();

const CREWS = "The two agencies agreed to keep exchanging seats on their spacecraft through the end of next year.";

async function scratch(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-recheck-out-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

describe("claimcheck recheck (built CLI)", () => {
  it("after a capture, a page whose text changed fails the run, naming the source, the excerpt and the closest passage", async () => {
    const project = await networkProject(server.origin);
    const out = await scratch();
    try {
      expect((await runBuilt(["capture", "--all", ...FAST], project.dir)).code).toBe(0);
      const calm = await runBuilt(["recheck", ...FAST, "--format", "terminal"], project.dir);
      expect(calm.code).toBe(0);
      expect(calm.stderr).toContain("recheck: 2 pages — 2 still say it");

      server.editArticle();
      const json = path.join(out.dir, "result.json");
      const run = await runBuilt(["recheck", ...FAST, "--format", "terminal", "--format", `json=${json}`], project.dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        'sources/demo-wire.yaml:7:6  error  excerpt "this-meeting" of source "demo-wire" is no longer on the page; closest passage: "The heads met at Cape Canaveral on July 31. They" (excerpt has "Kennedy" where the page has "Cape")  source-drift',
      );
      expect(run.stderr).toContain("recheck: 2 pages — 1 still say it, 1 changed");

      const result = JSON.parse(await readFile(json, "utf8")) as RunResult;
      expect(resultErrors(JSON.stringify(result))).toEqual([]);
      expect(result.recheck?.sources).toEqual([
        { source: "demo-article", file: "sources/demo-article.yaml", url: `${server.origin}/demo/space-agencies-meet-again`, outcome: "still-says-it", httpStatus: 200, textChanged: false },
        {
          source: "demo-wire",
          file: "sources/demo-wire.yaml",
          url: `${server.origin}/news/heads-meet`,
          outcome: "changed",
          httpStatus: 200,
          textChanged: true,
          vanished: [{ excerpt: "this-meeting", closest: EDITED_SENTENCE.concat(" They") }],
        },
      ]);
      const drift = result.diagnostics.filter((d) => d.ruleId === "source-drift");
      expect(drift.map((d) => [d.messageId, d.severity, d.at.file, d.at.line, d.docs])).toEqual([["excerptGone", "error", "sources/demo-wire.yaml", 7, "docs/rules/source-drift.md"]]);
    } finally {
      await out.cleanup();
      await project.cleanup();
    }
  });

  it("reports moved and gone pages; gone fails only without an archived copy", async () => {
    const project = await networkProject(server.origin, {
      moved: { url: "/news/old-url", excerpts: [["seats", CREWS]] },
      "gone-404": { url: "/missing" },
      "gone-410": { url: "/removed", extra: ["archive-URL: https://web.archive.org/web/2025/https://example.org/removed"] },
    });
    try {
      const run = await runBuilt(["recheck", "moved", "gone-404", "gone-410", ...FAST, "--format", "terminal"], project.dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`sources/moved.yaml:4:6  warning  the page of source "moved" moved: ${server.origin}/news/old-url now leads to ${server.origin}/news/crews-keep-flying  source-drift`);
      expect(run.stdout).toContain('sources/gone-404.yaml:4:6  error  the page of source "gone-404" is gone (HTTP 404), and the source has no archive-URL  source-drift');
      expect(run.stdout).toContain(
        'sources/gone-410.yaml:4:6  warning  the page of source "gone-410" is gone (HTTP 410); its archived copy remains at https://web.archive.org/web/2025/https://example.org/removed  source-drift',
      );
      expect(run.stderr).toContain("recheck: 3 pages — 1 moved, 2 gone");
    } finally {
      await project.cleanup();
    }
  });

  it("what it could not check is a warning, never a failure: 403, 429, a timeout, a paywall, robots.txt, too large", async () => {
    const project = await networkProject(server.origin, {
      forbidden: { url: "/forbidden" },
      busy: { url: "/busy" },
      slow: { url: "/slow" },
      paywalled: { url: "/paywalled", excerpts: [["agreed", "The heads agreed to extend the station's operations to 2030."]] },
      robots: { url: "/private/page" },
      huge: { url: "/huge" },
      bomb: { url: "/bomb" },
    });
    try {
      const ids = ["forbidden", "busy", "paywalled", "robots", "huge", "bomb"];
      const run = await runBuilt(["recheck", ...ids, ...FAST, "--max-bytes", "100000", "--verbose", "--format", "terminal"], project.dir);
      expect(run.code).toBe(0);
      // The slow page alone, with a short timeout: it answers after a minute.
      const slow = await runBuilt(["recheck", "slow", ...FAST, "--timeout-ms", "300", "--format", "terminal"], project.dir);
      expect(slow.code).toBe(0);
      const line = (id: string) =>
        `${run.stdout}\n${slow.stdout}`.split("\n").find((l) => l.includes(`sources/${id}.yaml`) && l.endsWith("source-drift")) ?? "";
      expect(line("forbidden")).toContain('warning  could not check the page of source "forbidden": HTTP 403  source-drift');
      expect(line("busy")).toContain("HTTP 429; asked to wait 3600 s, longer than the longest wait (60 s)");
      expect(line("slow")).toContain("no complete answer within 300 ms");
      expect(line("paywalled")).toContain("the page declares itself paywalled, and 1 of its excerpts is not in what it served");
      expect(line("robots")).toContain("the site's robots.txt disallows it");
      expect(line("huge")).toContain("the body is larger than 100000 bytes");
      expect(line("bomb")).toContain("the body is larger than 100000 bytes after decompression");
      expect(run.stderr).toContain("recheck: 6 pages — 6 could not be checked");
    } finally {
      await project.cleanup();
    }
  });

  it("asks only whether a page changed when the last recheck saw it, and keeps that reading on 304", async () => {
    const project = await networkProject(server.origin);
    const out = await scratch();
    try {
      const state = path.join(out.dir, "state.json");
      const json = path.join(out.dir, "result.json");
      const first = await runBuilt(["recheck", "demo-wire", ...FAST, "--state", state, "--format", `json=${json}`], project.dir);
      const firstStatus = (JSON.parse(await readFile(json, "utf8")) as RunResult).recheck!.sources[0]!;
      expect(firstStatus.notModified).toBeUndefined();
      const second = await runBuilt(["recheck", "demo-wire", ...FAST, "--state", state, "--format", `json=${json}`], project.dir);
      expect(second.code).toBe(first.code);
      const asked = server.requests.filter((r) => r.url === "/news/heads-meet").slice(-2);
      expect(asked[0]!.headers["if-none-match"]).toBeUndefined();
      expect(asked[1]!.headers["if-none-match"]).toMatch(/^"heads-meet-v\d"$/);
      const secondStatus = (JSON.parse(await readFile(json, "utf8")) as RunResult).recheck!.sources[0]!;
      expect(secondStatus).toEqual({ ...firstStatus, notModified: true });
    } finally {
      await out.cleanup();
      await project.cleanup();
    }
  });

  it("shows its findings in SARIF and as GitHub annotations at the URL line; source-drift: warn never fails", async () => {
    const project = await networkProject(server.origin, { "gone-404": { url: "/missing" } });
    const out = await scratch();
    try {
      const sarif = path.join(out.dir, "result.sarif");
      const run = await runBuilt(["recheck", "gone-404", ...FAST, "--format", "github", "--format", `sarif=${sarif}`], project.dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error file=sources\/gone-404\.yaml,line=4,col=6.*title=claimcheck\(source-drift\)::the page of source "gone-404" is gone \(HTTP 404\)/m);
      const log = await readFile(sarif, "utf8");
      expect(sarifErrors(log)).toEqual([]);
      expect(log).toContain('"ruleId": "source-drift"');

      await writeFile(path.join(project.dir, "claimcheck.config.yaml"), "rules:\n  source-drift: warn\n");
      const lenient = await runBuilt(["recheck", "gone-404", ...FAST, "--format", "terminal"], project.dir);
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toContain('warning  the page of source "gone-404" is gone (HTTP 404)');
    } finally {
      await out.cleanup();
      await project.cleanup();
    }
  });
});
