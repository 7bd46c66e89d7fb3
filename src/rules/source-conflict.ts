import { sameValue, showValue } from "../assert/values.js";
import type { Fact, Statement } from "../project/types.js";
import type { Rule } from "./types.js";

/** Statements that could differ without disagreeing: held at different times, or qualified differently. */
function context(fact: Fact): string {
  const r = fact.record;
  // An event's date is its value, not its context; a statement's time qualifiers are context.
  const when = fact.shape === "statement" ? [r["point-in-time"], r.start, r.end].map((v) => (v === undefined ? "" : String(v))) : ["", "", ""];
  const qualifiers = Object.entries(r.qualifiers ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([when, qualifiers]);
}

/** Two sources that state different values for one subject and property must be reconciled by rank. */
export const sourceConflict: Rule = {
  id: "source-conflict",
  description: "No two non-deprecated statements give different values for the same subject and property.",
  defaultSeverity: "error",
  messages: {
    conflict:
      '{subject} {property}: {source} says {value} ("{quote}"), but {otherSource} says {otherValue} ("{otherQuote}"); rank the wrong one deprecated with a reason',
    otherSide: "{source} says {value} here",
  },
  check({ index, report }) {
    for (const entries of index.statements.values()) {
      // Sources name the participants they care about: a shorter list is not a disagreement.
      if (entries[0]?.statement.property === "participants") continue;
      const groups = new Map<string, Array<{ fact: Fact; statement: Statement }>>();
      for (const entry of entries) {
        if (entry.fact.rank === "deprecated") continue;
        const key = context(entry.fact);
        const list = groups.get(key) ?? [];
        list.push(entry);
        groups.set(key, list);
      }
      for (const group of groups.values()) {
        const first = group[0]!;
        for (const other of group.slice(1)) {
          if (sameValue(other.statement.value, first.statement.value)) continue;
          const a = first;
          const b = other;
          const bSource = index.sources.get(b.fact.source)!;
          const aSource = index.sources.get(a.fact.source)!;
          report({
            messageId: "conflict",
            data: {
              subject: b.statement.subject,
              property: b.statement.property,
              source: b.fact.source,
              value: showValue(b.statement.value),
              quote: b.fact.excerpt ?? "",
              otherSource: a.fact.source,
              otherValue: showValue(a.statement.value),
              otherQuote: a.fact.excerpt ?? "",
            },
            at: { doc: bSource.doc, path: ["facts", b.fact.index, ...b.statement.path] },
            related: [
              {
                messageId: "otherSide",
                data: { source: a.fact.source, value: showValue(a.statement.value) },
                at: { doc: aSource.doc, path: ["facts", a.fact.index, ...a.statement.path] },
              },
            ],
          });
        }
      }
    }
  },
};
