import type { DocPath } from "../../model/position.js";
import type { PartKind, PartResult } from "../../model/result.js";
import type { AssertPart, DateRef, FactSelector } from "../../project/types.js";
import type { Scope } from "../scope.js";

/**
 * Something a part names, for the rules that check names and types without knowing each
 * kind of part: `entity-declared` (ids are declared, with "did you mean") and `value-typed`
 * (literals fit their property).
 */
export type Reference =
  /** Selects statements: its subject, event and property must be declared. */
  | { kind: "selector"; selector: FactSelector; path: DocPath }
  /** A date, or an event or statement that gives one. */
  | { kind: "date"; ref: DateRef; path: DocPath }
  /** An event id. */
  | { kind: "event"; id: string; path: DocPath }
  /** An event kind (`heads-meeting`). */
  | { kind: "event-kind"; id: string; path: DocPath }
  /** A literal compared with the values of `selector`'s property (or `property`). */
  | { kind: "literal"; value: unknown; selector: FactSelector; property?: string; path: DocPath };

/** One kind of assertion part: a file under src/assert/parts/, a page under docs/assertions/. */
export interface PartModule<K extends PartKind = PartKind> {
  kind: K;
  /** What it checks, in one line (docs and messages). */
  description: string;
  /** A valid part of this kind, as YAML, shown beside any error about a malformed one. */
  example: string;
  evaluate(spec: NonNullable<AssertPart[K]>, path: DocPath, scope: Scope): PartResult;
  references(spec: NonNullable<AssertPart[K]>, path: DocPath): Reference[];
}

/** The references of a date reference: a selector when it names an event or a statement. */
export function dateReferences(ref: DateRef | undefined, path: DocPath): Reference[] {
  return ref === undefined ? [] : [{ kind: "date", ref, path }];
}
