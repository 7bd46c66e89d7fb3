import { isDiagnostic } from "../cache/file-cache.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { ClaimResult } from "../model/result.js";
import type { ClaimSummary } from "../rules/types.js";

/**
 * What a run keeps of one claim for the next (src/engine/incremental.ts), by claim file: enough
 * to stand in for evaluating it and running the per-claim rules over it again, when nothing it
 * depends on changed.
 */
export interface ClaimRecord {
  /** The digest of everything the project graph says the claim depends on, and the configuration. */
  key: string;
  /**
   * The statement-table entries its evaluation looked up (`subject\0property`), each with the
   * ids of the sources that stated it then, joined: an uncited source that starts or stops
   * stating it changes the claim's "uncited-only" problem, though it is no file of the graph.
   */
  statements: Array<[key: string, sources: string]>;
  /** The findings of the per-claim rules over it. */
  findings: Diagnostic[];
  /** What project-wide rules read of its evaluation. */
  summary?: ClaimSummary;
  /** Its result, without its findings (`diagnostics` empty; `status` and each citation's `found` are made again from them). */
  result: ClaimResult;
  /** The facts its evaluation used, as (source file, fact index), for the timeline. */
  used: Array<[file: string, fact: number]>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isPair = (v: unknown, second: (x: unknown) => boolean) => Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && second(v[1]);

/** Whether a stored value has the shape this version writes; anything else is a miss. */
export function isClaimRecord(v: unknown): v is ClaimRecord {
  if (!isObject(v) || typeof v.key !== "string") return false;
  if (!Array.isArray(v.statements) || !v.statements.every((s) => isPair(s, (x) => typeof x === "string"))) return false;
  if (!Array.isArray(v.findings) || !v.findings.every(isDiagnostic)) return false;
  if (!Array.isArray(v.used) || !v.used.every((u) => isPair(u, (x) => Number.isInteger(x)))) return false;
  if (v.summary !== undefined && !(isObject(v.summary) && typeof v.summary.claimId === "string" && Array.isArray(v.summary.problems))) return false;
  const r = v.result;
  return (
    isObject(r) &&
    typeof r.id === "string" &&
    typeof r.file === "string" &&
    typeof r.article === "string" &&
    Array.isArray(r.citations) &&
    r.citations.every((c) => isObject(c) && typeof c.source === "string") &&
    Array.isArray(r.diagnostics)
  );
}
