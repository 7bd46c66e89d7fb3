/**
 * The guarded HTTP client, against the fixture server on 127.0.0.1. Names resolve through an
 * injected resolver and connections go through an injected connector, which sends the one
 * "public" test address to the fixture server and refuses everything else: no test here can
 * open a connection beyond loopback, and the connector records every address it was asked
 * for, so a test fails if a refused address ever got that far.
 */
import { describe, expect, it } from "vitest";
import { fetchPage, type FetchLimits } from "../../src/net/fetch-page.js";
import { guardedAgent } from "../../src/net/guarded-agent.js";
import { useFixtureServer } from "../network/fixture-server.js";
import { loopbackOnlyConnector, PUBLIC_TEST_ADDRESS, testResolver } from "../network/injected.js";

const LIMITS: FetchLimits = { timeoutMs: 5_000, maxBytes: 1_000_000, maxRedirects: 5 };
const HTML = ["text/html", "text/plain"];

const server = useFixtureServer();

function client(allowPrivate: boolean) {
  const connector = loopbackOnlyConnector(() => server.port, allowPrivate);
  const agent = guardedAgent({ allowPrivate, timeoutMs: LIMITS.timeoutMs, resolve: testResolver, connect: connector.connect });
  const get = (url: string, limits: Partial<FetchLimits> = {}, accept = HTML) => fetchPage(agent, { url, accept }, { ...LIMITS, ...limits });
  return { get, ...connector, close: () => agent.close() };
}

describe("the guarded client", () => {
  it("fetches a page from a public address, following a chain of redirects itself", async () => {
    const c = client(false);
    try {
      const page = await c.get("http://news.example/news/old-url");
      expect(page).toMatchObject({ ok: true, status: 200, finalUrl: "http://news.example/news/crews-keep-flying", mediaType: "text/html" });
      expect(page.redirects).toEqual(["http://news.example/news/old-url", "http://news.example/news/hop"]);
      expect(new TextDecoder().decode((page as { body: Uint8Array }).body)).toContain("Station crews to keep flying together");
      expect(c.asked.every((a) => a === PUBLIC_TEST_ADDRESS)).toBe(true);
      expect(c.violations).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it("refuses a redirect to a private address without --allow-private, before connecting", async () => {
    const c = client(false);
    try {
      const page = await c.get("http://news.example/redirect-to-private");
      expect(page).toMatchObject({ ok: false, reason: "refused", finalUrl: "http://10.20.30.40/internal" });
      expect(page.ok ? "" : page.detail).toContain("10.20.30.40 is a private address, refused without --allow-private");
      expect(c.asked).not.toContain("10.20.30.40");
      expect(c.violations).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it("refuses a redirect to the metadata address even with --allow-private", async () => {
    const c = client(true);
    try {
      const page = await c.get(`http://127.0.0.1:${server.port}/redirect-to-metadata`);
      expect(page).toMatchObject({ ok: false, reason: "refused", finalUrl: "http://169.254.169.254/latest/meta-data/iam/security-credentials/" });
      expect(c.asked).toEqual(["127.0.0.1"]);
      expect(c.violations).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data/", true],
    ["http://2852039166/latest/meta-data/", true],
    ["http://0xa9.0xfe.0xa9.0xfe/", true],
    ["http://[::ffff:169.254.169.254]/", true],
    ["http://[fd00:ec2::254]/", true],
    ["http://100.100.100.200/latest/meta-data/", true],
    ["http://metadata.example/computeMetadata/v1/", true],
    ["http://split.example/", true],
    ["http://127.0.0.1/", false],
    ["http://127.1/", false],
    ["http://[::1]/", false],
    ["http://intranet.example/", false],
  ])("refuses %s without connecting (allow-private: %s)", async (url, allowPrivate) => {
    const c = client(allowPrivate);
    try {
      const page = await c.get(url);
      expect(page).toMatchObject({ ok: false, reason: "refused" });
      expect(c.asked).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it("refuses other schemes and URLs with credentials without resolving anything", async () => {
    const c = client(true);
    try {
      for (const url of ["ftp://news.example/file", "file:///etc/passwd", "http://user:secret@news.example/", "javascript:alert(1)"]) {
        expect(await c.get(url), url).toMatchObject({ ok: false, reason: "bad-url" });
      }
      expect(c.asked).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it("says a host name that does not resolve is a DNS failure", async () => {
    const c = client(false);
    try {
      expect(await c.get("http://gone.example/story")).toMatchObject({ ok: false, reason: "dns" });
    } finally {
      await c.close();
    }
  });

  it("stops after the redirect limit", async () => {
    const c = client(true);
    try {
      const page = await c.get(`http://127.0.0.1:${server.port}/redirect-loop`, { maxRedirects: 3 });
      expect(page).toMatchObject({ ok: false, reason: "too-many-redirects", detail: "more than 3 redirects" });
    } finally {
      await c.close();
    }
  });

  it("cuts a body over the size limit, and a gzip bomb as it inflates", async () => {
    const c = client(true);
    try {
      const huge = await c.get(`http://127.0.0.1:${server.port}/huge`, { maxBytes: 100_000 });
      expect(huge).toMatchObject({ ok: false, reason: "too-large" });
      expect(huge.ok ? "" : huge.detail).toContain("larger than 100000 bytes");
      const bomb = await c.get(`http://127.0.0.1:${server.port}/bomb`, { maxBytes: 100_000 });
      expect(bomb).toMatchObject({ ok: false, reason: "too-large" });
      expect(bomb.ok ? "" : bomb.detail).toContain("after decompression");
      const gzipped = await c.get(`http://127.0.0.1:${server.port}/news/heads-meet-gzip`);
      expect(new TextDecoder().decode((gzipped as { body: Uint8Array }).body)).toContain("Agency heads hold first talks since 2018");
    } finally {
      await c.close();
    }
  });

  it("gives up on a slow page at the timeout", async () => {
    const c = client(true);
    try {
      // The page answers after a minute; the test's own time limit is shorter, so only the timeout can end it.
      const page = await c.get(`http://127.0.0.1:${server.port}/slow`, { timeoutMs: 200 });
      expect(page).toMatchObject({ ok: false, reason: "timeout", detail: "no complete answer within 200 ms" });
    } finally {
      await c.close();
    }
  });

  it("reads only the media types asked for, and returns other statuses without a body", async () => {
    const c = client(true);
    try {
      expect(await c.get(`http://127.0.0.1:${server.port}/report.pdf`)).toMatchObject({ ok: false, reason: "unsupported-type" });
      const missing = await c.get(`http://127.0.0.1:${server.port}/missing`);
      expect(missing).toMatchObject({ ok: true, status: 404 });
      expect((missing as { body?: Uint8Array }).body).toBeUndefined();
    } finally {
      await c.close();
    }
  });
});
