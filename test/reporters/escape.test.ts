import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  escapeMarkdown,
  escapeMarkdownHtml,
  escapeWorkflowData,
  escapeWorkflowProperty,
  escapeXml,
  escapeXmlAttribute,
  jsonForScript,
  markdownCode,
  safeHref,
  stripControl,
} from "../../src/reporters/escape.js";
import { HOSTILE_TEXT } from "./fixtures.js";

const HOSTILE = [
  HOSTILE_TEXT,
  `"'><svg onload=alert(1)>`,
  "a & b &amp; c",
  "]]><!-- -->",
  "ctl:\u0000\u0001\u0007\u001b[31m\u007f",
  "lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00",
  "line\r\nbreak\rand\nmore",
  "</script><script>alert(1)</script>",
];

describe("escapeHtml", () => {
  it("leaves no tag, quote or raw ampersand", () => {
    for (const text of HOSTILE) {
      const out = escapeHtml(text);
      expect(out).not.toMatch(/[<>"']/);
      expect(out.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
    }
  });
  it("replaces controls and lone surrogates, keeps pairs and whitespace", () => {
    expect(escapeHtml("a\u0000b\u0007c\td\ne")).toBe("a\uFFFDb\uFFFDc\td\ne");
    expect(escapeHtml("x\uD800y\uDC00z\uD83D\uDE00")).toBe("x\uFFFDy\uFFFDz\uD83D\uDE00");
  });
});

describe("escapeXml", () => {
  it("drops characters XML 1.0 cannot hold and escapes markup", () => {
    expect(escapeXml("a\u0000b\uFFFEc\uD800d")).toBe("abcd");
    expect(escapeXml(`]]><x a='1'>`)).toBe("]]&gt;&lt;x a=&apos;1&apos;&gt;");
    expect(escapeXml("--")).toBe("--");
  });
  it("keeps tab and newlines in attributes as character references", () => {
    expect(escapeXmlAttribute("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
  });
});

describe("jsonForScript", () => {
  it("cannot close the script element or open a comment, and round-trips", () => {
    for (const text of HOSTILE) {
      const out = jsonForScript({ text });
      expect(out).not.toMatch(/[<>&]/);
      expect(JSON.parse(out)).toEqual({ text });
    }
    expect(jsonForScript("\u2028\u2029")).toBe('"\\u2028\\u2029"');
  });
});

describe("safeHref", () => {
  it("passes http(s) and refuses every other scheme", () => {
    expect(safeHref("https://example.org/a?b=c")).toBe("https://example.org/a?b=c");
    expect(safeHref("http://example.org")).toBe("http://example.org");
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example", "https://a b", "https://"]) {
      expect(safeHref(bad)).toBeUndefined();
    }
    expect(safeHref(undefined)).toBeUndefined();
  });
});

describe("stripControl", () => {
  it("shows terminal escapes instead of obeying them: C0 as control pictures, C1 by code point", () => {
    expect(stripControl("\u001b[2J\u009bx\ty\nz\r\u0000\u007f")).toBe("\u241b[2J<U+009B>x\u2409y\u240az\u240d\u2400\u2421");
    // OSC 8 hyperlink and a window title: nothing of either survives as a control.
    expect(stripControl("\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007")).toBe("\u241b]8;;https://evil.example\u2407link\u241b]8;;\u2407");
  });
  it("keeps any line from starting a workflow command: newlines and separators are shown, not obeyed", () => {
    const out = stripControl("ok\n::stop-commands::pwned\r\n::error file=x::fake\u2028\u2029\u0085");
    expect(out).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
    expect(out).toBe("ok\u240a::stop-commands::pwned\u240d\u240a::error file=x::fake<U+2028><U+2029><U+0085>");
  });
  it("makes bidi controls visible and replaces lone surrogates", () => {
    expect(stripControl("a\u202Eb\u2066c\u2069\u200F\u061C")).toBe("a<U+202E>b<U+2066>c<U+2069><U+200F><U+061C>");
    expect(stripControl("x\uD800y\uDC00\uD83D\uDE00")).toBe("x\uFFFDy\uFFFD\uD83D\uDE00");
    expect(stripControl("plain — text, é, 中文")).toBe("plain — text, é, 中文");
  });
});

describe("escapeMarkdown", () => {
  it("escapes inline markup, HTML, pipes and mentions, on one line", () => {
    expect(escapeMarkdown("*a* _b_ `c` [d](e) ~~f~~ | g")).toBe("\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\~\\~f\\~\\~ \\| g");
    expect(escapeMarkdown("</details><img src=x>")).toBe("&lt;/details&gt;&lt;img src=x&gt;");
    expect(escapeMarkdown("hi @octocat")).toBe("hi @\u200Boctocat");
    expect(escapeMarkdown("a\r\nb\nc")).toBe("a b c");
    expect(escapeMarkdown("&amp;")).toBe("&amp;amp;");
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("12) not a list")).toBe("12\\) not a list");
  });
  it("escapes HTML inside a summary element", () => {
    expect(escapeMarkdownHtml(`</summary><script>x</script> @team`)).toBe("&lt;/summary&gt;&lt;script&gt;x&lt;/script&gt; @\u200Bteam");
  });
});

describe("markdownCode", () => {
  it("fences around any run of backticks", () => {
    expect(markdownCode("plain")).toBe("`plain`");
    expect(markdownCode("a`b")).toBe("``a`b``");
    expect(markdownCode("``x")).toBe("``` ``x ```");
    expect(markdownCode("a|b", true)).toBe("`a\\|b`");
    expect(markdownCode("a\nb")).toBe("`a b`");
  });
});

describe("workflow command escaping", () => {
  it("escapes data as the runner decodes it", () => {
    expect(escapeWorkflowData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeWorkflowData("::error::x")).toBe("::error::x");
    expect(escapeWorkflowData("a\u0000b\uD800\u202E")).toBe("a\u2400b\uFFFD<U+202E>");
  });
  it("escapes properties, with : and , too", () => {
    expect(escapeWorkflowProperty("a,b:c%d\ne")).toBe("a%2Cb%3Ac%25d%0Ae");
  });
});
