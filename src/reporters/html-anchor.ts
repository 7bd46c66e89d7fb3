/**
 * Fragment ids for the HTML report. Ids come from files, so they may hold anything;
 * every character outside `[A-Za-z0-9-]` becomes `_hex_`, which keeps the mapping
 * one-to-one (an `_` in an id is encoded too) and the fragment free of spaces and quotes.
 */
export function anchor(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/gu, (ch) => `_${(ch.codePointAt(0) ?? 0).toString(16)}_`);
}

/** The id of a claim's card. */
export function claimAnchor(claimId: string): string {
  return `claim-${anchor(claimId)}`;
}
