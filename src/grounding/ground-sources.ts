/**
 * Grounding every fact of a project, from plain data: what the rule fact-grounded reports,
 * worked out here so that it can run on the rules' own thread or beside them on another
 * (src/grounding/off-thread.ts) with the same answers in the same order.
 */
import type { DocPath } from "../model/position.js";
import type { FactRecord, ProjectIndex, Registry } from "../project/types.js";
import { parsePartialDate } from "../time/partial-date.js";
import { scanExcerpt } from "./excerpt-scan.js";
import { checkFact, type FieldCheck } from "./ground-fact.js";
import type { GroundingContext } from "./ground-value.js";

/** A source as grounding reads it: its language, its date and its facts, in the index's order. */
export interface GroundingSource {
  language?: string;
  issued?: string | number;
  facts: Array<{ shape: "statement" | "event"; excerpt?: string; record: FactRecord }>;
}

/** Everything grounding reads: structured-clone data, no documents. */
export interface GroundingInput {
  sources: GroundingSource[];
  registry?: Pick<Registry, "entities" | "properties">;
}

/** One finding of fact-grounded: the source and fact by their places in the input, the path under the fact. */
export interface GroundingFinding {
  source: number;
  fact: number;
  path: DocPath;
  messageId: string;
  data: Record<string, string>;
}

const SHAPE_WORDS = { date: "date", number: "number", name: "name", text: "text" } as const;

/** What grounding reads of an index. */
export function groundingInput(index: ProjectIndex): GroundingInput {
  return {
    sources: index.sourceList.map((source) => ({
      language: source.data.language,
      issued: source.data.issued,
      facts: source.facts.map((fact) => ({ shape: fact.shape, excerpt: fact.excerpt, record: fact.record })),
    })),
    registry: index.registry && { entities: index.registry.entities, properties: index.registry.properties },
  };
}

/** Every event fact of the project, by event id: what recognises an event that has no name. */
function eventRecords(input: GroundingInput): Map<string, FactRecord[]> {
  const out = new Map<string, FactRecord[]>();
  for (const source of input.sources) {
    for (const fact of source.facts) {
      if (fact.shape !== "event") continue;
      const list = out.get(fact.record.event!);
      if (list) list.push(fact.record);
      else out.set(fact.record.event!, [fact.record]);
    }
  }
  return out;
}

/** Grounds every fact that cites an excerpt: its value, dates, subject, participants and place, and its `grounding` note. */
export function groundSources(input: GroundingInput): GroundingFinding[] {
  const findings: GroundingFinding[] = [];
  const events = eventRecords(input);
  input.sources.forEach((source, s) => {
    const context: GroundingContext = { registry: input.registry, eventRecords: events, issued: parsePartialDate(source.issued) };
    source.facts.forEach(({ excerpt, record }, f) => {
      if (excerpt === undefined) return; // excerpt-exists reports it
      const add = (path: DocPath, messageId: string, data: Record<string, string>) => findings.push({ source: s, fact: f, path, messageId, data });
      const checks = checkFact(record, scanExcerpt(excerpt, source.language), context);
      const inferred = record.grounding?.inferred ?? [];
      const base = { fact: record.id, excerpt: record.excerpt! };
      for (const check of checks) {
        if (check.result.found !== false || inferred.includes(check.field)) continue;
        const { messageId, data } = notStated(check, base);
        add(check.path, messageId, data);
      }
      if (record.grounding && record.grounding.reason.trim() === "") add(["grounding", "reason"], "blankReason", base);
      inferred.forEach((field, k) => {
        const own = checks.filter((c) => c.field === field);
        if (own.length === 0) add(["grounding", "inferred", k], "inferredFieldMissing", { ...base, field });
        else if (own.every((c) => c.result.found === true)) add(["grounding", "inferred", k], "inferenceNotNeeded", { ...base, field });
      });
    });
  });
  return findings;
}

function notStated(check: FieldCheck, base: { fact: string; excerpt: string }): { messageId: string; data: Record<string, string> } {
  const result = check.result as Extract<FieldCheck["result"], { found: false }>;
  const data = { ...base, field: check.field, value: check.value };
  if (result.shape === "name") return { messageId: "notNamed", data: { ...data, names: (result.names ?? []).map((n) => `"${n}"`).join(", ") } };
  if (result.closest !== undefined) return { messageId: "notStatedNear", data: { ...data, shape: SHAPE_WORDS[result.shape], closest: result.closest } };
  return { messageId: "notStated", data };
}
