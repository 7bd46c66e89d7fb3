/**
 * Politeness, against the fixture server on 127.0.0.1, with a clock that never sleeps: it
 * records each wait the client asks for and moves its own time on.
 */
import { describe, expect, it } from "vitest";
import { PoliteClient, retryAfterMs, type Clock } from "../../src/net/polite-client.js";
import { networkSettings, type NetworkConfig } from "../../src/net/settings.js";
import { useFixtureServer } from "../network/fixture-server.js";

const server = useFixtureServer();

function fakeClock(): Clock & { slept: number[] } {
  let now = Date.parse("2026-01-15T12:00:00Z");
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

function politeClient(network: Partial<NetworkConfig> = {}, env: NodeJS.ProcessEnv = {}) {
  const clock = fakeClock();
  const waits: Array<[string, number, string]> = [];
  const settings = networkSettings({ "host-interval-ms": 1000, ...network }, {}, true, env, "9.9.9");
  const client = new PoliteClient({ settings, clock, events: { onWait: (host, ms, why) => waits.push([host, ms, why]) } });
  return { client, clock, waits };
}

const seen = (path: string) => server.requests.filter((r) => r.url === path).length;

describe("PoliteClient", () => {
  it("keeps one request per host per interval, robots.txt included", async () => {
    const { client, clock, waits } = politeClient();
    try {
      for (const path of ["/news/crews-keep-flying", "/news/heads-meet", "/ru/vstrecha"]) {
        expect((await client.get(`${server.origin}${path}`)).outcome).toMatchObject({ ok: true, status: 200 });
      }
      expect(clock.slept).toEqual([1000, 1000, 1000]);
      expect(waits).toEqual([1, 2, 3].map(() => [`127.0.0.1:${server.port}`, 1000, "interval"]));
    } finally {
      await client.close();
    }
  });

  it("waits as long as Retry-After asks, then tries again", async () => {
    server.busyAnswers = 1;
    const { client, clock, waits } = politeClient({ "host-interval-ms": 0 });
    try {
      const result = await client.get(`${server.origin}/busy-then-ok`);
      expect(result.outcome).toMatchObject({ ok: true, status: 200 });
      expect(result.attempts).toBe(2);
      expect(clock.slept).toEqual([2000]);
      expect(waits).toContainEqual([`127.0.0.1:${server.port}`, 2000, "retry"]);
    } finally {
      await client.close();
    }
  });

  it("gives up at once when Retry-After asks for longer than the longest wait", async () => {
    const { client, clock } = politeClient({ "host-interval-ms": 0, "max-retry-wait-ms": 60_000 });
    try {
      const result = await client.get(`${server.origin}/busy`);
      expect(result.outcome).toMatchObject({ ok: true, status: 429 });
      expect(result.gaveUp).toBe("asked to wait 3600 s, longer than the longest wait (60 s)");
      expect(clock.slept).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it("stops after the retries it is allowed", async () => {
    server.busyAnswers = 10;
    const before = seen("/busy-then-ok");
    const { client } = politeClient({ "host-interval-ms": 0, retries: 2 });
    try {
      const result = await client.get(`${server.origin}/busy-then-ok`);
      expect(result).toMatchObject({ attempts: 3, gaveUp: "still failing after 3 tries" });
      expect(seen("/busy-then-ok") - before).toBe(3);
    } finally {
      await client.close();
      server.busyAnswers = 1;
    }
  });

  it("obeys robots.txt, asking the server for nothing it disallows", async () => {
    const { client } = politeClient({ "host-interval-ms": 0 });
    try {
      const result = await client.get(`${server.origin}/private/page`);
      expect(result.outcome).toMatchObject({ ok: false, reason: "robots", detail: "the site's robots.txt disallows it" });
      expect(seen("/private/page")).toBe(0);
    } finally {
      await client.close();
    }
  });

  it("names the tool and the project in its User-Agent, and passes conditional headers on", async () => {
    const { client } = politeClient({ "host-interval-ms": 0 }, { GITHUB_REPOSITORY: "factcheckers/space", GITHUB_SERVER_URL: "https://github.com" });
    try {
      const result = await client.get(`${server.origin}/news/heads-meet`, { "if-none-match": '"heads-meet-v1"' });
      expect(result.outcome).toMatchObject({ ok: true, status: 304 });
      const request = server.requests.findLast((r) => r.url === "/news/heads-meet")!;
      expect(request.headers["user-agent"]).toBe("claimcheck/9.9.9 (fact-check evidence; +https://github.com/factcheckers/space)");
      expect(request.headers["if-none-match"]).toBe('"heads-meet-v1"');
    } finally {
      await client.close();
    }
  });
});

describe("retryAfterMs", () => {
  it("reads delay-seconds and HTTP dates, and nothing else", () => {
    const now = Date.parse("2026-01-15T12:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Thu, 15 Jan 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Thu, 15 Jan 2026 11:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
