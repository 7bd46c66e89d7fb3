import { findQuote } from "../text/find-quote.js";
import type { CitationRecord, ExcerptRecord, SourceRecord } from "./types.js";

/**
 * The excerpt of a source that holds a citation's quote (with its prefix and suffix): the
 * first one, or undefined. The rule quote-found asks first and the result document asks
 * again for the excerpt's id, so the answer is kept, by citation, for as long as the
 * citation and the source record it was found in are the ones asked about.
 */
const known = new WeakMap<CitationRecord, { source: SourceRecord; excerpt: ExcerptRecord | undefined }>();

export function citedExcerpt(source: SourceRecord, citation: CitationRecord): ExcerptRecord | undefined {
  const kept = known.get(citation);
  if (kept && kept.source === source) return kept.excerpt;
  const quote = { exact: citation.quote, prefix: citation.prefix, suffix: citation.suffix };
  const excerpt = (source.excerpts ?? []).find((e) => findQuote(e.text, quote));
  known.set(citation, { source, excerpt });
  return excerpt;
}
