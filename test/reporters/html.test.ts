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

  it("draws one timeline mark per event and marks every sentence", () => {
    const result = makeResult();
    const out = html(result, plainOptions());
    const svg = /<svg class="tl"[\s\S]*?<\/svg>/.exec(out)?.[0] ?? "";
    // Fourteen dated facts; two of them (two sources) state the Bakanov–Duffy meeting: thirteen events.
    expect(result.timeline).toHaveLength(14);
    expect(svg.match(/<a href=/g)).toHaveLength(13);
    expect(svg).toContain("<text x=");
    expect(svg).toMatch(/>1975<\/text>/);
    expect(svg).toMatch(/>2032<\/text>|>2033<\/text>/);
    expect(out.match(/<mark class="k-/g)).toHaveLength(result.articles[0]!.sentences.length);
  });

  it("lists the timeline's events with their date and label as text, and the claims that use each", () => {
    const out = html(makeResult(), plainOptions());
    const list = out.slice(out.indexOf('<ol class="tl-events"'), out.indexOf("</section>", out.indexOf('<ol class="tl-events"')));
    const rows = [...list.matchAll(/<li id="([^"]+)" class="tl-event[^"]*">([\s\S]*?)<\/li>/g)];
    expect(rows).toHaveLength(13);
    // Every mark of the overview leads to a row of the list.
    const svg = /<svg class="tl"[\s\S]*?<\/svg>/.exec(out)?.[0] ?? "";
    const targets = [...svg.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(new Set(targets)).toEqual(new Set(rows.map((row) => row[1])));
    const row = (label: string) => rows.find((r) => r[2]!.includes(label))?.[2] ?? "";
    // The registry's label, not the fact's id, with the date beside it.
    expect(row("Apollo–Soyuz docking and handshake, 17 July 1975")).toContain('<span class="when">1975-07-17</span>');
    // Two sources, one of them deprecated, make one event that names both and the claims of both.
    const meeting = row("Bakanov–Duffy meeting, Kennedy Space Center, 31 July 2025");
    expect(meeting).toContain("2 sources:");
    expect(meeting).toContain("particle-2025-08-iss-2028/meeting-houston (deprecated)");
    expect(meeting).toContain("1 of 2 statements deprecated");
    expect(meeting.match(/class="claim-link[^"]*"/g)).toHaveLength(3);
    // A fact without the registry's words keeps its statement.
    expect(row("Russia commits its segment until 2028")).toContain('href="#claim-c14-commitment-years"');
  });

  it("shows failed checks first and never with the look of an established verdict", () => {
    const result = makeResult();
    const failed = result.claims.filter((claim) => claim.status === "fail").map((claim) => claim.id);
    expect(failed.length).toBeGreaterThan(0);
    const out = html(result, plainOptions());
    const cardIds = [...out.matchAll(/<article class="card (pass|fail)" id="claim-([^"]+)"/g)].map((m) => [m[1], m[2]]);
    // Failed cards come first, passing ones after.
    expect(cardIds.slice(0, failed.length).map(([status]) => status)).toEqual(failed.map(() => "fail"));
    expect(cardIds.slice(failed.length).every(([status]) => status === "pass")).toBe(true);
    for (const id of failed) {
      const card = out.slice(out.indexOf(`<article class="card fail" id="claim-${id}"`), out.indexOf("</article>", out.indexOf(`id="claim-${id}"`)));
      expect(card).toContain("✗ Check failed");
      // The verdict is named, without its symbol or colour, and said to be unestablished.
      expect(card).not.toMatch(/class="badge v-(supported|refuted|mixed|unverifiable)"/);
      expect(card).toContain("(not established: the check failed)");
      // What broke the check comes before the verdicts.
      expect(card.indexOf('<ul class="diags">')).toBeLessThan(card.indexOf('<dl class="vs">'));
      // In the article, its sentence is marked failed and its link says so, never with a verdict's symbol.
      const ref = new RegExp(`<a class="ref ([^"]+)" href="#claim-${id}" aria-label="([^"]+)">([^<]+)</a>`).exec(out);
      expect(ref?.slice(1)).toEqual(["failed", `claim ${id}: check failed`, "⚠"]);
    }
    const view = out.slice(out.indexOf('<article class="article-view"'));
    expect(view).toContain(`${failed.length === 1 ? "1 check" : `${failed.length} checks`} failed in this article`);
    expect(view.match(/<mark class="k-claim failed"/g)?.length).toBeGreaterThan(0);
    expect(view).toMatch(/<span data-coverage="failed">\d+<\/span> with a failed check/);
  });

  it("reads dates at their precision", () => {
    expect(fractionalYear("2018")).toBe(2018.5);
    expect(fractionalYear("2018-07")).toBeCloseTo(2018 + 6.5 / 12);
    expect(fractionalYear("2018-01-01")).toBeCloseTo(2018 + 0.5 / 365.25);
    expect(fractionalYear("soon")).toBeUndefined();
  });
});
