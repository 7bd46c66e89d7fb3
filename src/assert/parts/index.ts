import type { PartKind } from "../../model/result.js";
import { all } from "./all.js";
import { any } from "./any.js";
import { compare } from "./compare.js";
import { count } from "./count.js";
import { date } from "./date.js";
import { duration } from "./duration.js";
import { firstSince } from "./first-since.js";
import { lastBefore } from "./last-before.js";
import { members } from "./members.js";
import type { PartModule } from "./part.js";
import { value } from "./value.js";

export type { PartModule, Reference } from "./part.js";

/**
 * Every kind of assertion part, sorted by kind. A test checks this list against
 * src/assert/parts/ and docs/assertions/: a new kind is a file here and a page there.
 */
export const partModules: readonly PartModule[] = [all, any, compare, count, date, duration, firstSince, lastBefore, members, value] as PartModule[];

export const PART_KINDS: readonly PartKind[] = partModules.map((m) => m.kind);

export function partModule(kind: PartKind): PartModule {
  return partModules.find((m) => m.kind === kind)!;
}
