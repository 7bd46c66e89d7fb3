import type { FailureReason } from "../net/fetch-page.js";
import type { PoliteResult } from "../net/polite-client.js";
import { decodePage } from "../page/decode.js";
import { extractText } from "../page/extract.js";

/** A page read and turned into text. */
export interface PageReading {
  ok: true;
  status: number;
  finalUrl: string;
  redirects: string[];
  headers: Record<string, string>;
  contentType: string;
  /** The encoding the page was decoded from. */
  encoding: string;
  /** One normalised line per paragraph. */
  lines: string[];
  paywalled: boolean;
}

/** An answer that is not a page to read: a status other than 2xx (304 included). */
export interface StatusAnswer {
  ok: false;
  kind: "status";
  status: number;
  finalUrl: string;
  redirects: string[];
  headers: Record<string, string>;
  detail: string;
}

/** No answer to read: refused, unreachable, too large, not text… */
export interface NoAnswer {
  ok: false;
  kind: "failure";
  reason: FailureReason | "robots" | "unreadable";
  detail: string;
  finalUrl: string;
  redirects: string[];
}

/** Turns what the client fetched into the page's text, or says why there is none. */
export function readPage(result: PoliteResult): PageReading | StatusAnswer | NoAnswer {
  const outcome = result.outcome;
  if (!outcome.ok) return { ok: false, kind: "failure", reason: outcome.reason, detail: outcome.detail, finalUrl: outcome.finalUrl, redirects: outcome.redirects };
  if (!outcome.body) {
    const detail = `HTTP ${outcome.status}${result.gaveUp ? `; ${result.gaveUp}` : ""}`;
    return { ok: false, kind: "status", status: outcome.status, finalUrl: outcome.finalUrl, redirects: outcome.redirects, headers: outcome.headers, detail };
  }
  const kind = outcome.mediaType === "text/plain" ? "plain" : "html";
  const contentType = outcome.headers["content-type"] ?? outcome.mediaType ?? "";
  const decoded = decodePage(outcome.body, contentType, kind);
  const text = extractText(decoded.text, kind);
  if (!text.ok) return { ok: false, kind: "failure", reason: "unreadable", detail: text.detail, finalUrl: outcome.finalUrl, redirects: outcome.redirects };
  return {
    ok: true,
    status: outcome.status,
    finalUrl: outcome.finalUrl,
    redirects: outcome.redirects,
    headers: outcome.headers,
    contentType: contentType.slice(0, 200),
    encoding: decoded.encoding,
    lines: text.lines,
    paywalled: text.paywalled,
  };
}
