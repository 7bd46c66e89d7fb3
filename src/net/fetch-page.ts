import { pipeline } from "node:stream/promises";
import type { Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { request, type Dispatcher } from "undici";
import { AddressRefusedError } from "./guarded-agent.js";

/** The limits of one fetch. Every duration is in milliseconds, every size in bytes. */
export interface FetchLimits {
  /** The whole fetch, redirects and body included, gives up after this long. */
  timeoutMs: number;
  /** Largest body kept, after decompression; a longer one is cut there and reported. */
  maxBytes: number;
  /** Most redirects followed. */
  maxRedirects: number;
}

export interface PageRequest {
  url: string;
  /** Media types whose body is read (`text/html`, …); any other 2xx body is refused unread. */
  accept: readonly string[];
  headers?: Record<string, string>;
  /** GET (the default), or POST with a form body (Save Page Now). A POST never follows a redirect. */
  method?: "GET" | "POST";
  body?: string;
}

/** Why a fetch produced no usable response. */
export type FailureReason =
  | "bad-url"
  | "refused"
  | "dns"
  | "dns-temporary"
  | "timeout"
  | "network"
  | "too-many-redirects"
  | "too-large"
  | "unsupported-type"
  | "bad-encoding";

/** An HTTP answer: any status; `body` only for a 2xx of an accepted type. */
export interface FetchResponse {
  ok: true;
  status: number;
  /** The URL the last request went to (after every redirect). */
  finalUrl: string;
  /** The URLs redirected through, in order, the first being the one asked for. */
  redirects: string[];
  headers: Record<string, string>;
  /** The media type without parameters, lowercase (`text/html`). */
  mediaType?: string;
  body?: Uint8Array;
}

export interface FetchFailure {
  ok: false;
  reason: FailureReason;
  detail: string;
  /** The URL the failing request went to. */
  finalUrl: string;
  redirects: string[];
}

export type FetchOutcome = FetchResponse | FetchFailure;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs a URL through `dispatcher` (a guarded agent), following redirects itself so each hop
 * is checked again: only http and https, no credentials in a URL, at most `maxRedirects`
 * hops. The body of a 2xx answer of an accepted media type is read, decompressed as it
 * arrives (gzip, deflate, br) and cut at `maxBytes`, so neither a huge page nor a
 * decompression bomb is ever held whole. Never throws for anything the network does.
 */
export async function fetchPage(dispatcher: Dispatcher, page: PageRequest, limits: FetchLimits): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const redirects: string[] = [];
  let current = page.url;
  try {
    for (;;) {
      const problem = urlProblem(current);
      if (problem) return { ok: false, reason: "bad-url", detail: problem, finalUrl: current, redirects };
      const response = await request(current, {
        dispatcher,
        method: page.method ?? "GET",
        headers: { "accept-encoding": "gzip, deflate, br", ...page.headers },
        body: page.body,
        signal: controller.signal,
      });
      const headers = flattenHeaders(response.headers);
      const location = headers.location;
      if (REDIRECTS.has(response.statusCode) && location !== undefined && page.method !== "POST") {
        discard(response.body);
        redirects.push(current);
        if (redirects.length > limits.maxRedirects) {
          return { ok: false, reason: "too-many-redirects", detail: `more than ${limits.maxRedirects} redirects`, finalUrl: current, redirects };
        }
        try {
          current = new URL(location, current).href;
        } catch {
          return { ok: false, reason: "bad-url", detail: `redirect to an unreadable address "${location.slice(0, 200)}"`, finalUrl: current, redirects };
        }
        continue;
      }
      const mediaType = headers["content-type"]?.split(";")[0]!.trim().toLowerCase() || undefined;
      const answer: FetchResponse = { ok: true, status: response.statusCode, finalUrl: current, redirects, headers, mediaType };
      if (response.statusCode < 200 || response.statusCode > 299 || response.statusCode === 204) {
        discard(response.body);
        return answer;
      }
      if (mediaType === undefined || !page.accept.includes(mediaType)) {
        discard(response.body);
        return { ok: false, reason: "unsupported-type", detail: `content type ${mediaType ?? "(none)"} is not read (${page.accept.join(", ")})`, finalUrl: current, redirects };
      }
      const body = await readBody(response.body, headers["content-encoding"], limits.maxBytes);
      if (!body.ok) return { ok: false, reason: body.reason, detail: body.detail, finalUrl: current, redirects };
      return { ...answer, body: body.bytes };
    }
  } catch (error) {
    return { ok: false, ...classify(error, controller.signal.aborted, limits.timeoutMs), finalUrl: current, redirects };
  } finally {
    clearTimeout(timer);
  }
}

/** Why a URL is not fetched, or undefined when it may be. */
export function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text.slice(0, 200)}" is not a URL`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `only http and https are fetched, not ${url.protocol.replace(/:$/, "")}`;
  if (url.username !== "" || url.password !== "") return "a URL with credentials in it is not fetched";
  if (url.hostname === "") return "the URL names no host";
  return undefined;
}

type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large" | "bad-encoding"; detail: string };

async function readBody(body: NodeJS.ReadableStream & { destroy(): void }, encoding: string | undefined, maxBytes: number): Promise<BodyRead> {
  const decoders: Transform[] = [];
  // Codings are listed in the order applied; undo them in reverse.
  for (const coding of (encoding ?? "").split(",").map((c) => c.trim().toLowerCase()).filter((c) => c !== "" && c !== "identity").reverse()) {
    if (coding === "gzip" || coding === "x-gzip") decoders.push(createGunzip());
    else if (coding === "deflate") decoders.push(createInflate());
    else if (coding === "br") decoders.push(createBrotliDecompress());
    else {
      discard(body);
      return { ok: false, reason: "bad-encoding", detail: `content encoding "${coding.slice(0, 40)}" is not supported` };
    }
  }
  const chunks: Buffer[] = [];
  let total = 0;
  // Set before the collector throws: the pipeline may report the abort instead of our error.
  let overLimit = false;
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) {
        overLimit = true;
        throw new Error("body over the size limit");
      }
      chunks.push(chunk);
    }
  };
  try {
    await (pipeline as (...streams: unknown[]) => Promise<void>)(body, ...decoders, collect);
  } catch (error) {
    if (overLimit) {
      const what = decoders.length > 0 ? "after decompression" : "";
      return { ok: false, reason: "too-large", detail: `the body is larger than ${maxBytes} bytes${what ? ` ${what}` : ""}; it was cut there and not used` };
    }
    if ((error as NodeJS.ErrnoException).code?.startsWith("Z_")) {
      return { ok: false, reason: "bad-encoding", detail: `the body is not valid ${encoding}: ${(error as Error).message}` };
    }
    throw error;
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

function classify(error: unknown, aborted: boolean, timeoutMs: number): { reason: FailureReason; detail: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  const cause = (error as { cause?: NodeJS.ErrnoException } | undefined)?.cause;
  if (error instanceof AddressRefusedError) return { reason: "refused", detail: error.message };
  if (cause instanceof AddressRefusedError) return { reason: "refused", detail: cause.message };
  if (aborted || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT") {
    return { reason: "timeout", detail: `no complete answer within ${timeoutMs} ms` };
  }
  const dnsCode = code || cause?.code || "";
  if (dnsCode === "ENOTFOUND" || dnsCode === "ENODATA") return { reason: "dns", detail: `the host name does not resolve (${dnsCode})` };
  if (dnsCode === "EAI_AGAIN") return { reason: "dns-temporary", detail: "the host name could not be resolved just now (EAI_AGAIN)" };
  const message = error instanceof Error ? error.message : String(error);
  return { reason: "network", detail: `${dnsCode ? `${dnsCode}: ` : ""}${message}`.slice(0, 300) };
}

/** Drops a body unread; destroying it reports an abort, which nobody needs to hear. */
function discard(body: { on(event: "error", listener: () => void): unknown; destroy(): void }): void {
  body.on("error", () => {});
  body.destroy();
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
