import { createRequire } from "node:module";
import type { Agent } from "undici";
import { fetchPage, urlProblem, type FetchOutcome, type PageRequest } from "./fetch-page.js";
import { guardedAgent, type Connector, type Resolver } from "./guarded-agent.js";
import { ROBOTS_TOKEN, type NetworkSettings } from "./settings.js";

const require = createRequire(import.meta.url);

/** Time, injectable so tests never sleep. Milliseconds. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What the client reports while it works (the progress display listens). */
export interface ClientEvents {
  /** About to wait `ms` before a request to `host`: its rate limit, or a retry's backoff. */
  onWait?(host: string, ms: number, why: "interval" | "retry"): void;
}

export interface ClientOptions {
  settings: NetworkSettings;
  clock?: Clock;
  events?: ClientEvents;
  /** Injected into the guarded agent (tests). */
  resolve?: Resolver;
  connect?: Connector;
}

/** A page fetch, with what politeness added to it. */
export interface PoliteResult {
  outcome: FetchOutcome | RobotsRefusal;
  /** How many requests were made for the page (retries included; robots.txt not counted). */
  attempts: number;
  /** Why the client stopped retrying, when it did. */
  gaveUp?: string;
}

/** The site's robots.txt does not let this tool read the page. */
export interface RobotsRefusal {
  ok: false;
  reason: "robots";
  detail: string;
  finalUrl: string;
  redirects: string[];
}

/** Pages are read as HTML or plain text; anything else is refused unread. */
export const PAGE_TYPES = ["text/html", "application/xhtml+xml", "text/plain"] as const;

/** robots.txt files are read up to 500 KiB, the least RFC 9309 asks a crawler to parse. */
const ROBOTS_MAX_BYTES = 500 * 1024;
/** A robots.txt Crawl-delay is honoured up to this long, in milliseconds. */
const MAX_CRAWL_DELAY_MS = 60_000;

interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

/** What a host's robots.txt allows, once fetched. */
type RobotsVerdict = { kind: "rules"; rules: RobotsRules } | { kind: "allow-all" } | { kind: "unreachable"; detail: string };

/**
 * Fetches pages politely, as a crawler reading other people's sites should: at most
 * `concurrency` at once (the caller's loop), one request per host per `hostIntervalMs`
 * (longer when robots.txt asks with Crawl-delay), robots.txt obeyed, 429, 503 and dropped
 * connections retried with exponential backoff or after the `Retry-After` the server gives,
 * and a User-Agent naming the tool and the project. Every request goes through the guarded
 * agent (address policy) and fetchPage (redirect, size and time limits).
 */
export class PoliteClient {
  private readonly agent: Agent;
  private readonly clock: Clock;
  private readonly nextSlot = new Map<string, number>();
  private readonly robots = new Map<string, Promise<RobotsVerdict>>();
  private readonly crawlDelay = new Map<string, number>();

  constructor(private readonly options: ClientOptions) {
    this.clock = options.clock ?? REAL_CLOCK;
    this.agent = guardedAgent({ allowPrivate: options.settings.allowPrivate, timeoutMs: options.settings.timeoutMs, resolve: options.resolve, connect: options.connect });
  }

  /** GETs a page (HTML or plain text), with `headers` added (conditional requests). */
  async get(url: string, headers: Record<string, string> = {}): Promise<PoliteResult> {
    const problem = urlProblem(url);
    if (problem !== undefined) return { outcome: { ok: false, reason: "bad-url", detail: problem, finalUrl: url, redirects: [] }, attempts: 0 };
    const host = new URL(url).host.toLowerCase();
    const robots = await this.robotsFor(url);
    if (robots.kind === "unreachable") {
      return { outcome: { ok: false, reason: "robots", detail: `robots.txt could not be read (${robots.detail}), which RFC 9309 reads as "disallow all"`, finalUrl: url, redirects: [] }, attempts: 0 };
    }
    if (robots.kind === "rules" && robots.rules.isAllowed(url, ROBOTS_TOKEN) === false) {
      return { outcome: { ok: false, reason: "robots", detail: "the site's robots.txt disallows it", finalUrl: url, redirects: [] }, attempts: 0 };
    }
    const { settings } = this.options;
    for (let attempt = 0; ; attempt++) {
      await this.turn(host);
      const outcome = await fetchPage(this.agent, { url, accept: PAGE_TYPES, headers: this.headers(headers) }, this.limits());
      const retryable = outcome.ok ? outcome.status === 429 || outcome.status === 503 : outcome.reason === "network";
      if (!retryable) return { outcome, attempts: attempt + 1 };
      const asked = outcome.ok ? retryAfterMs(outcome.headers["retry-after"], this.clock.now()) : undefined;
      const wait = asked ?? Math.max(settings.hostIntervalMs, 500) * 2 ** attempt;
      if (attempt >= settings.retries) return { outcome, attempts: attempt + 1, gaveUp: `still failing after ${attempt + 1} tries` };
      if (wait > settings.maxRetryWaitMs) {
        return { outcome, attempts: attempt + 1, gaveUp: `asked to wait ${formatSeconds(wait)}, longer than the longest wait (${formatSeconds(settings.maxRetryWaitMs)})` };
      }
      this.options.events?.onWait?.(host, wait, "retry");
      // The wait holds back every request to the host, not only this page's.
      this.nextSlot.set(host, Math.max(this.nextSlot.get(host) ?? 0, this.clock.now() + wait));
    }
  }

  /**
   * A request to a web service (the Wayback Machine's APIs): the same address guard, limits
   * and per-host pacing as a page, without robots.txt (it governs crawling pages, not APIs)
   * and without retries (a service that is busy is reported, never waited out).
   */
  async call(request: PageRequest): Promise<FetchOutcome> {
    const problem = urlProblem(request.url);
    if (problem !== undefined) return { ok: false, reason: "bad-url", detail: problem, finalUrl: request.url, redirects: [] };
    await this.turn(new URL(request.url).host.toLowerCase());
    return fetchPage(this.agent, { ...request, headers: this.headers(request.headers ?? {}) }, this.limits());
  }

  /** Closes the connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private limits() {
    const { settings } = this.options;
    return { timeoutMs: settings.timeoutMs, maxBytes: settings.maxBytes, maxRedirects: settings.maxRedirects };
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    return { "user-agent": this.options.settings.userAgent, accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1", ...extra };
  }

  /** Waits for the host's next free slot and takes it. */
  private async turn(host: string): Promise<void> {
    const now = this.clock.now();
    const start = Math.max(now, this.nextSlot.get(host) ?? 0);
    const interval = Math.max(this.options.settings.hostIntervalMs, this.crawlDelay.get(host) ?? 0);
    this.nextSlot.set(host, start + interval);
    if (start > now) {
      this.options.events?.onWait?.(host, start - now, "interval");
      await this.clock.sleep(start - now);
    }
  }

  private robotsFor(url: string): Promise<RobotsVerdict> {
    const parsed = new URL(url);
    const origin = parsed.origin;
    let verdict = this.robots.get(origin);
    if (!verdict) {
      verdict = this.fetchRobots(origin, parsed.host);
      this.robots.set(origin, verdict);
    }
    return verdict;
  }

  private async fetchRobots(origin: string, host: string): Promise<RobotsVerdict> {
    const robotsUrl = `${origin}/robots.txt`;
    await this.turn(host);
    const outcome = await fetchPage(this.agent, { url: robotsUrl, accept: ["text/plain"], headers: this.headers({}) }, { ...this.limits(), maxBytes: ROBOTS_MAX_BYTES });
    // RFC 9309: a 4xx means no rules; a 5xx or no answer means "disallow all" for now.
    if (!outcome.ok) {
      // A refused address, a name that does not resolve, a bad URL: the page's own request
      // says so (refused again before any connection), which is the finding that matters.
      if (["unsupported-type", "too-large", "refused", "dns", "bad-url"].includes(outcome.reason)) return { kind: "allow-all" };
      return { kind: "unreachable", detail: outcome.detail };
    }
    if (outcome.status >= 400 && outcome.status < 500) return { kind: "allow-all" };
    if (outcome.status >= 500 || !outcome.body) return { kind: "unreachable", detail: `HTTP ${outcome.status}` };
    const robotsParser = require("robots-parser") as (url: string, text: string) => RobotsRules;
    const rules = robotsParser(robotsUrl, new TextDecoder("utf-8").decode(outcome.body));
    const delay = rules.getCrawlDelay(ROBOTS_TOKEN);
    if (typeof delay === "number" && Number.isFinite(delay) && delay > 0) this.crawlDelay.set(host, Math.min(delay * 1000, MAX_CRAWL_DELAY_MS));
    return { kind: "rules", rules };
  }
}

/** `Retry-After` as milliseconds from now: delay-seconds or an HTTP date. Undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
