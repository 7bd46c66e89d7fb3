import { describe, expect, it } from "vitest";
import { BEST_RATING, claimreview, RATING_TABLE, WORST_RATING } from "../../src/reporters/claimreview.js";
import { makeHostileResult, makeResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";

type Node = Record<string, any>;
const graph = (text: string): Node[] => (JSON.parse(text) as { "@graph": Node[] })["@graph"];

describe("claimreview reporter", () => {
  it("emits one ClaimReview per claim under the schema.org context", () => {
    const out = JSON.parse(claimreview(makeResult(), plainOptions())) as Node;
    expect(out["@context"]).toBe("https://schema.org");
    expect(out["@graph"]).toHaveLength(7);
    for (const review of out["@graph"] as Node[]) {
      expect(review["@type"]).toBe("ClaimReview");
      expect(review["itemReviewed"]["@type"]).toBe("Claim");
      expect(review["reviewRating"]["@type"]).toBe("Rating");
      expect(review["reviewRating"]["bestRating"]).toBe(BEST_RATING);
      expect(review["reviewRating"]["worstRating"]).toBe(WORST_RATING);
    }
  });

  it("rates by the documented table, higher is truer, unverifiable text-only", () => {
    expect(RATING_TABLE.supported.value).toBeGreaterThan(RATING_TABLE.mixed.value!);
    expect(RATING_TABLE.mixed.value).toBeGreaterThan(RATING_TABLE.refuted.value!);
    const reviews = graph(claimreview(makeHostileResult(), plainOptions()));
    const byId = new Map(reviews.map((r) => [r["itemReviewed"]["identifier"], r]));
    expect(byId.get("c04-first-meeting-since-2018")!["reviewRating"]).toMatchObject({ ratingValue: 5, alternateName: "Supported" });
    expect(byId.get("c14-commitment-years")!["reviewRating"]).toMatchObject({ ratingValue: 3, alternateName: "Mixed" });
    expect(byId.get("c99-hostile")!["reviewRating"]).toMatchObject({ ratingValue: 1, alternateName: "Refuted" });
    const unverifiable = graph(claimreview(makeResult({ claims: [{ ...makeResult().claims[0]!, declared: "unverifiable" }] }), plainOptions()))[0]!;
    expect(unverifiable["reviewRating"]["ratingValue"]).toBeUndefined();
    expect(unverifiable["reviewRating"]["alternateName"]).toBe("Unverifiable");
  });

  it("names the article as first appearance and the cited sources as citations", () => {
    const review = graph(claimreview(makeResult(), plainOptions())).find((r) => r["itemReviewed"]["identifier"] === "c14-commitment-years")!;
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
    const out = claimreview(makeHostileResult(), plainOptions());
    const links: string[] = [];
    JSON.parse(out, (key, value: unknown) => {
      if ((key === "url" || key === "archivedAt") && typeof value === "string") links.push(value);
      return value;
    });
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link).toMatch(/^https?:\/\//);
    const hostile = graph(out).find((r) => r["itemReviewed"]["identifier"] === "c99-hostile")!;
    expect(hostile["citation"][0]["url"]).toBeUndefined();
  });
});
