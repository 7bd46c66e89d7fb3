/**
 * A linear upper bound on how deeply an HTML page nests its elements, found without
 * parsing it. The HTML parsers (htmlparser2, and linkedom over it) take time that grows with
 * the square of the nesting depth: 100,000 nested `<div>`s take them 20 seconds, and a page
 * at the size limit could hold millions. A page deeper than the limit is refused before
 * any parser sees it.
 *
 * It counts start tags against end tags. Void elements never nest; elements whose end tag
 * a parser implies when the next one starts (`p`, `li`, `td`, …) are not counted, since
 * parsers close them; script, style and comment contents are skipped. It can overcount a
 * page with many unclosed inline tags, which real pages do not have in the thousands.
 */
export function nestsDeeperThan(page: string, limit: number): boolean {
  const html = page.toLowerCase();
  let depth = 0;
  let at = html.indexOf("<");
  while (at >= 0 && at < html.length - 1) {
    if (html.startsWith("<!--", at)) {
      const end = html.indexOf("-->", at + 4);
      if (end < 0) return false;
      at = html.indexOf("<", end + 3);
      continue;
    }
    const closing = html[at + 1] === "/";
    const nameStart = closing ? at + 2 : at + 1;
    let nameEnd = nameStart;
    while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd);
    if (name === "" || !isLetter(html.charCodeAt(nameStart))) {
      at = html.indexOf("<", at + 1);
      continue;
    }
    const tagEnd = html.indexOf(">", nameEnd);
    if (tagEnd < 0) return false;
    if (closing) {
      if (!VOID.has(name) && !IMPLIED_END.has(name) && depth > 0) depth--;
    } else if (RAW_TEXT.has(name)) {
      const end = html.indexOf(`</${name}`, tagEnd);
      if (end < 0) return false;
      at = end;
      continue;
    } else if (!VOID.has(name) && !IMPLIED_END.has(name) && html[tagEnd - 1] !== "/") {
      depth++;
      if (depth > limit) return true;
    }
    at = html.indexOf("<", tagEnd + 1);
  }
  return false;
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound"]);
const IMPLIED_END = new Set(["p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup", "rb", "rt", "rp", "rtc", "tbody", "thead", "tfoot", "colgroup", "caption"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

/** A lowercase ASCII letter (the text is lowercased first). */
function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 45 || code === 58;
}
