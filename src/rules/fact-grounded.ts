import { scanExcerpt } from "../grounding/excerpt-scan.js";
import { checkFact, type FieldCheck } from "../grounding/ground-fact.js";
import type { GroundingContext } from "../grounding/ground-value.js";
import type { DocPath } from "../model/position.js";
import type { FactRecord, ProjectIndex } from "../project/types.js";
import { parsePartialDate } from "../time/partial-date.js";
import type { Rule } from "./types.js";

/** Every event fact of the project, by event id: what recognises an event that has no name. */
function eventRecords(index: ProjectIndex): Map<string, FactRecord[]> {
  const out = new Map<string, FactRecord[]>();
  for (const source of index.sourceList) {
    for (const fact of source.facts) {
      if (fact.shape !== "event") continue;
      const list = out.get(fact.record.event!);
      if (list) list.push(fact.record);
      else out.set(fact.record.event!, [fact.record]);
    }
  }
  return out;
}

const SHAPE_WORDS = { date: "date", number: "number", name: "name", text: "text" } as const;

/** A fact's value, dates and who and where are recognisable in the excerpt it cites, or marked as inferred. */
export const factGrounded: Rule = {
  id: "fact-grounded",
  description: "Every fact's value, dates, subject, participants and place are stated in the excerpt it cites, or marked as inferred with a reason.",
  scope: "project",
  defaultSeverity: "error",
  messages: {
    notStated: 'fact "{fact}": {field} "{value}" is not stated in excerpt "{excerpt}"',
    notStatedNear: 'fact "{fact}": {field} "{value}" is not stated in excerpt "{excerpt}"; the nearest {shape} it states is "{closest}"',
    notNamed: 'fact "{fact}": {field} "{value}" is not named in excerpt "{excerpt}" (looked for: {names})',
    inferenceNotNeeded: 'fact "{fact}" marks {field} as inferred, but excerpt "{excerpt}" states it: take it out of grounding.inferred',
    inferredFieldMissing: 'fact "{fact}" marks {field} as inferred, but the fact has no {field}',
    blankReason: 'fact "{fact}" marks fields as inferred without saying why: give grounding.reason',
  },
  check({ index, report }) {
    const events = eventRecords(index);
    for (const source of index.sourceList) {
      const context: GroundingContext = { registry: index.registry, eventRecords: events, issued: parsePartialDate(source.data.issued) };
      for (const fact of source.facts) {
        if (fact.excerpt === undefined) continue; // excerpt-exists reports it
        const record = fact.record;
        const checks = checkFact(record, scanExcerpt(fact.excerpt, source.data.language), context);
        const inferred = record.grounding?.inferred ?? [];
        const at = (path: DocPath) => ({ doc: source.doc, path: ["facts", fact.index, ...path] });
        const base = { fact: record.id, excerpt: record.excerpt };
        for (const check of checks) {
          if (check.result.found !== false || inferred.includes(check.field)) continue;
          report({ ...notStated(check, base), at: at(check.path) });
        }
        if (record.grounding && record.grounding.reason.trim() === "") {
          report({ messageId: "blankReason", data: base, at: at(["grounding", "reason"]) });
        }
        inferred.forEach((field, k) => {
          const own = checks.filter((c) => c.field === field);
          if (own.length === 0) {
            report({ messageId: "inferredFieldMissing", data: { ...base, field }, at: at(["grounding", "inferred", k]) });
          } else if (own.every((c) => c.result.found === true)) {
            report({ messageId: "inferenceNotNeeded", data: { ...base, field }, at: at(["grounding", "inferred", k]) });
          }
        });
      }
    }
  },
};

function notStated(check: FieldCheck, base: { fact: string; excerpt: string }) {
  const result = check.result as Extract<FieldCheck["result"], { found: false }>;
  const data = { ...base, field: check.field, value: check.value };
  if (result.shape === "name") return { messageId: "notNamed", data: { ...data, names: (result.names ?? []).map((n) => `"${n}"`).join(", ") } };
  if (result.closest !== undefined) return { messageId: "notStatedNear", data: { ...data, shape: SHAPE_WORDS[result.shape], closest: result.closest } };
  return { messageId: "notStated", data };
}
