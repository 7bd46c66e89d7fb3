import type { LoadedDoc } from "../load/document.js";
import type { DocPath } from "../model/position.js";
import { compareDates, formatPartialDate, parsePartialDate, type PartialDate } from "../time/partial-date.js";
import type { Rule } from "./types.js";

/** Dates exist on the calendar, are not in the future where they record the past, and run forwards. */
export const datesValid: Rule = {
  id: "dates-valid",
  description: "Dates are real calendar dates, not in the future where they record the past, and in order.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    impossible: '"{value}" is not a date on the calendar',
    future: "{field} {value} is after today ({today})",
    accessedBeforeIssued: "accessed {accessed} is before issued {issued}",
    endBeforeStart: "end {end} is before start {start}",
  },
  check({ index, report }) {
    const today = index.today;
    const read = (doc: LoadedDoc, path: DocPath, value: unknown): PartialDate | undefined => {
      if (value === undefined) return undefined;
      const date = parsePartialDate(value);
      if (!date) report({ messageId: "impossible", data: { value: String(value) }, at: { doc, path } });
      return date;
    };
    const notFuture = (doc: LoadedDoc, path: DocPath, field: string, date: PartialDate | undefined) => {
      if (date && compareDates(date, today) > 0) {
        report({ messageId: "future", data: { field, value: formatPartialDate(date), today: formatPartialDate(today) }, at: { doc, path } });
      }
    };

    for (const claim of index.claims) {
      notFuture(claim.doc, ["as-of"], "as-of", read(claim.doc, ["as-of"], claim.data["as-of"]));
    }
    for (const source of index.sourceList) {
      const d = source.data;
      const issued = read(source.doc, ["issued"], d.issued);
      const accessed = read(source.doc, ["accessed"], d.accessed);
      notFuture(source.doc, ["issued"], "issued", issued);
      notFuture(source.doc, ["accessed"], "accessed", accessed);
      if (issued && accessed && compareDates(accessed, issued) < 0) {
        report({
          messageId: "accessedBeforeIssued",
          data: { accessed: formatPartialDate(accessed), issued: formatPartialDate(issued) },
          at: { doc: source.doc, path: ["accessed"] },
        });
      }
      for (const fact of source.facts) {
        const base: DocPath = ["facts", fact.index];
        const r = fact.record;
        // An event's date may lie ahead (a scheduled launch); when a statement was made may not.
        read(source.doc, [...base, "date"], r.date);
        notFuture(source.doc, [...base, "point-in-time"], "point-in-time", read(source.doc, [...base, "point-in-time"], r["point-in-time"]));
        const start = read(source.doc, [...base, "start"], r.start);
        const end = read(source.doc, [...base, "end"], r.end);
        if (start && end && compareDates(end, start) < 0) {
          report({
            messageId: "endBeforeStart",
            data: { start: formatPartialDate(start), end: formatPartialDate(end) },
            at: { doc: source.doc, path: [...base, "end"] },
          });
        }
      }
    }
  },
};
