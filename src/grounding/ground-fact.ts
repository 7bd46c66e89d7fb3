import type { DocPath } from "../model/position.js";
import type { FactRecord, GroundedField, Literal, QuantityRecord } from "../project/types.js";
import { readValue } from "../assert/typed.js";
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

/** A value as a finding shows it: a quantity in its record's own words (`more-than 290 people`). */
function showGrounded(value: Literal | QuantityRecord): string {
  if (typeof value !== "object") return String(value);
  return Object.entries(value)
    .map(([key, v]) => (key === "amount" || key === "unit" ? String(v) : `${key} ${Array.isArray(v) ? v.join("–") : String(v)}`))
    .join(" ");
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
  const property = record.property === undefined ? undefined : context.registry?.properties.get(record.property);
  if (record.value !== undefined && property !== undefined && "problem" in readValue(record.value, property)) {
    // A value that does not fit its property's type is value-typed's finding, and is never compared: nothing to ground.
    checks.push({ field: "value", path: ["value"], value: showGrounded(record.value as Literal), result: { found: "unchecked" } });
  } else if (record.value !== undefined) {
    const type = property?.type;
    // A list (a crew, the partners) is stated member by member.
    const values = Array.isArray(record.value) ? record.value : [record.value];
    values.forEach((value, i) => {
      const path = Array.isArray(record.value) ? ["value", i] : ["value"];
      const shape = valueShape(value, type, context.registry);
      checks.push({ field: "value", path, value: showGrounded(value), result: groundValue(value, shape, scan, context) });
    });
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
