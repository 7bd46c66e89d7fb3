import { compareDates, formatPartialDate, lastDay, parsePartialDate } from "../time/partial-date.js";
import type { Rule } from "./types.js";

/** How long a reading of a page stays fresh. Pages change; a stale reading should be redone. */
export const MAX_AGE_DAYS = 730;

/** A cited source read long ago may no longer say what its excerpts record. */
export const sourceFreshness: Rule = {
  id: "source-freshness",
  description: `A cited source that records when it was accessed was read within the last ${MAX_AGE_DAYS} days.`,
  scope: "project",
  defaultSeverity: "warning",
  messages: {
    stale: 'source "{source}" was last read on {accessed}, {days} days ago; read it again and update accessed',
  },
  check({ index, report }) {
    const cited = new Set(index.claims.flatMap((c) => (c.data.citations ?? []).map((x) => x.source)));
    const today = lastDay(index.today);
    for (const source of index.sourceList) {
      const accessed = source.data.accessed;
      if (!cited.has(source.id) || accessed === undefined) continue;
      const date = parsePartialDate(accessed);
      if (!date || compareDates(date, index.today) > 0) continue; // dates-valid reports those
      const days = today - lastDay(date);
      if (days > MAX_AGE_DAYS) {
        report({ messageId: "stale", data: { source: source.id, accessed: formatPartialDate(date), days }, at: { doc: source.doc, path: ["accessed"] } });
      }
    }
  },
};

