import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/model/result.js";
import { BEST_RATING, claimreview, RATING_TABLE, WORST_RATING } from "../../src/reporters/claimreview.js";
import type { ReportSettings } from "../../src/reporters/settings.js";
import { makeHostileResult, makeResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";
import { claimReviewProblems } from "./validators.js";

type Node = Record<string, any>;

/** A publisher's settings, as a fact-checking team would write them in claimcheck.config.yaml. */
const PUBLISHER: ReportSettings = {
  claimreview: {
    author: { name: "Example Fact Check", url: "https://factcheck.example.org/" },
    url: "https://factcheck.example.org/{article}/#{claim}",
    "date-published": "2025-08-20",
  },
};

function render(result: RunResult, settings?: ReportSettings): { text: string; graph: Node[]; warnings: string[] } {
  const warnings: string[] = [];
  const text = claimreview(result, { ...plainOptions(), settings, warn: (message) => warnings.push(message) });
  return { text, graph: (JSON.parse(text) as { "@graph": Node[] })["@graph"], warnings };
}

describe("claimreview reporter", () => {
  it("emits one ClaimReview per claim whose check passed, under the schema.org context", () => {
    const result = makeResult();
    const { text, graph } = render(result, PUBLISHER);
    expect((JSON.parse(text) as Node)["@context"]).toBe("https://schema.org");
    const passed = result.claims.filter((claim) => claim.status === "pass").map((claim) => claim.id);
    expect(passed.length).toBeLessThan(result.claims.length);
    expect(graph.map((review) => review["itemReviewed"]["identifier"])).toEqual(passed);
    for (const review of graph) {
      expect(review["@type"]).toBe("ClaimReview");
      expect(review["reviewRating"]["bestRating"]).toBe(BEST_RATING);
      expect(review["reviewRating"]["worstRating"]).toBe(WORST_RATING);
    }
  });

  it("leaves out a claim whose check failed, and says which", () => {
    const { graph, warnings } = render(makeHostileResult(), PUBLISHER);
    const ids = graph.map((review) => review["itemReviewed"]["identifier"]);
    expect(ids).not.toContain("c05-rogozin-visit-blocked-2018");
    expect(ids).not.toContain("c99-hostile");
    expect(warnings).toEqual([
      "left out 3 claims whose check failed (c05-rogozin-visit-blocked-2018, c12-krikalev-2030, c99-hostile): a review publishes only a verdict the check proved",
    ]);
  });

  it("has every property Google requires and recommends once the publisher is configured", () => {
    const { text, graph, warnings } = render(makeResult(), PUBLISHER);
    expect(claimReviewProblems(text)).toEqual([]);
    expect(warnings.filter((w) => w.startsWith("reports."))).toEqual([]);
    const review = graph.find((r) => r["itemReviewed"]["identifier"] === "c14-commitment-years")!;
    expect(review["url"]).toBe("https://factcheck.example.org/rt-2025-space-cooperation/#c14-commitment-years");
    expect(review["author"]).toEqual({ "@type": "Organization", name: "Example Fact Check", url: "https://factcheck.example.org/" });
    expect(review["datePublished"]).toBe("2025-08-20");
    // The claim's author is the outlet of the article's source record: the article is RT's text.
    expect(review["itemReviewed"]["author"]).toEqual({ "@type": "Organization", name: "RT" });
  });

  it("with the publisher's settings incomplete, says what Google will miss, and the check finds it missing", () => {
    // Without the section the file is a draft: nothing is said, but the markup lacks the same.
    expect(render(makeResult()).warnings).toEqual([expect.stringMatching(/^left out 2 claims/)]);
    const { text, warnings } = render(makeResult(), { claimreview: {} });
    expect(warnings.slice(1)).toEqual([
      "reports.claimreview.url is not set: Google requires the address of each review's page",
      "reports.claimreview.author is not set: Google recommends naming the organisation that publishes the reviews",
      "reports.claimreview.date-published is not set: Google recommends the date the reviews were published",
    ]);
    const problems = claimReviewProblems(text);
    expect(problems).toContain("#review-rt-2025-space-cooperation-c01-bakanov-head-of-roscosmos: no http(s) url (required)");
    expect(problems).toContain("#review-rt-2025-space-cooperation-c01-bakanov-head-of-roscosmos: no author.name (recommended)");
    expect(problems).toContain("#review-rt-2025-space-cooperation-c01-bakanov-head-of-roscosmos: no datePublished (recommended)");
  });

  it("rates by the documented table, higher is truer, unverifiable text-only", () => {
    expect(RATING_TABLE.supported.value).toBeGreaterThan(RATING_TABLE.mixed.value!);
    expect(RATING_TABLE.mixed.value).toBeGreaterThan(RATING_TABLE.refuted.value!);
    const byVerdict = (declared: "supported" | "mixed" | "refuted" | "unverifiable") =>
      render(makeResult({ claims: [{ ...makeResult().claims[0]!, declared }] }), PUBLISHER).graph[0]!["reviewRating"];
    expect(byVerdict("supported")).toMatchObject({ ratingValue: 5, alternateName: "Supported" });
    expect(byVerdict("mixed")).toMatchObject({ ratingValue: 3, alternateName: "Mixed" });
    expect(byVerdict("refuted")).toMatchObject({ ratingValue: 1, alternateName: "Refuted" });
    expect(byVerdict("unverifiable")["ratingValue"]).toBeUndefined();
    expect(byVerdict("unverifiable")["alternateName"]).toBe("Unverifiable");
  });

  it("names the article as first appearance and the cited sources as citations", () => {
    const review = render(makeResult(), PUBLISHER).graph.find((r) => r["itemReviewed"]["identifier"] === "c14-commitment-years")!;
    expect(review["itemReviewed"]["firstAppearance"]).toEqual({
      "@type": "NewsArticle",
      identifier: "rt-2025-space-cooperation",
      headline: "Space: A realm of cooperation for Moscow and Washington",
      url: "https://phnewlook.com/?p=61891",
    });
    expect(review["itemReviewed"]["appearance"]).toEqual([review["itemReviewed"]["firstAppearance"]]);
    expect(review["citation"].map((c: Node) => c["url"])).toEqual([
      "https://www.upi.com/Top_News/US/2021/12/31/biden-administration-extends-iss-operations-2030/2361640984601/",
      "https://www.spokesman.com/stories/2026/mar/06/congress-updated-nasa-directive-seeks-to-extend-sp/",
    ]);
    expect(review["claimReviewed"]).toBe(review["itemReviewed"]["text"]);
  });

  it("never publishes a non-http link", () => {
    const hostile = makeHostileResult();
    hostile.claims = hostile.claims.map((claim) => ({ ...claim, status: "pass" as const }));
    const { text, graph } = render(hostile, { claimreview: { url: "javascript:alert(1)//{claim}", author: { name: "X", url: "javascript:alert(2)" } } });
    const links: string[] = [];
    JSON.parse(text, (key, value: unknown) => {
      if ((key === "url" || key === "archivedAt") && typeof value === "string") links.push(value);
      return value;
    });
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link).toMatch(/^https?:\/\//);
    const review = graph.find((r) => r["itemReviewed"]["identifier"] === "c99-hostile")!;
    expect(review["citation"][0]["url"]).toBeUndefined();
    expect(review["url"]).toBeUndefined();
    expect(review["author"]).toEqual({ "@type": "Organization", name: "X" });
  });
});
