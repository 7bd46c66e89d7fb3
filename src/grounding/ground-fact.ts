import type { DocPath } from "../model/position.js";
import type { FactRecord, GroundedField } from "../project/types.js";
import { parsePartialDate } from "../time/partial-date.js";
import type { ExcerptScan } from "./excerpt-scan.js";
import { groundDate, groundEntity, groundValue, valueShape, type Grounding, type GroundingContext } from "./ground-value.js";

/** The fields of a fact that its excerpt must state (or the fact must mark as inferred); the schema lists the same. */
export const GROUNDED_FIELDS: readonly GroundedField[] = ["subject", "value", "point-in-time", "start", "end", "date", "participants", "place"];

/** One value of a fact, checked against its excerpt. */
export interface FieldCheck {
  field: GroundedField;
  /** Where the value stands, relative to the fact (`["participants", 1]`). */
  path: DocPath;
  /** The value as the fact gives it. */
  value: string;
  result: Grounding;
}

const DATE_FIELDS = ["point-in-time", "start", "end", "date"] as const;

/**
 * Checks every grounded field a fact has. An event's id and kind, a statement's property
 * and the qualifiers are the fact-checker's model of what the excerpt says, not words of it,
 * and are not checked.
 */
export function checkFact(record: FactRecord, scan: ExcerptScan, context: GroundingContext): FieldCheck[] {
  const checks: FieldCheck[] = [];
  if (record.subject !== undefined) {
    checks.push({ field: "subject", path: ["subject"], value: record.subject, result: groundEntity(record.subject, scan, context) });
  }
  if (record.value !== undefined) {
    const type = record.property === undefined ? undefined : context.registry?.properties.get(record.property)?.type;
    const shape = valueShape(record.value, type, context.registry);
    checks.push({ field: "value", path: ["value"], value: String(record.value), result: groundValue(record.value, shape, scan, context) });
  }
  for (const field of DATE_FIELDS) {
    const raw = record[field];
    if (raw === undefined) continue;
    const date = parsePartialDate(raw);
    // An impossible date is dates-valid's finding; there is nothing to look for.
    const result: Grounding = date ? groundDate(date, scan, context) : { found: "unchecked" };
    checks.push({ field, path: [field], value: String(raw), result });
  }
  (record.participants ?? []).forEach((participant, i) => {
    checks.push({ field: "participants", path: ["participants", i], value: participant, result: groundEntity(participant, scan, context) });
  });
  if (record.place !== undefined) {
    checks.push({ field: "place", path: ["place"], value: record.place, result: groundEntity(record.place, scan, context) });
  }
  return checks;
}
