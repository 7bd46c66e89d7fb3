import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimResult, RunResult, Verdict } from "../../src/model/result.js";
import { VERDICTS } from "../../src/model/result.js";
import { html, PAGE_SIZE } from "../../src/reporters/html.js";
import { HOSTILE_TEXT, makeHostileResult, makeResult, summarize } from "./fixtures.js";
import { plainOptions, removeTempDirs, tempDir } from "./helpers.js";
import { CHROMIUM_ARGS, findChromium } from "../helpers/chromium.js";

/**
 * The HTML report in real headless Chromium (found by test/helpers/chromium.ts: CHROMIUM_PATH,
 * playwright-core's lookup, or the PATH; driven by playwright-core; no browser is ever
 * downloaded). A missing browser fails the suite: CI installs Debian's chromium.
 */
const CHROMIUM = findChromium();

// The callbacks passed to page.evaluate run in the page, where these globals exist; the
// project compiles without the DOM library, so they are declared here, for this file only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: any): any;
type PageElement = any;
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const SCREENSHOT = join(repoRoot, "docs/screenshots/report.png");
const PHONE_SCREENSHOT = join(repoRoot, "docs/screenshots/report-phone.png");
/**
 * Where screenshots go: docs/screenshots with UPDATE_SCREENSHOT=1 (excluded from the package),
 * SCREENSHOT_DIR to keep them for a look, else a temporary folder removed after the run.
 */
function screenshotPath(docsFile: string): string {
  if (process.env["UPDATE_SCREENSHOT"] === "1") return docsFile;
  const dir = process.env["SCREENSHOT_DIR"];
  if (dir) {
    mkdirSync(dir, { recursive: true });
    return join(dir, basename(docsFile));
  }
  return join(tempDir("shot"), basename(docsFile));
}

let browser: Browser;

beforeAll(async () => {
  if (!CHROMIUM) {
    throw new Error("no Chromium found: install Debian's chromium (apt-get install -y chromium), or set CHROMIUM_PATH; .ci/run installs it");
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  removeTempDirs();
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
  url: string;
}

/** Writes the report to a temp file and opens it, recording console errors and every request. */
async function open(result: RunResult, options: { width?: number; colorScheme?: "light" | "dark" } = {}): Promise<Opened> {
  const file = join(tempDir("html"), "index.html");
  writeFileSync(file, html(result, plainOptions()));
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? "light" });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: "load" });
  return { page, errors, requests, url };
}

const visibleCards = (page: Page) => page.locator("#claim-list > .card:not([hidden])").count();
const visibleIds = (page: Page) => page.locator("#claim-list > .card:not([hidden]) h3 code").allTextContents();

function expectClean({ errors, requests, url }: Opened): void {
  expect(errors).toEqual([]);
  expect(requests.filter((r) => r !== url && !r.startsWith("data:") && !r.startsWith("about:"))).toEqual([]);
}

describe("HTML report in Chromium", () => {
  it("shows the summary counts", async () => {
    const opened = await open(makeHostileResult());
    const { page } = opened;
    const count = (key: string) => page.locator(`[data-count="${key}"]`).textContent();
    expect(await count("claims")).toBe("8");
    expect(await count("passed")).toBe("5");
    expect(await count("failed")).toBe("3");
    expect(await count("errors")).toBe("4");
    expect(await count("warnings")).toBe("1");
    expect(await page.locator('[data-declared="mixed"]').textContent()).toBe("3");
    expect(await page.locator('[data-derived="unverifiable"]').textContent()).toBe("1");
    expect(await page.locator(".banner").textContent()).toBe("✗ 3 of 8 claims failed");
    expectClean(opened);
    await page.close();
  });

  it("filters cards by verdict, status and text", async () => {
    const opened = await open(makeHostileResult());
    const { page } = opened;
    await expect.poll(() => page.locator("#filters").isVisible()).toBe(true);
    expect(await visibleCards(page)).toBe(8);

    await page.getByRole("button", { name: /Mixed/ }).click();
    // Failed checks first (c12), then the rest in report order.
    expect(await visibleIds(page)).toEqual(["c12-krikalev-2030", "c08-apollo-soyuz-anniversary", "c14-commitment-years"]);
    expect(await page.getByRole("button", { name: /Mixed/ }).getAttribute("aria-pressed")).toBe("true");

    await page.locator('[data-status="fail"]').click();
    expect(await visibleIds(page)).toEqual(["c12-krikalev-2030"]);
    expect(await page.locator("#shown").textContent()).toBe("Showing 1 of 1 matching claim (8 in all)");

    await page.locator("#reset").click();
    expect(await visibleCards(page)).toBe(8);

    await page.getByLabel("Search text or id").fill("starliner");
    await expect.poll(() => visibleIds(page)).toEqual(["c10-starliner-delays"]);
    expectClean(opened);
    await page.close();
  });

  it("works from the keyboard", async () => {
    const opened = await open(makeResult());
    const { page } = opened;
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the claims");
    await page.focus('[data-verdict="supported"]');
    await page.keyboard.press("Enter");
    expect(await page.locator('[data-verdict="supported"]').getAttribute("aria-pressed")).toBe("true");
    expect(await visibleCards(page)).toBe(4);
    await page.keyboard.press(" ");
    expect(await visibleCards(page)).toBe(7);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    expect(outline).toBe("solid");
    expectClean(opened);
    await page.close();
  });

  it("renders the timeline and the article view, and their links reveal filtered-out claims", async () => {
    const result = makeResult();
    const opened = await open(result);
    const { page } = opened;
    expect(await page.locator("#timeline svg.tl").isVisible()).toBe(true);
    // One mark per event: two of the fourteen dated facts state one meeting.
    expect(await page.locator("#timeline svg.tl a").count()).toBe(13);
    expect(await page.locator("#timeline svg.tl text", { hasText: "1975" }).count()).toBe(1);
    const box = await page.locator("#timeline svg.tl").boundingBox();
    expect(box!.height).toBeGreaterThan(60);

    const article = result.articles[0]!;
    expect(await page.locator(".prose mark").count()).toBe(article.sentences.length);
    expect(await page.locator(".prose mark.k-claim").count()).toBe(article.coverage.claim);
    expect(await page.locator('[data-coverage="uncovered"]').textContent()).toBe(String(article.coverage.uncovered));
    expect(await page.locator(".prose").textContent()).toContain("The Roscosmos visit subtly promotes");

    await page.locator('[data-status="pass"]').click();
    expect(await page.locator("#claim-c12-krikalev-2030").isHidden()).toBe(true);
    await page.locator('.prose a[href="#claim-c12-krikalev-2030"]').click();
    expect(await page.locator("#claim-c12-krikalev-2030").isVisible()).toBe(true);
    expectClean(opened);
    await page.close();
  });

  it("renders a hostile claim as text and runs none of it", async () => {
    const opened = await open(makeHostileResult());
    const { page } = opened;
    const card = page.locator("#claim-c99-hostile");
    expect(await card.locator(".claim-text").textContent()).toBe(HOSTILE_TEXT);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img, iframe, svg[onload], body script:not(#cc-data)").count()).toBe(1); // the report's own script
    expect(await card.locator("a[href^='javascript:']").count()).toBe(0);
    await card.locator("summary").click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expectClean(opened);
    await page.close();
  });

  it("shows a claim's citations in its independent groups when the evidence is opened", async () => {
    const opened = await open(makeHostileResult());
    const { page } = opened;
    const card = page.locator("#claim-c14-commitment-years");
    await card.locator("details.more > summary").click();
    const heads = card.locator(".group-head");
    expect(await heads.allTextContents()).toEqual(["Independent source 1: UPI", "Independent source 2: The Spokesman-Review"]);
    expect(await card.locator(".group .cite").count()).toBe(2);
    expect(await heads.first().isVisible()).toBe(true);
    expectClean(opened);
    await page.close();
  });

  it("fits a 375px phone screen without horizontal scrolling, in both colour schemes", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const opened = await open(makeHostileResult(), { width: 375, colorScheme });
      const { page } = opened;
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
      expectClean(opened);
      await page.close();
    }
  });

  it("reaches the timeline's events and the claims that use them from the keyboard, with a visible focus", async () => {
    const opened = await open(makeResult());
    const { page } = opened;
    // The overview is a focusable region (it may scroll sideways); the next Tab is its first mark.
    await page.focus("#timeline .tl-scroll");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Timeline overview");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      const mark = a?.querySelector(".mark");
      return { tag: a?.tagName, href: a?.getAttribute("href"), title: a?.querySelector("title")?.textContent, stroke: mark ? getComputedStyle(mark).strokeWidth : "" };
    });
    expect(focused.tag).toBe("a");
    expect(focused.title).toMatch(/^1975-07-15: Launch of Apollo and Soyuz 19|^1975-07-17: Apollo–Soyuz docking/);
    // Focus is drawn on the mark itself, wider than its resting stroke of 1.5px.
    expect(parseFloat(focused.stroke)).toBeGreaterThanOrEqual(3);
    // Enter follows the mark to its event's row, which shows its date and label as text.
    await page.keyboard.press("Enter");
    const row = page.locator(`#timeline ${focused.href}`);
    expect(await row.evaluate((el) => el.matches(":target"))).toBe(true);
    expect(await row.locator(".when").textContent()).toMatch(/^1975-07-1[57]$/);
    expect(await row.locator(".label").textContent()).toMatch(/Apollo/);
    // The next Tab reaches the claim that uses the event, and Enter opens its card.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#claim-c08-apollo-soyuz-anniversary");
    expect(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)).toBe("solid");
    await page.keyboard.press("Enter");
    expect(await page.locator("#claim-c08-apollo-soyuz-anniversary").isVisible()).toBe(true);
    expectClean(opened);
    await page.close();
  });

  it("reads on a 390px phone: the timeline's events wrap, its overview says it scrolls, failed checks come first", async () => {
    const opened = await open(makeResult(), { width: 390 });
    const { page } = opened;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The overview keeps its width and scrolls inside its box; a hint says so, above it.
    expect(await page.locator("#timeline-hint").isVisible()).toBe(true);
    const scroller = await page.locator("#timeline .tl-scroll").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, tabindex: el.getAttribute("tabindex") }));
    expect(scroller.scroll).toBeGreaterThan(scroller.client);
    expect(scroller.tabindex).toBe("0");
    // Every event row, and every label and claim link in it, lies inside the screen.
    const outside = await page.evaluate(() =>
      Array.from(document.querySelectorAll("#timeline .tl-event, #timeline .tl-event .label, #timeline .tl-event a"))
        .map((el: PageElement) => el.getBoundingClientRect())
        .filter((box: { left: number; right: number }) => box.left < 0 || box.right > 390).length,
    );
    expect(outside).toBe(0);
    // The date stacks above the label, not beside it.
    const first = page.locator("#timeline .tl-event").first();
    const when = (await first.locator(".when").boundingBox())!;
    const label = (await first.locator(".label").boundingBox())!;
    expect(label.y).toBeGreaterThanOrEqual(when.y + when.height - 1);
    // The first card on the page is a failed check, marked in words.
    expect(await page.locator("#claim-list > .card").first().getAttribute("class")).toBe("card fail");
    expect(await page.locator("#claim-list > .card").first().locator(".st").textContent()).toBe("✗ Check failed");
    // Screenshots for a reader to look at: the top, the timeline and the article, as a phone shows them.
    const target = screenshotPath(PHONE_SCREENSHOT);
    mkdirSync(dirname(target), { recursive: true });
    await page.screenshot({ path: target });
    for (const [name, selector] of [["timeline", "#timeline"], ["article", "#articles"]] as const) {
      await page.evaluate((sel: string) => document.querySelector(sel).scrollIntoView(), selector);
      await page.screenshot({ path: target.replace(/\.png$/, `-${name}.png`) });
    }
    expect(existsSync(target)).toBe(true);
    expectClean(opened);
    await page.close();
  });

  it("keeps text readable: badges and body text reach 4.5:1 contrast in both schemes", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const opened = await open(makeResult(), { colorScheme });
      const ratios = await opened.page.evaluate(() => {
        const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: number[]) => {
          const [r, g, b] = c.map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const background = (el: PageElement | null): string => {
          for (let e = el; e; e = e.parentElement) {
            const bg = getComputedStyle(e).backgroundColor;
            if (bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent") return bg;
          }
          return getComputedStyle(document.body).backgroundColor;
        };
        const selectors = [".badge", ".st", ".stat dt", ".claim-text", ".rationale", ".diag .sev", ".where", ".prose mark", ".shown", "button", ".failed-note", ".prose .ref", ".tl-event .when", ".tl-event .by", ".claim-link", ".tl-hint"];
        const out: Array<{ selector: string; ratio: number }> = [];
        for (const selector of selectors) {
          for (const el of Array.from(document.querySelectorAll(selector)).slice(0, 12)) {
            const a = lum(rgb(getComputedStyle(el).color));
            const b = lum(rgb(background(el)));
            out.push({ selector, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) });
          }
        }
        return out;
      });
      const low = ratios.filter((r) => r.ratio < 4.5);
      expect(low, `${colorScheme}: ${JSON.stringify(low)}`).toEqual([]);
      expectClean(opened);
      await opened.page.close();
    }
  });

  it("takes a screenshot of a realistic report (docs/screenshots/report.png with UPDATE_SCREENSHOT=1)", async () => {
    const opened = await open(makeResult(), { width: 1280 });
    const target = screenshotPath(SCREENSHOT);
    mkdirSync(dirname(target), { recursive: true });
    await opened.page.screenshot({ path: target, fullPage: true });
    expect(existsSync(target)).toBe(true);
    expectClean(opened);
    await opened.page.close();
  });

  it("stays usable with 10,000 claims", async () => {
    const result = bigResult(10_000);
    const started = performance.now();
    const opened = await open(result);
    const { page } = opened;
    await expect.poll(() => page.locator("#filters").isVisible()).toBe(true);
    const loadMs = performance.now() - started;
    expect(await visibleCards(page)).toBe(PAGE_SIZE);
    expect(await page.locator("#claim-list > .card").count()).toBe(10_000);

    const filterStart = performance.now();
    await page.locator('[data-status="fail"]').click();
    const filterMs = performance.now() - filterStart;
    expect(await page.locator("#shown").textContent()).toBe(`Showing ${PAGE_SIZE} of ${result.summary.failed} matching claims (10000 in all)`);
    await page.locator("#more").click();
    expect(await visibleCards(page)).toBe(2 * PAGE_SIZE);
    await page.getByLabel("Search text or id").fill("claim 9996 ");
    await expect.poll(() => visibleCards(page)).toBe(1);
    const bytes = Buffer.byteLength(html(result, plainOptions()));
    // Reported, not asserted: times depend on the machine.
    console.log(`10,000 claims: ${(bytes / 1e6).toFixed(1)} MB of HTML, loaded in ${Math.round(loadMs)} ms, filter in ${Math.round(filterMs)} ms`);
    expectClean(opened);
    await page.close();
  }, 180_000);
});

/** A generated run with `count` claims, each with a citation, a part, a dated fact and (every 7th) an error. */
function bigResult(count: number): RunResult {
  const base = makeResult();
  const template = base.claims[1]!;
  const claims: ClaimResult[] = [];
  const timeline: RunResult["timeline"] = [];
  for (let i = 0; i < count; i++) {
    const id = `c${String(i).padStart(5, "0")}-generated`;
    const verdict: Verdict = VERDICTS[i % VERDICTS.length]!;
    const fail = i % 7 === 0;
    const file = `claims/bulk/${id}.yaml`;
    claims.push({
      ...template,
      id,
      article: "bulk",
      file,
      at: { file, line: 1, column: 1 },
      text: `Generated claim ${i} says something checkable about event ${i % 97}.`,
      declared: verdict,
      derived: verdict,
      status: fail ? "fail" : "pass",
      diagnostics: fail
        ? [{ ruleId: "quote-found", messageId: "notFound", data: { i }, message: `quote ${i} not found`, severity: "error", at: { file, line: 5, column: 3 }, claimId: id }]
        : [],
    });
    timeline.push({ source: "bulk", fact: `f${i}`, statement: `event ${i}`, time: `${1975 + (i % 58)}-${String((i % 12) + 1).padStart(2, "0")}`, rank: "normal", claims: [id] });
  }
  const diagnostics = claims.flatMap((c) => c.diagnostics);
  return { ...base, claims, timeline, diagnostics, summary: summarize(claims, diagnostics, count), articles: base.articles };
}
