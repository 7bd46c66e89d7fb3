import { disagree, readValue, showTyped, type Typed } from "../assert/typed.js";
import type { Fact, ProjectIndex, Statement } from "../project/types.js";
import type { Rule } from "./types.js";

/** Statements that could differ without disagreeing: held at different times, or qualified differently. */
function context(fact: Fact): string {
  const r = fact.record;
  // An event's date is its value, not its context; a statement's time qualifiers are context.
  const when = fact.shape === "statement" ? [r["point-in-time"], r.start, r.end].map((v) => (v === undefined ? "" : String(v))) : ["", "", ""];
  const qualifiers = Object.entries(r.qualifiers ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([when, qualifiers]);
}

/** A statement's value as its property declares it; undefined for one that does not fit (value-typed reports it). */
function typed(index: ProjectIndex, entry: { fact: Fact; statement: Statement }): Typed | undefined {
  const property = entry.statement.property === "date" && entry.fact.shape === "event" ? { label: "date", type: "date" as const } : index.registry?.properties.get(entry.statement.property);
  const read = readValue(entry.statement.value, property, { year: entry.fact.time?.year });
  return "typed" in read ? read.typed : undefined;
}

/**
 * Two sources that state values for one subject and property that cannot both be true
 * must be reconciled by rank. Values that overlap within their bounds and precision
 * (419,725 kg and "about 420,000 kg") are not a disagreement, nor are the several values
 * of a multi-valued property, nor a preferred statement beside a normal one (rank decides).
 */
export const sourceConflict: Rule = {
  id: "source-conflict",
  description: "No two equally ranked statements give values for the same subject and property that cannot both be true.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    conflict:
      'undecided: equally ranked sources disagree on {subject} {property}: {source} says {value} ("{quote}"), but {otherSource} says {otherValue} ("{otherQuote}"); rank the wrong one deprecated with a reason, or the right one preferred',
    otherSide: "{source} says {value} here",
  },
  check({ index, report }) {
    for (const entries of index.statements.values()) {
      const property = entries[0]?.statement.property;
      // Sources name the participants they care about: a shorter list is not a disagreement.
      if (property === "participants" || (property !== undefined && index.registry?.properties.get(property)?.multiple)) continue;
      const groups = new Map<string, Array<{ fact: Fact; statement: Statement }>>();
      for (const entry of entries) {
        if (entry.fact.rank === "deprecated") continue;
        const key = `${entry.fact.rank}\u0000${context(entry.fact)}`;
        const list = groups.get(key) ?? [];
        list.push(entry);
        groups.set(key, list);
      }
      for (const group of groups.values()) {
        const values = group.map((entry) => typed(index, entry));
        for (let j = 1; j < group.length; j++) {
          const vb = values[j];
          if (vb === undefined) continue;
          // Each statement is reported once, against the first earlier one it cannot agree with.
          const i = values.findIndex((va, k) => k < j && va !== undefined && disagree(va, vb));
          if (i < 0) continue;
          const a = group[i]!;
          const b = group[j]!;
          const va = values[i]!;
          const bSource = index.sources.get(b.fact.source)!;
          const aSource = index.sources.get(a.fact.source)!;
          report({
            messageId: "conflict",
            data: {
              subject: b.statement.subject,
              property: b.statement.property,
              source: b.fact.source,
              value: showTyped(vb),
              quote: b.fact.excerpt ?? "",
              otherSource: a.fact.source,
              otherValue: showTyped(va),
              otherQuote: a.fact.excerpt ?? "",
            },
            at: { doc: bSource.doc, path: ["facts", b.fact.index, ...b.statement.path] },
            related: [
              {
                messageId: "otherSide",
                data: { source: a.fact.source, value: showTyped(va) },
                at: { doc: aSource.doc, path: ["facts", a.fact.index, ...a.statement.path] },
              },
            ],
          });
        }
      }
    }
  },
};
