/** A sentence of a text, as UTF-16 offsets. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// A sentence ends at . ! ? or … (with any closing quotes or brackets) followed by space
// and a capital, a digit or an opening quote. Good enough for news prose; "U.S. and" stays whole.
const BOUNDARY = /([.!?\u2026]["'\u201D\u2019)\]]*)\s+(?=[A-Z\u0410-\u042F\u201C\u2018"'(0-9])/g;

/** Splits text into sentences: each line is split at sentence boundaries; blank lines are skipped. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    let start = 0;
    BOUNDARY.lastIndex = 0;
    for (let match = BOUNDARY.exec(line); match; match = BOUNDARY.exec(line)) {
      const end = match.index + match[1]!.length;
      pushTrimmed(spans, line, lineStart, start, end);
      start = match.index + match[0].length;
    }
    pushTrimmed(spans, line, lineStart, start, line.length);
    lineStart += line.length + 1;
  }
  return spans;
}

function pushTrimmed(spans: SentenceSpan[], line: string, offset: number, start: number, end: number): void {
  while (start < end && /\s/.test(line[start]!)) start++;
  while (end > start && /\s/.test(line[end - 1]!)) end--;
  if (end > start) spans.push({ start: offset + start, end: offset + end });
}
