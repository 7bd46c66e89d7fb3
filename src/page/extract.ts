import { createRequire } from "node:module";
import { normalise } from "../text/normalize.js";
import { nestsDeeperThan } from "./nesting.js";

// linkedom and Readability are loaded when a page is read: a plain check never needs them.
const require = createRequire(import.meta.url);

/** What a page says, as lines of normalised text. */
export interface PageText {
  ok: true;
  /** One line per paragraph, heading or list item, each normalised as quote-found normalises. */
  lines: string[];
  /** How the text was found: Readability's article, the whole body when it found none, or plain text. */
  method: "article" | "body" | "plain";
  /** The page declares itself paywalled (schema.org `isAccessibleForFree: false` in its JSON-LD). */
  paywalled: boolean;
}

/**
 * The readable text of a page. HTML is parsed by linkedom (nothing in it runs: no script,
 * no style, no request) and the article found by Mozilla's Readability, the reader view of
 * Firefox, which leaves out navigation, related links, cookie banners and footers. The
 * article's title comes first, since an excerpt often quotes the headline. When Readability
 * finds no article, the whole body's text is used.
 */
export function extractText(text: string, kind: "html" | "plain"): PageText | { ok: false; detail: string } {
  if (kind === "plain") return { ok: true, lines: toLines(text), method: "plain", paywalled: false };
  if (nestsDeeperThan(text, MAX_NESTING)) return { ok: false, detail: `the page nests its elements more than ${MAX_NESTING} deep; it is not parsed` };
  const { parseHTML } = require("linkedom") as typeof import("linkedom");
  const { Readability } = require("@mozilla/readability") as typeof import("@mozilla/readability");
  const { document } = parseHTML(text);
  const paywalled = declaresPaywall(document);
  const fallback = blockText(document.body ?? document.documentElement);
  let article: ReturnType<InstanceType<typeof Readability>["parse"]> = null;
  // Readability's time grows much faster than the page's nesting depth (a page 400 elements
  // deep takes seconds, 1,000 deep minutes): a hostile page is read as its body's text instead.
  if (depthOf(document.documentElement) <= READABILITY_MAX_DEPTH) {
    try {
      article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { maxElemsToParse: READABILITY_MAX_ELEMENTS }).parse();
    } catch {
      // Readability gives up on some documents (too many elements among them); the body's text is still what the page says.
    }
  }
  if (!article?.content) return { ok: true, lines: toLines(fallback), method: "body", paywalled };
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const lines = toLines(blockText(content.body));
  const title = article.title ? normalise(article.title) : "";
  if (title !== "" && lines[0] !== title) lines.unshift(title);
  return { ok: true, lines, method: "article", paywalled };
}

/** Deepest nesting (estimated before parsing) a page may have to be parsed at all. */
const MAX_NESTING = 1_000;
/** Deepest nesting Readability is given; real news pages stay far below it. */
const READABILITY_MAX_DEPTH = 150;
/** Most elements Readability is given (it stops with an error beyond them). */
const READABILITY_MAX_ELEMENTS = 30_000;

/** How deeply elements nest under `root`, walked without recursion. */
function depthOf(root: unknown): number {
  let deepest = 0;
  const stack: Array<{ node: DomNode; depth: number }> = root ? [{ node: root as DomNode, depth: 1 }] : [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === 1) stack.push({ node: children[i]!, depth: depth + 1 });
  }
  return deepest;
}

/** Control characters other than white space: never text a page shows, and unsafe in a terminal. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

function toLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => normalise(line.replace(CONTROL, "")))
    .filter((line) => line !== "");
}

/** Elements whose text is never shown. */
const HIDDEN = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "IFRAME", "OBJECT", "SVG", "MATH", "CANVAS"]);

/** Elements a browser lays out as blocks, table cells or list items: each starts a new line. */
const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "CAPTION", "DD", "DETAILS", "DIALOG", "DIV", "DL", "DT", "FIELDSET",
  "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP", "HR", "LI", "MAIN",
  "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * The text of an element with a line break around every block, as a browser shows it.
 * linkedom's own `innerText` knows fewer blocks (table cells and sections run together),
 * so the tree is walked here, without recursion: a deeply nested page cannot overflow the stack.
 */
function blockText(root: unknown): string {
  if (!root) return "";
  const out: string[] = [];
  const stack: Array<DomNode | "break"> = [root as DomNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === "break") {
      out.push("\n");
      continue;
    }
    if (node.nodeType === 3) {
      out.push(node.textContent ?? "");
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (HIDDEN.has(name)) continue;
    const block = BLOCKS.has(name);
    if (block) {
      out.push("\n");
      stack.push("break");
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out.join("");
}

/**
 * Whether the page's structured data says its content is not free to read: Google's paywall
 * markup (`"isAccessibleForFree": false` in a JSON-LD block). Such a page is one the tool
 * cannot judge from what it is served.
 */
function declaresPaywall(document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> }): boolean {
  const blocks = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < blocks.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(blocks[i]!.textContent ?? "");
    } catch {
      continue;
    }
    if (saysNotFree(data)) return true;
  }
  return false;
}

function saysNotFree(data: unknown): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: data, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== "object" || depth > 20) continue;
    const record = value as Record<string, unknown>;
    const free = Object.prototype.hasOwnProperty.call(record, "isAccessibleForFree") ? record.isAccessibleForFree : undefined;
    if (free === false || (typeof free === "string" && free.toLowerCase() === "false")) return true;
    for (const child of Array.isArray(value) ? value : Object.values(record)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
