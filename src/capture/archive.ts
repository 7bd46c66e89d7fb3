import type { FetchOutcome } from "../net/fetch-page.js";
import type { Clock, PoliteClient } from "../net/polite-client.js";

/**
 * Where the Wayback Machine answers. Set by the environment, never by the configuration
 * file: a pull request could otherwise send the archive credentials to a server of its own.
 * Tests point them at a local server.
 */
export interface WaybackEndpoints {
  /** The availability API (`GET ?url=`). */
  availability: string;
  /** The Wayback Machine itself: `<base>/save` (Save Page Now 2), `<base>/save/status/<job>`, `<base>/web/<timestamp>/<url>`. */
  base: string;
}

/** An archive.org account's S3-style keys, for Save Page Now. */
export interface WaybackCredentials {
  accessKey: string;
  secretKey: string;
}

export const ENV = {
  availability: "CLAIMCHECK_WAYBACK_AVAILABILITY_URL",
  base: "CLAIMCHECK_WAYBACK_URL",
  accessKey: "CLAIMCHECK_IA_ACCESS_KEY",
  secretKey: "CLAIMCHECK_IA_SECRET_KEY",
} as const;

export function waybackEndpoints(env: NodeJS.ProcessEnv): WaybackEndpoints {
  return {
    availability: env[ENV.availability] || "https://archive.org/wayback/available",
    base: withoutTrailingSlashes(env[ENV.base] || "https://web.archive.org"),
  };
}

/** A scan, not `/\/+$/`, which is quadratic on a long run of slashes that does not end the text. */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end--;
  return url.slice(0, end);
}

export function waybackCredentials(env: NodeJS.ProcessEnv): WaybackCredentials | undefined {
  const accessKey = env[ENV.accessKey];
  const secretKey = env[ENV.secretKey];
  return accessKey && secretKey ? { accessKey, secretKey } : undefined;
}

/** An archived copy: its address and when the archive made it. */
export type ArchiveOutcome =
  | { ok: true; url: string; captured: string; how: "saved" | "found" }
  | { ok: false; detail: string };

export interface ArchiveOptions {
  endpoints: WaybackEndpoints;
  credentials?: WaybackCredentials;
  clock: Clock;
  /** Time between two questions about a Save Page Now job, and the most questions asked. */
  pollIntervalMs: number;
  maxPolls: number;
}

/**
 * Gets an archived copy of a page. With credentials, asks Save Page Now 2 for a new capture
 * (so the archive holds the page as it was captured here) and waits for the job; without
 * them, or when the save fails, looks up the closest existing capture with the availability
 * API. Nothing is invented: every address comes from the archive's answer. Sent only when
 * `capture --archive` is given.
 */
export async function archivePage(client: PoliteClient, pageUrl: string, options: ArchiveOptions): Promise<ArchiveOutcome> {
  let saveProblem: string | undefined;
  if (options.credentials) {
    const saved = await savePageNow(client, pageUrl, options);
    if (saved.ok) return saved;
    saveProblem = saved.detail;
  }
  const found = await lookUp(client, pageUrl, options.endpoints);
  if (found.ok) return found;
  const hint = options.credentials ? "" : `; set ${ENV.accessKey} and ${ENV.secretKey} to ask the Wayback Machine for a new capture`;
  return { ok: false, detail: `${saveProblem ? `Save Page Now: ${saveProblem}; ` : ""}${found.detail}${hint}` };
}

async function lookUp(client: PoliteClient, pageUrl: string, endpoints: WaybackEndpoints): Promise<ArchiveOutcome> {
  const url = `${endpoints.availability}${endpoints.availability.includes("?") ? "&" : "?"}url=${encodeURIComponent(pageUrl)}`;
  const answer = jsonOf(await client.call({ url, accept: ["application/json"], headers: { accept: "application/json" } }));
  if (!answer.ok) return { ok: false, detail: `availability lookup: ${answer.detail}` };
  const closest = (answer.value as { archived_snapshots?: { closest?: Record<string, unknown> } } | null)?.archived_snapshots?.closest;
  if (!closest || closest.available !== true) return { ok: false, detail: "the Wayback Machine has no capture of the page" };
  const status = String(closest.status ?? "");
  const captured = isoFromTimestamp(closest.timestamp);
  if (typeof closest.url !== "string" || !/^https?:\/\//.test(closest.url) || captured === undefined) {
    return { ok: false, detail: "the availability API answered without a usable capture address and time" };
  }
  if (status !== "" && !status.startsWith("2")) return { ok: false, detail: `the closest capture is of an HTTP ${status.slice(0, 3)} answer, not the page` };
  return { ok: true, url: closest.url, captured, how: "found" };
}

async function savePageNow(client: PoliteClient, pageUrl: string, options: ArchiveOptions): Promise<ArchiveOutcome> {
  const { base } = options.endpoints;
  const { accessKey, secretKey } = options.credentials!;
  const headers = { accept: "application/json", authorization: `LOW ${accessKey}:${secretKey}` };
  const started = jsonOf(
    await client.call({
      url: `${base}/save`,
      method: "POST",
      accept: ["application/json"],
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: `url=${encodeURIComponent(pageUrl)}`,
    }),
  );
  if (!started.ok) return { ok: false, detail: started.detail };
  const job = started.value as { job_id?: unknown; status?: unknown; status_ext?: unknown; message?: unknown } | null;
  if (typeof job?.job_id !== "string" || !/^[A-Za-z0-9_-]{1,200}$/.test(job.job_id)) return { ok: false, detail: describeError(job) };
  for (let poll = 0; poll < options.maxPolls; poll++) {
    if (poll > 0) await options.clock.sleep(options.pollIntervalMs);
    const state = jsonOf(await client.call({ url: `${base}/save/status/${job.job_id}`, accept: ["application/json"], headers }));
    if (!state.ok) return { ok: false, detail: state.detail };
    const value = state.value as { status?: unknown; timestamp?: unknown; original_url?: unknown } | null;
    if (value?.status === "pending") continue;
    if (value?.status !== "success") return { ok: false, detail: describeError(value) };
    const captured = isoFromTimestamp(value.timestamp);
    const original = typeof value.original_url === "string" && /^https?:\/\//.test(value.original_url) ? value.original_url : pageUrl;
    if (captured === undefined) return { ok: false, detail: "the save succeeded without a capture time" };
    return { ok: true, url: `${base}/web/${String(value.timestamp)}/${original}`, captured, how: "saved" };
  }
  return { ok: false, detail: `the capture was still pending after ${options.maxPolls} checks` };
}

function describeError(value: unknown): string {
  const record = (value ?? {}) as { status_ext?: unknown; message?: unknown };
  const parts = [record.status_ext, record.message].filter((p): p is string => typeof p === "string").map((p) => p.slice(0, 200));
  return parts.length > 0 ? parts.join(": ") : "the archive did not accept the request";
}

type JsonAnswer = { ok: true; value: unknown } | { ok: false; detail: string };

function jsonOf(outcome: FetchOutcome): JsonAnswer {
  if (!outcome.ok) return { ok: false, detail: outcome.detail };
  if (outcome.status === 429) return { ok: false, detail: "the archive is rate-limiting requests (HTTP 429); try again later" };
  if (outcome.status < 200 || outcome.status > 299 || !outcome.body) return { ok: false, detail: `HTTP ${outcome.status}` };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8").decode(outcome.body)) as unknown };
  } catch {
    return { ok: false, detail: "the answer is not JSON" };
  }
}

/** A Wayback timestamp (`YYYYMMDDhhmmss`) as `YYYY-MM-DDThh:mm:ssZ`; undefined when it is not one. */
export function isoFromTimestamp(value: unknown): string | undefined {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^\d{14}$/.test(text)) return undefined;
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(8, 10)}:${text.slice(10, 12)}:${text.slice(12, 14)}Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) || date.toISOString().replace(/\.000Z$/, "Z") !== iso ? undefined : iso;
}
