import type { ClaimResult, RunResult } from "../model/result.js";
import { streamOf, type ResultStream } from "../model/result-stream.js";
import { inReportOrder } from "./order.js";
import type { Reporter, ReporterOptions, ReportWriter, StreamReporter } from "./types.js";

/** Every piece of a report, in order: the head, one piece per claim, the tail. */
export function* reportPieces(writer: ReportWriter, doc: ResultStream): Generator<string> {
  yield* writer.head();
  const first = writer.first;
  if (first) for (const claim of doc.claims((digest) => first.selects(digest))) yield first.claim(claim);
  if (writer.claim) for (const claim of doc.claims()) yield writer.claim(claim);
  yield* writer.tail();
}

/**
 * The string reporter of a streamed format: the same bytes, joined. `inReportOrder` first
 * for formats that sort (all but JSON, which is the document as it stands), since a
 * stream's claims come in the order they will be written.
 */
export function wholeReport(reporter: StreamReporter, options: { sorted: boolean }): Reporter {
  return (result: RunResult, reporterOptions: ReporterOptions) => {
    const doc = streamOf(options.sorted ? inReportOrder(result) : result);
    const pieces: string[] = [];
    for (const piece of reportPieces(reporter(doc, reporterOptions), doc)) pieces.push(piece);
    return pieces.join("");
  };
}

/**
 * A format that needs every claim at once (Markdown, ClaimReview) over a stream: it keeps
 * the claims as they pass and renders at the end. Its memory grows with the claims; the
 * large formats (JSON, HTML, SARIF, JUnit, terminal) stream instead.
 */
export function keepingClaims(reporter: Reporter): StreamReporter {
  return (doc, options) => {
    const claims: ClaimResult[] = [];
    return {
      head: () => [],
      claim: (claim) => {
        claims.push(claim);
        return "";
      },
      tail: () => [reporter({ ...doc.head, claims }, options)],
    };
  };
}

/** A format made from the head alone (its claims, if any, are read from the digests). */
export function fromHead(render: (doc: ResultStream, options: ReporterOptions) => string): StreamReporter {
  return (doc, options) => ({ head: () => [render(doc, options)], tail: () => [] });
}
