/** The Wayback Machine client, against the fake one the fixture server runs on 127.0.0.1. */
import { describe, expect, it } from "vitest";
import { archivePage, isoFromTimestamp, waybackCredentials, waybackEndpoints, type ArchiveOptions } from "../../src/capture/archive.js";
import { PoliteClient, type Clock } from "../../src/net/polite-client.js";
import { networkSettings } from "../../src/net/settings.js";
import { useFixtureServer } from "../network/fixture-server.js";

const server = useFixtureServer();

function setup(env: NodeJS.ProcessEnv) {
  const slept: number[] = [];
  const clock: Clock = { now: () => 0, sleep: async (ms) => void slept.push(ms) };
  const client = new PoliteClient({ settings: networkSettings({ "host-interval-ms": 0 }, {}, true, {}, "1.0.0"), clock });
  const fullEnv = { CLAIMCHECK_WAYBACK_AVAILABILITY_URL: `${server.origin}/wayback/available`, CLAIMCHECK_WAYBACK_URL: `${server.origin}/wb`, ...env };
  const options: ArchiveOptions = { endpoints: waybackEndpoints(fullEnv), credentials: waybackCredentials(fullEnv), clock, pollIntervalMs: 5000, maxPolls: 5 };
  return { client, options, slept };
}

describe("archivePage", () => {
  it("without credentials, finds the closest existing capture and records what the archive says", async () => {
    const { client, options } = setup({});
    try {
      const page = "https://news.example/news/crews-keep-flying";
      expect(await archivePage(client, page, options)).toEqual({
        ok: true,
        url: `http://web.archive.example/web/20250801093000/${page}`,
        captured: "2025-08-01T09:30:00Z",
        how: "found",
      });
      expect(server.requests.some((r) => r.url.startsWith("/wb/save"))).toBe(false);
    } finally {
      await client.close();
    }
  });

  it("says so when the archive has no capture, and how to ask for one", async () => {
    const { client, options } = setup({});
    try {
      const outcome = await archivePage(client, "https://news.example/never-archived", options);
      expect(outcome).toEqual({
        ok: false,
        detail: "the Wayback Machine has no capture of the page; set CLAIMCHECK_IA_ACCESS_KEY and CLAIMCHECK_IA_SECRET_KEY to ask the Wayback Machine for a new capture",
      });
    } finally {
      await client.close();
    }
  });

  it("with credentials, asks Save Page Now for a capture and waits for the job", async () => {
    server.pendingPolls = 2;
    const { client, options, slept } = setup({ CLAIMCHECK_IA_ACCESS_KEY: "test-access", CLAIMCHECK_IA_SECRET_KEY: "test-secret" });
    try {
      const page = "https://news.example/news/heads-meet";
      expect(await archivePage(client, page, options)).toEqual({ ok: true, url: `${server.origin}/wb/web/20260105120000/${page}`, captured: "2026-01-05T12:00:00Z", how: "saved" });
      const save = server.requests.findLast((r) => r.url === "/wb/save")!;
      expect(save.method).toBe("POST");
      expect(new URLSearchParams(save.body).get("url")).toBe(page);
      expect(save.headers.authorization).toBe("LOW test-access:test-secret");
      expect(slept).toEqual([5000, 5000]);
    } finally {
      await client.close();
    }
  });

  it("falls back to the closest capture when Save Page Now refuses, saying why", async () => {
    const { client, options } = setup({ CLAIMCHECK_IA_ACCESS_KEY: "wrong", CLAIMCHECK_IA_SECRET_KEY: "keys" });
    try {
      const found = await archivePage(client, "https://news.example/news/crews-keep-flying", options);
      expect(found).toMatchObject({ ok: true, how: "found" });
      const missing = await archivePage(client, "https://news.example/never-archived", options);
      expect(missing).toEqual({ ok: false, detail: "Save Page Now: HTTP 401; the Wayback Machine has no capture of the page" });
    } finally {
      await client.close();
    }
  });
});

describe("isoFromTimestamp", () => {
  it("reads a Wayback timestamp, and only a real one", () => {
    expect(isoFromTimestamp("20250801093000")).toBe("2025-08-01T09:30:00Z");
    expect(isoFromTimestamp(20250801093000)).toBe("2025-08-01T09:30:00Z");
    expect(isoFromTimestamp("20250231093000")).toBeUndefined();
    expect(isoFromTimestamp("2025080109")).toBeUndefined();
    expect(isoFromTimestamp(undefined)).toBeUndefined();
  });
});
