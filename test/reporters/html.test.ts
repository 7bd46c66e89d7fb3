import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { html, PAGE_SIZE } from "../../src/reporters/html.js";
import { fractionalYear } from "../../src/reporters/html-timeline.js";
import { HOSTILE_TEXT, makeHostileResult, makeResult } from "./fixtures.js";
import { plainOptions } from "./helpers.js";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

describe("html reporter (static checks)", () => {
  const page = html(makeHostileResult(), plainOptions());

  it("pins its one inline script and style sheet by hash in a strict CSP", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? "";
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? "");
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(2); // the style sheet, and the one inside <noscript>
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${sha(scripts[0]!)}'`);
    expect(csp).toContain(`style-src 'sha256-${sha(styles[0]!)}' 'sha256-${sha(styles[1]!)}'`);
    expect(csp).not.toContain("unsafe");
  });

  it("loads nothing from anywhere", () => {
    expect(page).not.toMatch(/<link|@import|url\(/i);
    expect(page.match(/<script/g)).toHaveLength(2); // the JSON data block and the script
    expect(page).not.toMatch(/<(img|iframe|object|embed|video|audio|source)\b/i);
    expect(page).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    expect(page).not.toMatch(/<[a-z][^>]*\sstyle=/i);
  });

  it("escapes every hostile value and links only to http(s)", () => {
    expect(page).not.toContain(HOSTILE_TEXT);
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    for (const href of page.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^(#|https?:\/\/)/);
  });

  it("shows each claim's citations in its independent groups, every value escaped", () => {
    const card = page.slice(page.indexOf(`id="claim-c14-commitment-years"`));
    const groups = card.slice(card.indexOf('<ol class="groups">'), card.indexOf("</ol></li></ol>") + 15);
    expect(groups.match(/<li class="group">/g)).toHaveLength(2);
    expect(groups).toContain("<strong>Independent source 1</strong>: UPI");
    expect(groups).toContain("<strong>Independent source 2</strong>: The Spokesman-Review");
    expect(card).toContain("Evidence: 2 independent sources in 2 citations");
    // The hostile claim's outlet, ties, state and network reach the page as text only.
    expect(page).toContain("&lt;script&gt;window.__pwned=7&lt;/script&gt;*Outlet*|x (counted once: copies of ](javascript:alert(1)) @everyone; &lt;b&gt;RU&lt;/b&gt; state media)");
    expect(page).toContain("mirror, unreliable, &lt;b&gt;RU&lt;/b&gt; state-affiliated, network net&quot;&gt;&lt;script&gt;window.__pwned=6&lt;/script&gt;");
    expect(page).not.toContain("window.__pwned=6</script>");
  });

  it("sends cards past the first page hidden, and shows them all without script", () => {
    const result = makeResult();
    const many = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({ ...result.claims[0]!, id: `c${i}` }));
    const out = html(makeResult({ claims: many }), plainOptions());
    expect(out.match(/<article class="card[^>]*>/g)?.filter((tag) => tag.endsWith(" hidden>"))).toHaveLength(5);
    expect(out).toContain("<noscript><style>#claim-list>.card[hidden]{display:block!important}</style></noscript>");
  });

  it("embeds its data as JSON that cannot end the script element", () => {
    const block = /<script type="application\/json" id="cc-data">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? "";
    expect(block).not.toMatch(/[<>]/);
    const data = JSON.parse(block) as { pageSize: number; claims: string[][] };
    expect(data.pageSize).toBe(PAGE_SIZE);
    expect(data.claims).toHaveLength(8);
    expect(data.claims.find((row) => row[2]?.includes("window.__pwned=1"))).toEqual(["fail", "refuted", `c99-hostile rt-2025-space-cooperation ${HOSTILE_TEXT.toLowerCase()}`]);
  });

  it("draws one timeline mark per dated fact and marks every sentence", () => {
    const result = makeResult();
    const out = html(result, plainOptions());
    const svg = /<svg class="tl"[\s\S]*?<\/svg>/.exec(out)?.[0] ?? "";
    expect(svg.match(/<a href=/g)).toHaveLength(result.timeline.length);
    expect(svg).toContain("<text x=");
    expect(svg).toMatch(/>1975<\/text>/);
    expect(svg).toMatch(/>2032<\/text>|>2033<\/text>/);
    expect(out.match(/<mark class="k-/g)).toHaveLength(result.articles[0]!.sentences.length);
  });

  it("reads dates at their precision", () => {
    expect(fractionalYear("2018")).toBe(2018.5);
    expect(fractionalYear("2018-07")).toBeCloseTo(2018 + 6.5 / 12);
    expect(fractionalYear("2018-01-01")).toBeCloseTo(2018 + 0.5 / 365.25);
    expect(fractionalYear("soon")).toBeUndefined();
  });
});
