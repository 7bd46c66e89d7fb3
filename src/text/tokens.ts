/**
 * Splits a (normalised) text into words, runs of digits and single marks, in one pass.
 * The recognisers of dates, numbers and names in text (`dates-in-text.ts`,
 * `numbers-in-text.ts`, `entities-in-text.ts`) all read these tokens, so they agree on what
 * a word is and none of them runs a regular expression over the text.
 */

export type TokenKind = "word" | "digits" | "mark";

export interface Token {
  kind: TokenKind;
  /** The token as written (in the text given, usually after the quote normalisation). */
  text: string;
  /** Lower case with accents and diacritics removed (`Ё` → `е`, `é` → `e`): what comparisons use. */
  folded: string;
  /** UTF-16 offset of the token's first character in the text given. */
  start: number;
  /** UTF-16 offset just past the token's last character. */
  end: number;
  /** Whitespace stands right before the token. */
  spaced: boolean;
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const COMBINING_MARK = /\p{M}/gu;

function classOf(ch: string, code: number): TokenKind | "space" {
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return "digits";
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return "word";
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return "space";
    return "mark";
  }
  if (/^\s$/u.test(ch)) return "space";
  return LETTER_OR_MARK.test(ch) ? "word" : "mark";
}

/**
 * Folds a word for comparison: lower case, then every diacritic removed after canonical
 * decomposition. Russian `ё` becomes `е` and `й` becomes `и`; both sides of every comparison
 * are folded the same way, so only the strictness changes, never the meaning.
 */
export function fold(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return word.toLowerCase();
  return word.toLowerCase().normalize("NFD").replace(COMBINING_MARK, "");
}

/** The tokens of a text. Linear in its length. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let kind: TokenKind | undefined;
  let start = 0;
  let spaced = false;
  let pendingSpace = false;
  const close = (end: number) => {
    if (kind === undefined) return;
    const raw = text.slice(start, end);
    tokens.push({ kind, text: raw, folded: kind === "word" ? fold(raw) : raw, start, end, spaced });
    kind = undefined;
  };
  let offset = 0;
  for (const ch of text) {
    const at = offset;
    offset += ch.length;
    const cls = classOf(ch, ch.charCodeAt(0));
    if (cls === "space") {
      close(at);
      pendingSpace = true;
      continue;
    }
    // A word or a run of digits grows; a mark is always a token of its own.
    if (kind !== undefined && cls === kind && cls !== "mark") continue;
    close(at);
    kind = cls;
    start = at;
    spaced = pendingSpace;
    pendingSpace = false;
  }
  close(offset);
  return tokens;
}

/** Whether a token is a word written in Cyrillic letters. */
export function isCyrillic(token: Pick<Token, "kind" | "folded">): boolean {
  if (token.kind !== "word") return false;
  const code = token.folded.charCodeAt(0);
  return code >= 0x0400 && code <= 0x04ff;
}
