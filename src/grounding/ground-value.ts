/**
 * Whether one value of a fact is recognisable in its excerpt: one function per shape of
 * value (a date, a year, a number, an entity, a text, a boolean). A new shape of value (a
 * quantity with a unit and bounds, a list) is one more function here and one more case in
 * `valueShape`; the number recogniser already reads bounds, scales and units for it.
 */
import type { FactRecord, Literal, QuantityRecord, Registry } from "../project/types.js";
import type { BoundKind, NumberMention } from "../text/numbers-in-text.js";
import { datesMeant } from "../text/dates-in-text.js";
import { nameStandsIn } from "../text/entities-in-text.js";
import { compareDates, parsePartialDate, truncate, type DatePrecision, type PartialDate } from "../time/partial-date.js";
import type { ExcerptScan } from "./excerpt-scan.js";

/** What a check found. `unchecked`: nothing textual to look for (a boolean, an undeclared entity). */
export type Grounding =
  | { found: true }
  | { found: false; shape: "date" | "number" | "name" | "text"; closest?: string; names?: string[] }
  | { found: "unchecked" };

export interface GroundingContext {
  registry?: Pick<Registry, "entities" | "properties">;
  /** Every event fact of the project, by event id: who took part, where and when. */
  eventRecords: ReadonlyMap<string, readonly FactRecord[]>;
  /** The publication date of the excerpt's source: what "July 31" or "on Thursday" are read against. */
  issued?: PartialDate;
}

const FOUND: Grounding = { found: true };
const UNCHECKED: Grounding = { found: "unchecked" };
const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/**
 * A date is stated when the excerpt gives it at the fact's precision or finer: "2018" is
 * stated by "October 2018", but "2025-07-31" is not stated by "July 2025".
 */
export function groundDate(date: PartialDate, scan: ExcerptScan, context: GroundingContext): Grounding {
  let closest: { text: string; score: number } | undefined;
  for (const mention of scan.dates) {
    for (const meant of datesMeant(mention, context.issued)) {
      if (PRECISION_RANK[meant.precision] >= PRECISION_RANK[date.precision] && compareDates(truncate(meant, date.precision), date) === 0) return FOUND;
      // The hint: the mention that agrees with the fact's date furthest down (year, then month).
      const score = meant.year !== date.year ? 0 : meant.month === undefined || meant.month !== date.month ? 1 : 2;
      if (!closest || score > closest.score) closest = { text: mention.text, score };
    }
  }
  return { found: false, shape: "date", closest: closest?.text };
}

export function groundYear(year: number, scan: ExcerptScan, context: GroundingContext): Grounding {
  return groundDate({ year, precision: "year" }, scan, context);
}

/**
 * A number is stated when a number in the excerpt has its value, with or without the scale
 * word ("843" and "843,000,000" are both stated by "$843 million"), whatever bound stands
 * before it: a plain number cannot say "more than"; a `qualifiers.as-stated` can.
 */
export function groundNumber(value: number, scan: ExcerptScan): Grounding {
  let closest: { text: string; distance: number } | undefined;
  for (const mention of scan.numbers) {
    if (mention.value === value || mention.figure === value) return FOUND;
    const distance = Math.abs(mention.value - value);
    if (!closest || distance < closest.distance) closest = { text: scan.text.slice(mention.start, mention.end), distance };
  }
  return { found: false, shape: "number", closest: closest?.text };
}

/** A text value is stated when its words stand in the excerpt, in order (case, accents and punctuation aside). */
export function groundText(value: string, scan: ExcerptScan): Grounding {
  return nameStandsIn(scan.words, value) ? FOUND : { found: false, shape: "text" };
}

/**
 * An entity is stated when the excerpt names it by its registry label or an alias. An
 * event has no name of its own in most texts ("the meeting", "the talks"): it is also
 * stated when the excerpt names everyone one of its records lists as taking part, or, for
 * a record that lists nobody, its place and its date.
 */
export function groundEntity(id: string, scan: ExcerptScan, context: GroundingContext, depth = 0): Grounding {
  const entity = context.registry?.entities.get(id);
  if (!entity) return UNCHECKED; // entity-declared reports it
  const names = [...new Set([entity.label, ...(entity.aliases ?? [])])];
  if (names.some((name) => nameStandsIn(scan.words, name))) return FOUND;
  if (depth === 0) {
    for (const record of context.eventRecords.get(id) ?? []) {
      if (describes(record, scan, context)) return FOUND;
    }
  }
  return { found: false, shape: "name", names };
}

function describes(record: FactRecord, scan: ExcerptScan, context: GroundingContext): boolean {
  const participants = record.participants ?? [];
  if (participants.length > 0) return participants.every((p) => groundEntity(p, scan, context, 1).found === true);
  if (record.place === undefined) return false;
  const date = parsePartialDate(record.date);
  return date !== undefined && groundEntity(record.place, scan, context, 1).found === true && groundDate(date, scan, context).found === true;
}

/**
 * Which bound words in the text state a quantity's bound. A fact keeps the excerpt's own
 * bound: "more than 290" is `more-than: 290`, not `amount: 290`. A rounded amount (`about`)
 * may stand with or without "about": a figure like "420 tonnes" is itself a rounding.
 */
const BOUND_WORDS: Record<Exclude<keyof QuantityRecord, "unit" | "year" | "precision">, ReadonlyArray<BoundKind | undefined>> = {
  amount: [undefined],
  about: [undefined, "about", "nearly"],
  "more-than": ["over"],
  "at-least": ["at-least"],
  "less-than": ["under"],
  "at-most": ["at-most"],
  between: ["between", undefined],
};

/** A mention whose number is `value`, written with or without its scale word ("843" or "843 million"). */
function says(mention: NumberMention, value: number): boolean {
  return mention.value === value || mention.figure === value;
}

/**
 * A quantity is stated when a number in the excerpt has each of its amounts, with the
 * bound the quantity gives ("more than 290" for `more-than: 290`, "between 5 and 6" for
 * `between: [5, 6]`). The unit is not compared here: "419,725 kilograms" states
 * `{ amount: 419725, unit: kg }`; a value converted by hand ("420,000 kg" for "420
 * tonnes") is not stated, since the excerpt's number differs.
 */
export function groundQuantity(quantity: QuantityRecord, scan: ExcerptScan): Grounding {
  let closest: { text: string; distance: number } | undefined;
  const near = (mention: NumberMention, value: number) => {
    const distance = Math.abs(mention.value - value);
    if (!closest || distance < closest.distance) closest = { text: scan.text.slice(mention.start, mention.end), distance };
  };
  for (const key of Object.keys(BOUND_WORDS) as Array<keyof typeof BOUND_WORDS>) {
    const stated = quantity[key];
    if (stated === undefined) continue;
    const bounds = BOUND_WORDS[key];
    if (key === "between") {
      const [low, high] = stated as [number, number];
      const found = scan.numbers.some((m, i) => says(m, low) && (m.rangeTo === high || (m.rangeTo === undefined && scan.numbers[i + 1] !== undefined && says(scan.numbers[i + 1]!, high))));
      if (!found) {
        for (const m of scan.numbers) near(m, low);
        return { found: false, shape: "number", closest: closest?.text };
      }
      continue;
    }
    const amount = stated as number;
    if (!scan.numbers.some((m) => says(m, amount) && bounds.includes(m.bound?.kind))) {
      for (const m of scan.numbers) near(m, amount);
      return { found: false, shape: "number", closest: closest?.text };
    }
  }
  return FOUND;
}

/** The shapes of value a fact can hold. */
export type ValueShape = "entity" | "date" | "year" | "number" | "text" | "boolean" | "quantity";

/** A value's shape, from its property's declared type where there is one, else from the value. */
export function valueShape(value: Literal | QuantityRecord, propertyType: string | undefined, registry: Pick<Registry, "entities"> | undefined): ValueShape {
  if (typeof value === "object") return "quantity";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return propertyType === "year" || propertyType === "date" ? "year" : "number";
  if (propertyType === "entity") return "entity";
  if (propertyType === "date" || propertyType === "year") return "date";
  if (propertyType === "string") return "text";
  if (registry?.entities.has(value)) return "entity";
  if (parsePartialDate(value)) return "date";
  return "text";
}

/** Grounds a fact's `value`, by its shape. */
export function groundValue(value: Literal | QuantityRecord, shape: ValueShape, scan: ExcerptScan, context: GroundingContext): Grounding {
  switch (shape) {
    case "quantity":
      return groundQuantity(value as QuantityRecord, scan);
    case "boolean":
      // A boolean states that the excerpt's sentence holds; no word of the text spells it.
      return UNCHECKED;
    case "year":
      return groundYear(value as number, scan, context);
    case "number":
      return groundNumber(value as number, scan);
    case "entity":
      return groundEntity(value as string, scan, context);
    case "date": {
      const date = parsePartialDate(value);
      return date ? groundDate(date, scan, context) : groundText(String(value), scan);
    }
    case "text":
      return groundText(String(value), scan);
  }
}
