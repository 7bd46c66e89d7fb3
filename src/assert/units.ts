import { createRequire } from "node:module";
import type QtyType from "js-quantities";
import type { Dimension } from "../project/types.js";

/**
 * Units, through js-quantities (docs/design.md, "Units through a library"). The library is
 * loaded the first time a unit has to be looked up or converted: a run over a dataset
 * without units never pays for it (docs/performance.md).
 *
 * A unit string comes from a stranger's file, and the library reads it with regular
 * expressions that backtrack on text they cannot match. So nothing reaches the library
 * before `knownUnit` has recognised it token by token, with set look-ups and plain string
 * comparisons, as a unit the library names.
 */

const require = createRequire(import.meta.url);
let library: typeof QtyType | undefined;
function qty(): typeof QtyType {
  library ??= require("js-quantities") as typeof QtyType;
  return library;
}

/** The library's name for each dimension it converts. Count has no unit; money is ours (ISO 4217 codes). */
const LIBRARY_KINDS: Partial<Record<Dimension, string>> = {
  mass: "mass",
  length: "length",
  area: "area",
  volume: "volume",
  duration: "time",
  speed: "speed",
  energy: "energy",
  power: "power",
  force: "force",
  pressure: "pressure",
};

/** An ISO 4217 currency code. Amounts of money are never converted: see `sameCurrencyYear`. */
const CURRENCY = /^[A-Z]{3}$/;

/** Calendar months are not a fixed length, and the library has none: a month is counted as a twelfth of its year. */
const MONTHS = new Set(["month", "months", "mo"]);

/** SI prefixes the library accepts before a unit (`km`, `Mt`, `ms`). */
const PREFIXES = ["da", "Y", "Z", "E", "P", "T", "G", "M", "k", "h", "d", "c", "m", "u", "µ", "n", "p", "f", "a", "z", "y"];

const UNIT_SHAPE = /^[A-Za-zµ-]{1,20}(\^[23])?(\/[A-Za-zµ-]{1,20}(\^[23])?)?$/;

let aliases: Set<string> | undefined;
function knownAliases(): Set<string> {
  if (aliases) return aliases;
  const Qty = qty();
  aliases = new Set<string>();
  for (const unit of Qty.getUnits()) for (const alias of Qty.getAliases(unit)) aliases.add(alias);
  return aliases;
}

function knownToken(token: string): boolean {
  if (MONTHS.has(token)) return true;
  const names = knownAliases();
  if (names.has(token)) return true;
  return PREFIXES.some((p) => token.length > p.length && token.startsWith(p) && names.has(token.slice(p.length)));
}

const known = new Map<string, boolean>();

/** Whether a unit string names a unit: a currency code, or units the library knows (`kg`, `km/h`, `m^2`). */
export function knownUnit(unit: string): boolean {
  if (CURRENCY.test(unit)) return true;
  let ok = known.get(unit);
  if (ok !== undefined) return ok;
  ok = UNIT_SHAPE.test(unit) && unit.split("/").every((part) => knownToken(part.replace(/\^[23]$/, "")));
  if (ok && !isCurrency(unit)) {
    try {
      libraryUnit(unit);
    } catch {
      ok = false;
    }
  }
  known.set(unit, ok);
  return ok;
}

export function isCurrency(unit: string): boolean {
  return CURRENCY.test(unit);
}

/** The library's reading of a known unit, with months written as a twelfth of a year. */
function libraryUnit(unit: string): { factor: number; qty: QtyType } {
  if (MONTHS.has(unit)) return { factor: 1 / 12, qty: qty()(1, "year") };
  return { factor: 1, qty: qty()(1, unit) };
}

/** The dimension a known unit measures, or undefined when it is none of ours. */
export function dimensionOf(unit: string): Dimension | undefined {
  if (isCurrency(unit)) return "money";
  if (!knownUnit(unit)) return undefined;
  const kind = libraryUnit(unit).qty.kind();
  return (Object.keys(LIBRARY_KINDS) as Dimension[]).find((d) => LIBRARY_KINDS[d] === kind);
}

/**
 * `amount` in unit `from`, expressed in unit `to`; undefined when the units are unknown,
 * measure different things, or are currencies (money is compared only in one currency).
 */
export function convert(amount: number, from: string, to: string): number | undefined {
  if (from === to) return amount;
  if (isCurrency(from) || isCurrency(to) || !knownUnit(from) || !knownUnit(to)) return undefined;
  const a = libraryUnit(from);
  const b = libraryUnit(to);
  if (!a.qty.isCompatible(b.qty)) return undefined;
  return (amount * a.factor * a.qty.to(b.qty.units()).scalar) / b.factor / b.qty.scalar;
}
