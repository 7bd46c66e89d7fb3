import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type Sniffer = (bytes: Uint8Array, options: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string }) => string;

/** The decoded text of a page, and the encoding it was read in (a WHATWG encoding name). */
export interface DecodedPage {
  text: string;
  encoding: string;
}

/**
 * Decodes a page's bytes the way a browser does (the HTML Standard's encoding sniffing, by
 * html-encoding-sniffer): a byte-order mark wins; then the charset of the Content-Type header;
 * then, for HTML, a `<meta charset>` or `<meta http-equiv="content-type">` in the first 1024
 * bytes. With nothing declared, UTF-8 when the bytes are valid UTF-8, else windows-1252 (the
 * standard's fallback). Node's TextDecoder (full ICU) then decodes windows-1251, KOI8-R and
 * every other encoding the standard names.
 */
export function decodePage(bytes: Uint8Array, contentType: string | undefined, kind: "html" | "plain"): DecodedPage {
  const sniff = require("html-encoding-sniffer") as Sniffer;
  const label = charsetParameter(contentType);
  const encoding = sniff(bytes, {
    xml: kind === "plain",
    transportLayerEncodingLabel: label,
    defaultEncoding: isUtf8(bytes) ? "UTF-8" : "windows-1252",
  });
  try {
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  } catch {
    // An encoding the standard names but this Node cannot decode (built without full ICU).
    return { text: new TextDecoder("utf-8").decode(bytes), encoding: "UTF-8" };
  }
}

/** The `charset` parameter of a Content-Type header value, unquoted. */
export function charsetParameter(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  for (const part of contentType.split(";").slice(1)) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim().toLowerCase() !== "charset") continue;
    const value = part.slice(eq + 1).trim();
    return value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  }
  return undefined;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
