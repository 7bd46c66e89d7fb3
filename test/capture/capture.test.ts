/**
 * `claimcheck capture` end to end, against the fixture server on 127.0.0.1: the main flows
 * through the built command line (dist/cli.js), and the refusals that need a name resolving
 * to a public address in-process, with the resolver and connector injected so that nothing
 * can leave the machine.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GAP, sha256, textSha256 } from "../../src/capture/snapshot-text.js";
import { BUILT_CLI } from "../docs/shell.js";
import { loopbackOnlyConnector, PUBLIC_TEST_ADDRESS, testResolver } from "../network/injected.js";
import { runBuilt } from "../network/built-cli.js";
import { useFixtureServer } from "../network/fixture-server.js";
import { capture, FAST, networkProject, PAGE_ONLY_QUOTE } from "../network/project.js";


const server = useFixtureServer();

const CYRILLIC_EXCERPT = "Это их первая личная встреча с октября 2018 года, когда они виделись на Байконуре.";

const read = (dir: string, file: string) => readFile(path.join(dir, file), "utf8");
const requestsFor = (prefix: string) => server.requests.filter((r) => r.url.startsWith(prefix)).length;

describe("claimcheck capture (built CLI)", () => {
  it("stores every source's page, records it in place, and quote-found then checks quotes against it", async () => {
    const project = await networkProject(server.origin, { "ru-vstrecha": { url: "/ru/vstrecha", excerpts: [["first-since", CYRILLIC_EXCERPT]] } }, { citePageOnlyQuote: true });
    try {
      const before = await runBuilt(["--format", "terminal"], project.dir);
      expect(before.code).toBe(1);
      expect(before.stdout).toContain('quote not found in source "demo-wire"');

      const wireBefore = await read(project.dir, "sources/demo-wire.yaml");
      const run = await runBuilt(["capture", "--all", ...FAST], project.dir);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^✔ demo-wire → sources\/snapshots\/demo-wire\.txt \(\d+ characters; HTTP 200, UTF-8\)$/m);
      expect(run.stdout).toMatch(/^✔ ru-vstrecha → sources\/snapshots\/ru-vstrecha\.txt \(\d+ characters; HTTP 200, windows-1251\)$/m);
      expect(run.stdout).toContain("captured 3 of 3 sources");

      const snapshot = await read(project.dir, "sources/snapshots/demo-wire.txt");
      expect(snapshot).toContain(PAGE_ONLY_QUOTE);
      expect(snapshot).not.toContain("cookies");
      expect(await read(project.dir, "sources/snapshots/ru-vstrecha.txt")).toContain(CYRILLIC_EXCERPT);

      // The record gained its snapshot and kept everything else, comment line included.
      const wire = await read(project.dir, "sources/demo-wire.yaml");
      const removed = wireBefore.split("\n").filter((l) => !wire.split("\n").includes(l));
      expect(removed).toEqual([]);
      const record = parse(wire) as { snapshot: Record<string, unknown> };
      expect(record.snapshot).toMatchObject({
        path: "snapshots/demo-wire.txt",
        sha256: sha256(snapshot),
        "text-sha256": textSha256(snapshot),
        "final-URL": `${server.origin}/news/heads-meet`,
        "http-status": 200,
        "content-type": "text/html; charset=utf-8",
        encoding: "UTF-8",
      });
      expect(record.snapshot.retrieved).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

      const after = await runBuilt(["--format", "terminal"], project.dir);
      expect(after.stdout).not.toContain("quote-found");
      expect(after.stdout).not.toContain("excerpt-in-snapshot");
      expect(after.code).toBe(0);
    } finally {
      await project.cleanup();
    }
  });

  it("names an excerpt that is not on the page, with the closest passage, and exits 1", async () => {
    const project = await networkProject(server.origin, {
      "wire-misquoted": { url: "/news/heads-meet", excerpts: [["place", "The heads met at Johnson Space Center on July 31."]] },
    });
    try {
      const run = await runBuilt(["capture", "wire-misquoted", ...FAST], project.dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        'sources/wire-misquoted.yaml:17:11  error  excerpt "place" is not in the snapshot "snapshots/wire-misquoted.txt"; closest passage: "The heads met at Kennedy Space Center on July 31." (excerpt has "Johnson" where the snapshot has "Kennedy")  excerpt-in-snapshot',
      );
      expect(run.stdout).toContain("captured 1 of 1 source; 1 excerpt not on the page");
    } finally {
      await project.cleanup();
    }
  });

  it("stores only windows around the excerpts for a source that asks, or a project that does", async () => {
    const project = await networkProject(server.origin, {
      "wire-excerpts": { url: "/news/heads-meet", excerpts: [["visit", PAGE_ONLY_QUOTE]], extra: ["capture-mode: excerpts"] },
      "crews": { url: "/news/crews-keep-flying", excerpts: [["seats", "The two agencies agreed to keep exchanging seats on their spacecraft"]] },
    });
    try {
      const run = await runBuilt(["capture", "wire-excerpts", ...FAST], project.dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("characters, excerpts only;");
      const windows = await read(project.dir, "sources/snapshots/wire-excerpts.txt");
      expect(windows.startsWith(`${GAP}\n`)).toBe(true);
      expect(windows).toContain(PAGE_ONLY_QUOTE);
      expect(windows).not.toContain("Neither agency published a joint statement");
      const record = parse(await read(project.dir, "sources/wire-excerpts.yaml")) as { snapshot: Record<string, unknown> };
      expect(record.snapshot.mode).toBe("excerpts");
      // The proof of the whole text: the same hash a full capture of the page records.
      await runBuilt(["capture", "demo-wire", ...FAST], project.dir);
      const full = parse(await read(project.dir, "sources/demo-wire.yaml")) as { snapshot: Record<string, unknown> };
      expect(record.snapshot["text-sha256"]).toBe(full.snapshot["text-sha256"]);

      await writeFile(path.join(project.dir, "claimcheck.config.yaml"), "capture:\n  mode: excerpts\n  window-chars: 0\n");
      expect((await runBuilt(["capture", "crews", ...FAST], project.dir)).code).toBe(0);
      expect(await read(project.dir, "sources/snapshots/crews.txt")).toBe(
        `${GAP}\nThe two agencies agreed to keep exchanging seats on their spacecraft\n${GAP}\n`,
      );
    } finally {
      await project.cleanup();
    }
  });

  it("refuses a loopback address without --allow-private: the server hears nothing", async () => {
    const project = await networkProject(server.origin);
    const heard = server.requests.length;
    try {
      const run = await runBuilt(["capture", "demo-wire", "--host-interval-ms", "0"], project.dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("✖ demo-wire: not captured: refused: 127.0.0.1 is a loopback address, refused without --allow-private");
      expect(server.requests.length).toBe(heard);
      expect(existsSync(path.join(project.dir, "sources/snapshots/demo-wire.txt"))).toBe(false);
    } finally {
      await project.cleanup();
    }
  });

  it("says why a page was not captured: gone, not text, disallowed by robots.txt, too large", async () => {
    const project = await networkProject(server.origin, {
      missing: { url: "/missing" },
      pdf: { url: "/report.pdf" },
      robots: { url: "/private/page" },
      bomb: { url: "/bomb" },
    });
    try {
      const run = await runBuilt(["capture", "missing", "pdf", "robots", "bomb", ...FAST, "--max-bytes", "1048576"], project.dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("✖ missing: not captured: HTTP 404");
      expect(run.stdout).toContain("✖ pdf: not captured: unsupported-type: content type application/pdf is not read");
      expect(run.stdout).toContain("✖ robots: not captured: robots: the site's robots.txt disallows it");
      expect(run.stdout).toContain("✖ bomb: not captured: too-large: the body is larger than 1048576 bytes after decompression");
      expect(run.stdout).toContain("captured 0 of 4 sources; 4 not captured");
    } finally {
      await project.cleanup();
    }
  });

  it("--archive records the archive's address and capture time; without it, nothing goes to an archive", async () => {
    const project = await networkProject(server.origin, { crews: { url: "/news/old-url" } });
    const env = { CLAIMCHECK_WAYBACK_AVAILABILITY_URL: `${server.origin}/wayback/available`, CLAIMCHECK_WAYBACK_URL: `${server.origin}/wb` };
    try {
      const asked = requestsFor("/wayback/") + requestsFor("/wb/");
      expect((await runBuilt(["capture", "crews", ...FAST], project.dir, env)).code).toBe(0);
      expect(requestsFor("/wayback/") + requestsFor("/wb/")).toBe(asked);

      const run = await runBuilt(["capture", "crews", "--archive", ...FAST], project.dir, env);
      expect(run.code).toBe(0);
      const archived = `http://web.archive.example/web/20250801093000/${server.origin}/news/crews-keep-flying`;
      expect(run.stdout).toContain(`archived: ${archived} (existing capture of 2025-08-01T09:30:00Z)`);
      const text = await read(project.dir, "sources/crews.yaml");
      expect(text).toContain(`URL: ${server.origin}/news/old-url\narchive-URL: ${archived}\narchive-captured: 2025-08-01T09:30:00Z\n`);
      expect(run.stdout).toContain(`redirected to ${server.origin}/news/crews-keep-flying`);
    } finally {
      await project.cleanup();
    }
  });

  it("--missing captures only sources without a snapshot; an unknown id is a usage error", async () => {
    const project = await networkProject(server.origin, { crews: { url: "/news/crews-keep-flying" } });
    try {
      const run = await runBuilt(["capture", "--missing", ...FAST], project.dir);
      expect(run.code).toBe(0);
      // demo-article has its snapshot already; demo-wire and crews do not.
      expect(run.stdout).toContain("captured 2 of 2 sources");
      expect(run.stdout).not.toContain("demo-article");
      const again = await runBuilt(["capture", "--missing", ...FAST], project.dir);
      expect(again.stdout).toContain("nothing to capture");
      const unknown = await runBuilt(["capture", "demo-wyre", ...FAST], project.dir);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('no source "demo-wyre" — did you mean "demo-wire"?');
      expect((await runBuilt(["capture", ...FAST], project.dir)).code).toBe(2);
    } finally {
      await project.cleanup();
    }
  });
});

describe("claimcheck capture refusals (in-process, resolver and connector injected)", () => {
  it("refuses a redirect to a private address, and one to the metadata address even with --allow-private", async () => {
    const project = await networkProject(server.origin, {
      "to-private": { url: "http://news.example/redirect-to-private" },
      "to-metadata": { url: "http://news.example/redirect-to-metadata" },
      "metadata-name": { url: "http://metadata.example/latest/meta-data/" },
    });
    try {
      const strict = loopbackOnlyConnector(() => server.port, false);
      const run = await capture(["to-private", "--host-interval-ms", "0"], project.dir, { resolve: testResolver, connect: strict.connect });
      expect(run.stdout).toContain("✖ to-private: not captured: refused: 10.20.30.40 is a private address, refused without --allow-private");
      expect(strict.asked.every((a) => a === PUBLIC_TEST_ADDRESS)).toBe(true);

      const lenient = loopbackOnlyConnector(() => server.port, true);
      const again = await capture(["to-metadata", "metadata-name", ...FAST], project.dir, { resolve: testResolver, connect: lenient.connect });
      expect(again.code).toBe(1);
      expect(again.stdout).toContain("✖ to-metadata: not captured: refused: 169.254.169.254 is a link-local (cloud metadata) address, refused always");
      expect(again.stdout).toContain("✖ metadata-name: not captured: refused: metadata.example resolves to 169.254.169.254, a link-local (cloud metadata) address, refused always");
      expect(lenient.asked).not.toContain("169.254.169.254");
      expect([...strict.violations, ...lenient.violations]).toEqual([]);
    } finally {
      await project.cleanup();
    }
  });
});

/** Whether this machine lets us make a network namespace holding only loopback (root, unshare). */
function canIsolate(): boolean {
  return spawnSync("unshare", ["-n", "sh", "-c", "ip link set lo up"], { stdio: "ignore" }).status === 0;
}

describe.runIf(canIsolate())("claimcheck capture in a network namespace with only loopback (built CLI)", () => {
  it("refuses a redirect to the metadata address, even with --allow-private", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-netns-"));
    const project = await networkProject("http://127.0.0.1:8080", { "to-metadata": { url: "/redirect-to-metadata" } });
    try {
      // The namespace has loopback and nothing else: even a broken guard could reach no metadata service.
      await writeFile(
        path.join(dir, "server.mjs"),
        `import http from "node:http"; import { writeFileSync } from "node:fs";
http.createServer((req, res) => {
  if (req.url === "/robots.txt") { res.writeHead(404); res.end(); return; }
  res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }); res.end();
}).listen(8080, "127.0.0.1", () => writeFileSync(${JSON.stringify(path.join(dir, "ready"))}, ""));`,
      );
      const script = [
        "ip link set lo up",
        `node ${JSON.stringify(path.join(dir, "server.mjs"))} & server=$!`,
        `for i in $(seq 100); do [ -f ${JSON.stringify(path.join(dir, "ready"))} ] && break; sleep 0.05; done`,
        `node ${JSON.stringify(BUILT_CLI)} capture to-metadata --allow-private --host-interval-ms 0 -C ${JSON.stringify(project.dir)}; echo "exit $?"`,
        "kill $server",
      ].join("\n");
      const child = spawn("unshare", ["-n", "sh", "-c", script], { env: { ...process.env, NO_COLOR: "1" } });
      let stdout = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      await new Promise((resolve) => child.on("close", resolve));
      expect(stdout).toContain("✖ to-metadata: not captured: refused: 169.254.169.254 is a link-local (cloud metadata) address, refused always");
      expect(stdout).toContain("exit 1");
    } finally {
      await project.cleanup();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
