import { judgeClaim, judgeEvidence, type Judgement } from "../assert/evidence-standard.js";
import { standingOf } from "../model/source-standing.js";
import { firstClaimWithId } from "../project/first-claim.js";
import type { Claim, ProjectIndex } from "../project/types.js";
import type { Report, Rule } from "./types.js";

/** Supported and refuted findings rest on enough independent evidence (the project's evidence standard). */
export const evidenceSufficiency: Rule = {
  id: "evidence-sufficiency",
  description:
    "A supported or refuted verdict, and each supported or refuted part of a mixed or unverifiable one, rests on enough independent sources: by default two, or one primary source, never only the outlets of the state the claim is about.",
  scope: "claim",
  defaultSeverity: "error",
  messages: {
    tooFew: "{verdict} verdict needs {needed}, but its sources make {found} independent group(s) that count: {groups}; add {missing} more independent source(s), or declare it unverifiable",
    partTooFew:
      'part "{part}" is {verdict}, but needs {needed}, and its sources make {found} independent group(s) that count: {groups}; add {missing} more independent source(s), or expect unverifiable',
    ownState: "{verdict} verdict is about {state}, and every source that counts is affiliated with {state}: {groups}; add a source independent of {state}",
    partOwnState: 'part "{part}" is {verdict} and about {state}, and every source that counts is affiliated with {state}: {groups}; add a source independent of {state}',
    group: "group {n} counts: {outlets} — {sources}; tied by: {links}",
    primaryGroup: "group {n} counts, as a primary source: {outlets} — {sources}; tied by: {links}",
    groupCountsForNothing: "group {n} counts for nothing (standing {standings}): {outlets} — {sources}; tied by: {links}",
  },
  check({ index, claims, evaluations, evidence: policy, report }) {
    if (!policy) return;
    const needed = `${policy.independentSources} independent source${policy.independentSources === 1 ? "" : "s"}${policy.primarySuffices ? " or 1 primary source" : ""}`;
    for (const claim of claims) {
      if (firstClaimWithId(index, claim.id) !== claim) continue; // unique-id reports duplicates; the first is the one evaluated
      const declared = claim.data.verdict;
      const evaluation = evaluations.get(claim.id);
      const findings: Array<{ verdict: string; name?: string; path: Array<string | number>; judgement: Judgement }> = [];
      if (!evaluation || evaluation.claimId !== claim.id) {
        // No assertion (assertion-holds reports that): the declared verdict stands on every cited source.
        if (declared === "supported" || declared === "refuted") findings.push({ verdict: declared, path: ["verdict"], judgement: judgeCitations(claim, index, policy) });
      } else {
        const standing = judgeClaim(claim, evaluation.part, index, policy);
        if (declared === "supported" || declared === "refuted") {
          // A part that points the other way is assertion-holds' finding, not this rule's.
          if (standing.whole?.verdict === declared) findings.push({ verdict: declared, path: ["verdict"], judgement: standing.whole.judgement });
        } else {
          // A mixed or unverifiable claim is judged part by part: each part it expects to be supported or refuted.
          for (const piece of standing.parts) {
            if (piece.part.expect === piece.verdict) findings.push({ verdict: piece.verdict, name: piece.name, path: piece.path, judgement: piece.judgement });
          }
        }
      }
      for (const { verdict, name, path, judgement } of findings) {
        if (judgement.sufficient) continue;
        const which = judgement.enough ? "ownState" : "tooFew";
        report({
          messageId: name === undefined ? which : `part${which[0]!.toUpperCase()}${which.slice(1)}`,
          data: {
            verdict,
            part: name,
            needed,
            found: judgement.counting,
            groups: describeGroups(judgement) || "none",
            missing: Math.max(1, policy.independentSources - judgement.counting),
            state: judgement.ownState,
          },
          at: { doc: claim.doc, path },
          related: groupNotes(claim, judgement, index),
        });
      }
    }
  },
};

/** A claim without an assertion: its declared verdict weighed on every source it cites. */
function judgeCitations(claim: Claim, index: ProjectIndex, policy: NonNullable<Parameters<typeof judgeEvidence>[3]>): Judgement {
  const citations = claim.data.citations ?? [];
  const states = new Set<string>();
  for (const c of citations) {
    const facts = index.sources.get(c.source)?.facts ?? [];
    for (const id of c.facts ?? []) {
      for (const s of facts.find((f) => f.id === id)?.statements ?? []) {
        const state = index.registry?.entities.get(s.subject)?.state;
        if (state !== undefined) states.add(state);
      }
    }
  }
  return judgeEvidence(citations.map((c) => c.source), states, index, policy);
}

function describeGroups(judgement: Judgement): string {
  return judgement.groups
    .map((g) => `${g.outlets.join(" / ")}${g.states.length > 0 ? ` [${g.states.join(", ")} state]` : ""}${g.counts ? "" : " (counts for nothing)"}`)
    .join("; ");
}

/** One related note per group, at the first citation of one of its sources. */
function groupNotes(claim: Claim, judgement: Judgement, index: ProjectIndex): NonNullable<Report["related"]> {
  const citations = claim.data.citations ?? [];
  return judgement.groups.map((g, n) => {
    const first = citations.findIndex((c) => g.sources.includes(c.source));
    const standings = [...new Set(g.sources.map((id) => standingOf(index.sources.get(id)!.data).standing))].join(", ");
    return {
      messageId: g.counts ? (g.primary ? "primaryGroup" : "group") : "groupCountsForNothing",
      data: {
        n: n + 1,
        outlets: g.outlets.join(" / "),
        sources: g.sources.join(", "),
        links: g.links.length > 0 ? g.links.map((l) => `${l.by} ${l.value}`).join(", ") : "nothing (one source)",
        standings,
      },
      at: { doc: claim.doc, path: first >= 0 ? ["citations", first, "source"] : ["citations"] },
    };
  });
}
