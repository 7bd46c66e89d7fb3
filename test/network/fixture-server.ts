/**
 * A local web server for the network tests, on 127.0.0.1 only: news pages as sites serve
 * them (navigation, cookie banner, related links, scripts), a windows-1251 and a KOI8-R page,
 * redirects (a chain, to a private address, to a metadata address), 404, 410, 429 with
 * Retry-After, a page slower than any test's timeout, an oversized page, a gzip bomb, a
 * paywalled page, a robots.txt, a page that changes when the test says so, and a fake
 * Wayback Machine (availability API and Save Page Now 2).
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll } from "vitest";

const PAGES = fileURLToPath(new URL("./pages/", import.meta.url));
const page = (name: string) => readFileSync(`${PAGES}${name}`);

/** What the article says after the test "edits" it: the place of the meeting changed. */
export const EDITED_SENTENCE = "The heads met at Cape Canaveral on July 31.";
export const ORIGINAL_SENTENCE = "The heads met at Kennedy Space Center on July 31.";

/** The ETag of the article, so conditional requests can be answered 304. */
const ARTICLE_ETAG = '"heads-meet-v1"';
const EDITED_ETAG = '"heads-meet-v2"';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** Switches the article to its edited text. */
  editArticle(): void;
  /** How many 429s /busy-then-ok gives before answering. */
  busyAnswers: number;
  /** How many times the Save Page Now job says "pending" before "success". */
  pendingPolls: number;
  close(): Promise<void>;
}

/** A page of 2 MB, larger than any test's size limit. */
const HUGE_PAGE = Buffer.from(`<html><body><p>${"word ".repeat(400_000)}</p></body></html>`);

/** A gzip body that inflates to 16 MiB of zeros: about 16 KiB on the wire, a thousand times more inflated. */
let bomb: Buffer | undefined;
function gzipBomb(): Buffer {
  bomb ??= gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
  return bomb;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let edited = false;
  let busyServed = 0;
  let savedUrl = "";
  const state = { busyAnswers: 1, pendingPolls: 0 };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      route(req, res);
    });
  });

  const html = (res: http.ServerResponse, body: Buffer | string, headers: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
    res.end(body);
  };
  const json = (res: http.ServerResponse, value: unknown) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(value));
  };
  const redirect = (res: http.ServerResponse, status: number, location: string) => {
    res.writeHead(status, { location });
    res.end();
  };

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://fixture");
    switch (url.pathname) {
      case "/robots.txt":
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("User-agent: *\nDisallow: /private/\n");
        return;
      case "/news/heads-meet": {
        const etag = edited ? EDITED_ETAG : ARTICLE_ETAG;
        if (req.headers["if-none-match"] === etag) {
          res.writeHead(304, { etag });
          res.end();
          return;
        }
        const body = page("heads-meet.html").toString("utf8");
        html(res, edited ? body.replace(ORIGINAL_SENTENCE, EDITED_SENTENCE) : body, { etag });
        return;
      }
      case "/demo/space-agencies-meet-again":
        // The demo article (test/fixtures/_base), as a site serving plain text would.
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        res.end(readFileSync(fileURLToPath(new URL("../fixtures/_base/sources/snapshots/demo-article.txt", import.meta.url))));
        return;
      case "/news/heads-meet-gzip":
        html(res, gzipSync(page("heads-meet.html")), { "content-encoding": "gzip" });
        return;
      case "/news/old-url":
        redirect(res, 301, "/news/hop");
        return;
      case "/news/hop":
        redirect(res, 302, "/news/crews-keep-flying");
        return;
      case "/news/crews-keep-flying":
        html(res, page("other-article.html"));
        return;
      case "/ru/vstrecha":
        // The charset is declared only in the page's <meta http-equiv>, as old Russian sites do.
        res.writeHead(200, { "content-type": "text/html" });
        res.end(page("vstrecha.cp1251.html"));
        return;
      case "/ru/notice.txt":
        res.writeHead(200, { "content-type": "text/plain; charset=koi8-r" });
        res.end(page("notice.koi8r.txt"));
        return;
      case "/paywalled":
        html(res, page("paywalled.html"));
        return;
      case "/private/page":
        html(res, page("other-article.html"));
        return;
      case "/redirect-to-private":
        redirect(res, 302, "http://10.20.30.40/internal");
        return;
      case "/redirect-to-metadata":
        redirect(res, 302, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
        return;
      case "/redirect-loop":
        redirect(res, 302, "/redirect-loop");
        return;
      case "/missing":
        res.writeHead(404, { "content-type": "text/html" });
        res.end("<h1>Not found</h1>");
        return;
      case "/removed":
        res.writeHead(410, { "content-type": "text/html" });
        res.end("<h1>Gone</h1>");
        return;
      case "/forbidden":
        res.writeHead(403, { "content-type": "text/html" });
        res.end("<h1>Forbidden</h1>");
        return;
      case "/busy":
        res.writeHead(429, { "retry-after": "3600", "content-type": "text/plain" });
        res.end("slow down");
        return;
      case "/busy-then-ok":
        if (busyServed < state.busyAnswers) {
          busyServed++;
          res.writeHead(429, { "retry-after": "2", "content-type": "text/plain" });
          res.end("slow down");
          return;
        }
        html(res, page("other-article.html"));
        return;
      case "/slow": {
        // Answers after a minute: every test's timeout is far shorter. The timer is cleared at close.
        const timer = setTimeout(() => html(res, page("other-article.html")), 60_000);
        timers.add(timer);
        return;
      }
      case "/huge":
        res.writeHead(200, { "content-type": "text/html" });
        res.end(HUGE_PAGE);
        return;
      case "/bomb":
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        res.end(gzipBomb());
        return;
      case "/report.pdf":
        res.writeHead(200, { "content-type": "application/pdf" });
        res.end("%PDF-1.4\n");
        return;
      // A fake Wayback Machine.
      case "/wayback/available": {
        const asked = url.searchParams.get("url") ?? "";
        if (asked.endsWith("/news/crews-keep-flying")) {
          json(res, { url: asked, archived_snapshots: { closest: { status: "200", available: true, url: `http://web.archive.example/web/20250801093000/${asked}`, timestamp: "20250801093000" } } });
        } else {
          json(res, { url: asked, archived_snapshots: {} });
        }
        return;
      }
      case "/wb/save":
        if (req.headers.authorization !== "LOW test-access:test-secret") {
          res.writeHead(401, { "content-type": "application/json" });
          res.end(JSON.stringify({ status: "error", status_ext: "error:unauthorized", message: "bad keys" }));
          return;
        }
        savedUrl = new URLSearchParams(requests[requests.length - 1]!.body).get("url") ?? "";
        json(res, { url: savedUrl, job_id: "spn2-job-1" });
        return;
      case "/wb/save/status/spn2-job-1":
        if (state.pendingPolls > 0) {
          state.pendingPolls--;
          json(res, { status: "pending", job_id: "spn2-job-1" });
          return;
        }
        json(res, { status: "success", timestamp: "20260105120000", original_url: savedUrl });
        return;
      default:
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("no such fixture");
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    editArticle: () => {
      edited = true;
    },
    get busyAnswers() {
      return state.busyAnswers;
    },
    set busyAnswers(n: number) {
      state.busyAnswers = n;
    },
    get pendingPolls() {
      return state.pendingPolls;
    },
    set pendingPolls(n: number) {
      state.pendingPolls = n;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The fixture server for one test file: started before its tests, closed after them. The
 * object returned stands for the server once it has started.
 */
export function useFixtureServer(): FixtureServer {
  let started: FixtureServer | undefined;
  beforeAll(async () => {
    started = await startFixtureServer();
  });
  afterAll(async () => {
    await started?.close();
  });
  const server = (): FixtureServer => {
    if (!started) throw new Error("the fixture server starts in beforeAll");
    return started;
  };
  return {
    get origin() {
      return server().origin;
    },
    get port() {
      return server().port;
    },
    get requests() {
      return server().requests;
    },
    editArticle: () => server().editArticle(),
    get busyAnswers() {
      return server().busyAnswers;
    },
    set busyAnswers(n: number) {
      server().busyAnswers = n;
    },
    get pendingPolls() {
      return server().pendingPolls;
    },
    set pendingPolls(n: number) {
      server().pendingPolls = n;
    },
    close: () => server().close(),
  };
}
