import type { Verdict } from "../model/result.js";

/** A comparison's outcome: holds, fails, or cannot be told from what the sources state. */
export type Truth = true | false | undefined;

/** A leaf's verdict from its comparison: undetermined is unverifiable, never refuted. */
export function verdictOf(truth: Truth): Verdict {
  return truth === undefined ? "unverifiable" : truth ? "supported" : "refuted";
}

/** Both hold (Kleene's strong conjunction): false wins over undetermined. */
export function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return undefined;
}

/** Either holds (Kleene's strong disjunction): true wins over undetermined. */
export function or(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return undefined;
}

export function not(a: Truth): Truth {
  return a === undefined ? undefined : !a;
}

/**
 * Combines the verdicts of a group's parts (docs/assertions.md, "Deriving a verdict").
 *
 * `all`: a claim made of several parts. It takes its parts' verdict when they all agree;
 * parts that disagree make it partly true: mixed.
 *
 * `any`: one of several readings of the claim must hold. One supported reading supports
 * it; it is refuted only when every reading is; conflicting evidence on some reading
 * (and none supported) leaves it mixed; otherwise it cannot be told: unverifiable.
 */
export function combine(kind: "all" | "any", verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 0) return "unverifiable";
  if (kind === "all") {
    const first = verdicts[0]!;
    return verdicts.every((v) => v === first) ? first : "mixed";
  }
  if (verdicts.includes("supported")) return "supported";
  if (verdicts.every((v) => v === "refuted")) return "refuted";
  if (verdicts.includes("mixed")) return "mixed";
  return "unverifiable";
}
