/**
 * The one place where text becomes markup. Every value from a YAML file that reaches
 * HTML, XML, Markdown, a workflow command or a terminal goes through one of these.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

// Lone surrogates cannot be encoded as UTF-8; the writer would turn them into U+FFFD
// anyway, so we do it here, where it is visible and tested.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// C0 controls but tab, LF and CR, and DEL: parse errors in HTML, invisible in a page.
const HTML_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// Anything any of the three replacements below would touch: text without it is returned as it is.
const HTML_SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text;
  return text
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(HTML_CONTROL, "\uFFFD")
    .replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

// Characters XML 1.0 forbids anywhere, even escaped: C0 controls but tab, LF and CR,
// lone surrogates, U+FFFE and U+FFFF.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML content and attributes, dropping characters XML cannot hold. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(XML_INVALID, "")).replace(/&#39;/g, "&apos;");
}

/**
 * Escapes text for an XML attribute value. Parsers normalise a literal tab, newline or
 * carriage return in an attribute to a space; character references keep them.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// What must never reach a terminal or a CI log as itself: C0 controls (tab, newline and
// carriage return included: a newline would let file text start a line of its own, such as
// a `::stop-commands::` workflow command), DEL, C1 controls (ESC's 8-bit forms), the line
// and paragraph separators, and the bidirectional formatting characters that reorder how a
// line reads without showing themselves ("Trojan Source", CVE-2021-42574): ALM, LRM, RLM,
// the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069. Lone
// surrogates, which no writer can encode, too.
// A literal, like every pattern here (test/security/regex.test.ts): its lone-surrogate half is LONE_SURROGATE's.
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** How one unsafe character shows: its control picture (␛, ␊, ␉) where Unicode has one, else `<U+202E>`. */
function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  if (code >= 0xd800 && code <= 0xdfff) return "\uFFFD";
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}

/**
 * Makes file-derived text safe to print on one line of a terminal or a CI log: every
 * control character (ESC, newline and tab included), the line separators and the bidi
 * formatting characters are shown rather than obeyed (`␛[31m`, `a␊::error::x`, `<U+202E>`),
 * so nothing from a file can colour, move, hide or reorder text, link it (OSC 8), or start
 * a line of its own. Used for every value a terminal report, a message or a log line
 * takes from a file or a file's name.
 */
export function stripControl(text: string): string {
  return text.replace(TERMINAL_UNSAFE, visible);
}

/**
 * Serialises a value as JSON that can sit inside a `<script type="application/json">`
 * element: `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, so no `</script>` or
 * `<!--` can end or change the element, and U+2028/U+2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Returns the address when it is an absolute http(s) URL, else `undefined`. A
 * `javascript:` or `data:` address stays a javascript: address however well it is
 * escaped, so reports print such values as text and never as links.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s]+$/i.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Markdown (CommonMark and GitHub Flavored Markdown)

// Characters that start inline markup somewhere in CommonMark or GFM: emphasis, code,
// links and images, strikethrough, tables, autolinks and HTML, headings, entities.
const MARKDOWN_SPECIAL = /[\\`*_[\]|~!#]/g;

/**
 * Escapes text for inline Markdown: it renders as the same text, with no markup, link,
 * HTML tag, line break or @mention (a zero-width space after `@` keeps GitHub from
 * notifying people named in a claim). Newlines become spaces.
 */
export function escapeMarkdown(text: string): string {
  return escapeHtmlInMarkdown(stripControl(oneLine(text)))
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`)
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200B")
    .replace(/^(\s*)([-+=])(?=\s|$)/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
}

/** Newlines (CRLF, CR, LF) as single spaces: inline Markdown and table cells are one line. */
function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, " ");
}

// `&` first, so entity-like text (`&amp;`) shows as typed; `<` and `>` as references so
// no tag (`<details>`, `<img>`, `</summary>`) can open or close anything.
function escapeHtmlInMarkdown(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Escapes text for a GFM table cell: everything `escapeMarkdown` does, plus the cell
 * stays one cell (a pipe is always escaped; newlines are already spaces).
 */
export function escapeMarkdownTableCell(text: string): string {
  return escapeMarkdown(text);
}

/**
 * Renders text as an inline code span whatever backticks it holds: the fence is one
 * backtick longer than the longest run inside. Set `inTable` when the span sits in a
 * table cell, where GFM splits cells on `|` even inside code.
 */
export function markdownCode(text: string, inTable = false): string {
  let body = stripControl(oneLine(text));
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  if (body.startsWith("`") || body.endsWith("`") || /^ .* $/.test(body)) body = ` ${body} `;
  if (inTable) body = body.replace(/\|/g, "\\|");
  return `${fence}${body}${fence}`;
}

/** Escapes text for the inside of an HTML element in Markdown, such as `<summary>`. */
export function escapeMarkdownHtml(text: string): string {
  return escapeHtml(stripControl(oneLine(text))).replace(/@(?=[A-Za-z0-9])/g, "@\u200B");
}

// ---------------------------------------------------------------------------------------
// GitHub Actions workflow commands (`::error file=…,line=…::message`)

/**
 * Escapes the message of a workflow command: `%`, CR and LF, as the runner decodes them.
 * Other control characters, bidi controls and lone surrogates, which no annotation should
 * carry, are shown as stripControl shows them.
 */
export function escapeWorkflowData(text: string): string {
  const escaped = text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  return stripControl(escaped);
}

/** Escapes a property value of a workflow command: as data, plus `:` and `,`. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
