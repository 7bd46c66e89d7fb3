import type { CitationResult, ClaimResult, EvidenceGroup, GroupLink } from "../model/result.js";

/**
 * The words the HTML and Markdown reports use for a claim's independent evidence groups. Plain
 * text: each reporter escapes it for its own markup.
 */

/** What ties a group's sources together, in words: "copies of Reuters", "RU state media". */
export function linkText(link: GroupLink): string {
  switch (link.by) {
    case "outlet":
      return `one outlet, ${link.value}`;
    case "mirror-of":
      return `copies of ${link.value}`;
    case "network":
      return `network ${link.value}`;
    case "state":
      return `${link.value} state media`;
  }
}

/** "Reuters" or "Reuters / Benzinga", with what ties the sources and how the group weighs. */
export function groupText(group: EvidenceGroup): string {
  const tie = group.links.length > 0 ? ` (counted once: ${group.links.map(linkText).join("; ")})` : "";
  const weight = group.counts === false ? " — counts for nothing" : group.primary === true ? " — a primary source" : "";
  return `${group.outlets.join(" / ")}${tie}${weight}`;
}

/** "2 independent sources", or, under a standard where some groups count for nothing, "1 independent source that counts (of 2)". */
export function groupsSummary(groups: readonly EvidenceGroup[]): string {
  const counting = groups.filter((g) => g.counts !== false).length;
  const noun = (n: number) => `${n} independent source${n === 1 ? "" : "s"}`;
  return counting === groups.length ? noun(groups.length) : `${noun(counting)} that count${counting === 1 ? "s" : ""} (of ${groups.length})`;
}

/** Who a cited source is: "mirror, use with care, RU state-affiliated, network pravda-network". */
export function whoText(citation: CitationResult): string {
  return [
    citation.kind,
    citation.standing === undefined ? undefined : citation.standing.replace(/-/g, " "),
    citation.stateAffiliated === undefined ? undefined : `${citation.stateAffiliated} state-affiliated`,
    citation.network === undefined ? undefined : `network ${citation.network}`,
  ]
    .filter((bit): bit is string => bit !== undefined)
    .join(", ");
}

/** The claim's citations by group, then those whose source was not found (in no group). */
export function citationsByGroup(claim: ClaimResult): { groups: Array<{ group: EvidenceGroup; citations: CitationResult[] }>; ungrouped: CitationResult[] } {
  const groups = (claim.evidenceGroups ?? []).map((group) => ({ group, citations: group.citations.flatMap((i) => (claim.citations[i] ? [claim.citations[i]!] : [])) }));
  const grouped = new Set((claim.evidenceGroups ?? []).flatMap((g) => g.citations));
  return { groups, ungrouped: claim.citations.filter((_, i) => !grouped.has(i)) };
}
