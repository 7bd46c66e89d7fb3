import type { DocPath } from "../model/position.js";
import { parsePartialDate, type PartialDate } from "../time/partial-date.js";
import { decide, isLater, typedValue, type Candidate, type Scope } from "./scope.js";
import { merge, type Typed } from "./typed.js";

/** An event of a kind, recorded by a cited source and known as of the claim's date. */
export interface KnownEvent {
  event: string;
  date?: PartialDate;
  facts: Candidate[];
}

/** Every cited, known, non-deprecated event of a kind, with its date. */
export function eventsOfKind(kind: string, scope: Scope): KnownEvent[] {
  const byEvent = new Map<string, Candidate[]>();
  for (const sourceId of [...scope.cited].sort()) {
    const source = scope.index.sources.get(sourceId);
    if (!source) continue;
    for (const fact of source.facts) {
      if (fact.shape !== "event" || fact.record.kind !== kind || fact.rank === "deprecated" || isLater(fact, scope)) continue;
      const dateStatement = fact.statements.find((s) => s.property === "date")!;
      const list = byEvent.get(fact.record.event!) ?? [];
      list.push({ fact, statement: dateStatement });
      byEvent.set(fact.record.event!, list);
    }
  }
  return [...byEvent.entries()].map(([event, facts]) => ({
    event,
    date: parsePartialDate(facts[0]!.statement.value as string),
    facts,
  }));
}

/**
 * The event a cited source states came before `later` among events of its kind (a
 * statement `later previous earlier`): the witness that nothing of the kind happened in
 * between. Undefined when no source states one, or equally ranked sources name different ones.
 */
export function statedPrevious(later: string, path: DocPath, scope: Scope): { previous: string; witness: Candidate[] } | undefined {
  const witness = decide({ event: later }, "previous", path, scope);
  if (witness.chosen.length === 0) return undefined;
  let shared: Typed | undefined = typedValue(witness.chosen[0]!, scope);
  for (const c of witness.chosen.slice(1)) {
    const t = typedValue(c, scope);
    shared = shared && t && merge(shared, t);
  }
  if (!shared || shared.kind !== "plain" || typeof shared.value !== "string") return undefined;
  return { previous: shared.value, witness: witness.chosen };
}
