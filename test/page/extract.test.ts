import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { charsetParameter, decodePage } from "../../src/page/decode.js";
import { extractText } from "../../src/page/extract.js";
import { nestsDeeperThan } from "../../src/page/nesting.js";

const page = (name: string) => readFileSync(fileURLToPath(new URL(`../network/pages/${name}`, import.meta.url)));

function read(bytes: Uint8Array, contentType: string | undefined, kind: "html" | "plain" = "html") {
  const decoded = decodePage(bytes, contentType, kind);
  const text = extractText(decoded.text, kind);
  if (!text.ok) throw new Error(text.detail);
  return { ...text, encoding: decoded.encoding };
}

describe("reading a news page", () => {
  const article = read(page("heads-meet.html"), "text/html; charset=utf-8");

  it("keeps the headline and the article's paragraphs, one line each", () => {
    expect(article.method).toBe("article");
    expect(article.lines[0]).toBe("Agency heads hold first talks since 2018");
    expect(article.lines).toContain(
      "The heads met at Kennedy Space Center on July 31. They watched the launch of a crewed flight to the International Space Station before sitting down for talks that lasted most of the afternoon.",
    );
    expect(article.lines.filter((l) => l.startsWith("The last meeting between the two heads"))).toHaveLength(1);
  });

  it("leaves out navigation, the cookie banner, related links, the footer, scripts and styles", () => {
    const text = article.lines.join("\n");
    for (const boilerplate of ["Business", "cookies", "Related stories", "Rocket launch delayed", "All rights reserved", "Privacy", "position: fixed"]) {
      expect(text, boilerplate).not.toContain(boilerplate);
    }
    // Nothing on the page ran: its script would have replaced the body.
    expect(text).not.toContain("SCRIPT RAN");
    expect(text).not.toContain("addEventListener");
  });

  it("does not take a page that says it is free for a paywalled one", () => {
    expect(article.paywalled).toBe(false);
    expect(read(page("paywalled.html"), "text/html").paywalled).toBe(true);
  });
});

describe("character encodings", () => {
  it("reads a windows-1251 page that declares its charset only in <meta http-equiv>", () => {
    const vstrecha = read(page("vstrecha.cp1251.html"), "text/html");
    expect(vstrecha.encoding).toBe("windows-1251");
    expect(vstrecha.lines).toContain(
      "Руководители двух космических агентств провели переговоры в Космическом центре имени Кеннеди 31 июля. Это их первая личная встреча с октября 2018 года, когда они виделись на Байконуре.",
    );
    // The table layout's sidebar and the site's menu are not the article.
    expect(vstrecha.lines.join("\n")).not.toContain("Читайте также");
  });

  it("reads KOI8-R plain text by the Content-Type header's charset", () => {
    const notice = read(page("notice.koi8r.txt"), "text/plain; charset=koi8-r", "plain");
    expect(notice.encoding).toBe("KOI8-R");
    expect(notice.lines).toEqual(["Сообщение для прессы", "Руководители двух космических агентств провели переговоры 31 июля.", "Это их первая личная встреча с октября 2018 года."]);
  });

  it("lets the header's charset win over the page's <meta>, and a byte-order mark win over both", () => {
    const bytes = new TextEncoder().encode('<html><head><meta charset="windows-1251"></head><body><p>Привет</p></body></html>');
    expect(decodePage(bytes, "text/html; charset=utf-8", "html").encoding).toBe("UTF-8");
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodePage(withBom, "text/html; charset=koi8-r", "html").text).toContain("Привет");
  });

  it("reads undeclared UTF-8 as UTF-8, and other undeclared bytes as windows-1252", () => {
    expect(decodePage(new TextEncoder().encode("<p>naïve café</p>"), "text/html", "html").encoding).toBe("UTF-8");
    expect(decodePage(new Uint8Array([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]), "text/html", "html")).toMatchObject({ encoding: "windows-1252", text: "<p>é</p>" });
  });

  it("finds the charset parameter however it is written", () => {
    expect(charsetParameter('text/html; Charset="Windows-1251"')).toBe("Windows-1251");
    expect(charsetParameter("text/html;charset=koi8-r;q=1")).toBe("koi8-r");
    expect(charsetParameter("text/html")).toBeUndefined();
  });
});

describe("hostile pages", () => {
  it("refuses a page nested deeper than the parsers can take, without parsing it", () => {
    const deep = `<html><body>${"<div>".repeat(200_000)}x${"</div>".repeat(200_000)}</body></html>`;
    const result = extractText(deep, "html");
    expect(result).toEqual({ ok: false, detail: "the page nests its elements more than 1000 deep; it is not parsed" });
  });

  it("counts nesting as parsers do: void elements, implied ends and raw text do not nest", () => {
    expect(nestsDeeperThan(`${"<p>".repeat(5000)}${"<br>".repeat(5000)}${"<li>".repeat(5000)}`, 100)).toBe(false);
    expect(nestsDeeperThan(`<script>${"<div>".repeat(5000)}</script><!-- ${"<div>".repeat(5000)} -->`, 100)).toBe(false);
    expect(nestsDeeperThan(`${"<div><span>".repeat(60)}`, 100)).toBe(true);
    expect(nestsDeeperThan(`${"<div></div>".repeat(5000)}`, 100)).toBe(false);
  });

  it("drops control characters, which a page never shows and a terminal would obey", () => {
    const result = extractText("<html><body><p>Safe\u001b[2Jtext\u0007 here</p></body></html>", "html");
    expect(result.ok && result.lines).toEqual(["Safe[2Jtext here"]);
  });

  it("reads a page nested too deeply for Readability (whose time grows fast with depth) as its body's text", () => {
    const result = extractText(`<html><body><nav>Menu</nav>${"<div>".repeat(300)}Deep note.${"</div>".repeat(300)}</body></html>`, "html");
    expect(result).toMatchObject({ ok: true, method: "body", lines: ["Menu", "Deep note."] });
  });
});
