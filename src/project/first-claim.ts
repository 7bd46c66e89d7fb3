import type { Claim, ProjectIndex } from "./types.js";

/** The first claim of each id, by index, found without a scan per claim. */
const firstClaimsById = new WeakMap<ProjectIndex, Map<string, Claim>>();

/**
 * The first claim of the index with an id: of two claims with one id, only that one is
 * evaluated (unique-id reports the other).
 */
export function firstClaimWithId(index: ProjectIndex, id: string): Claim | undefined {
  let byId = firstClaimsById.get(index);
  if (!byId) {
    byId = new Map();
    for (const c of index.claims) if (!byId.has(c.id)) byId.set(c.id, c);
    firstClaimsById.set(index, byId);
  }
  return byId.get(id);
}
