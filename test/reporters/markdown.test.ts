import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { markdown } from "../../src/reporters/markdown.js";
import { hostileClaim, makeHostileResult, makeResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";

/** Renders as GitHub does for comments: GFM tables, raw HTML passed through. */
const render = (md: string): string => marked.parse(md, { gfm: true, async: false });

/** Rows of the n-th table in rendered HTML, as arrays of cell texts. */
function tableRows(html: string, n: number): string[][] {
  const table = html.match(/<table>[\s\S]*?<\/table>/g)?.[n] ?? "";
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => (cell[1] ?? "").trim()),
  );
}

describe("markdown reporter", () => {
  it("renders the counts table with the expected rows", () => {
    const html = render(markdown(makeResult(), plainOptions()));
    expect(tableRows(html, 0)).toEqual([
      ["Result", "Count"],
      ["Claims", "7"],
      ["✅ Passed", "5"],
      ["❌ Failed", "2"],
      ["Errors", "2"],
      ["Warnings", "2"],
      ["Files", "18"],
    ]);
    expect(tableRows(html, 1)[1]).toEqual(["✓ Supported", "4", "3"]);
  });

  it("lists failing claims first, with messages and positions", () => {
    const md = markdown(makeResult(), plainOptions());
    const failing = md.indexOf("### Failing claims");
    const details = md.indexOf("<details>");
    expect(failing).toBeGreaterThan(0);
    expect(details).toBeGreaterThan(failing);
    expect(md.slice(failing, details)).toContain("`claims/rt-2025-space-cooperation/c05-rogozin-visit-blocked-2018.yaml:4:10`: declared verdict supported");
    expect(md.slice(details)).toContain("`c01-bakanov-head-of-roscosmos`");
  });

  it("keeps its table and <details> intact around hostile text", () => {
    const html = render(markdown(makeHostileResult(), plainOptions()));
    expect(html).not.toMatch(/<script|<img|<svg|<iframe|<b>/i);
    expect(html.match(/<details>/g)).toHaveLength(1);
    expect(html.match(/<\/details>/g)).toHaveLength(1);
    expect(html).toMatch(/<details>\s*<summary>5 passing claims<\/summary>[\s\S]*<table>[\s\S]*<\/table>\s*<\/details>/);
    const passing = tableRows(html, 2);
    expect(passing[0]).toEqual(["Claim", "Article", "Declared", "Derived", "Independent sources", "Warnings"]);
    expect(passing.every((row) => row.length === 6)).toBe(true);
    expect(html).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(html).not.toMatch(/@octocat/);
  });

  it("keeps a hostile id in one table cell", () => {
    const claim = { ...hostileClaim(), id: "a|b`c</details>", status: "pass" as const, diagnostics: [] };
    const result = makeResult({ claims: [claim], otherDiagnostics: [] });
    const html = render(markdown(result, plainOptions()));
    const rows = tableRows(html, 2);
    expect(rows[1]).toHaveLength(6);
    expect(rows[1]?.[0]).toBe("<code>a|b`c&lt;/details&gt;</code>");
    expect(html.match(/<\/details>/g)).toHaveLength(1);
  });

  it("shows each claim's citations in independent groups, escaped", () => {
    const md = markdown(makeHostileResult(), plainOptions());
    const html = render(md);
    // The failing hostile claim lists its one group, whose outlet and ties stay text.
    expect(md).toContain("Evidence: 1 independent source");
    expect(html).toContain("&lt;script&gt;window.__pwned=7&lt;/script&gt;*Outlet*|x (counted once: copies of ](javascript:alert(1)) @\u200Beveryone; &lt;b&gt;RU&lt;/b&gt; state media)");
    expect(html).not.toMatch(/<a |<strong>Outlet/);
    // A passing claim shows its groups in the table: c14 cites UPI and The Spokesman-Review.
    const row = tableRows(html, 2).find((r) => r[0] === "<code>c14-commitment-years</code>");
    expect(row?.[4]).toBe("2: UPI; The Spokesman-Review");
  });

  it("says so when every claim passes", () => {
    const result = makeResult({ claims: makeResult().claims.filter((c) => c.status === "pass"), otherDiagnostics: [] });
    expect(markdown(result, plainOptions())).toMatch(/^## ✅ claimcheck: all 5 claims pass/);
  });
});
