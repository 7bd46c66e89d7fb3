/**
 * Finds names in a text: a name stands in it when its words stand there in order, as whole
 * words, ignoring case, accents and the punctuation between words ("Crew-11" and "Crew 11",
 * "Soyuz-Apollo" and "Soyuz–Apollo" are the same words).
 *
 * Russian declines names: "Баканов" is "Баканова", "Баканову", "Бакановым" in other cases.
 * A word in Cyrillic letters therefore also matches with a case ending ("Роскосмоса" for
 * "Роскосмос", "Маском" for "Маск"), and a name's word that ends in "й", "ь", "а" or "я"
 * matches without it ("Дмитрия" for "Дмитрий"). Latin words match only as they are.
 *
 * Scanning only, over `tokenise`'s tokens: linear in the text for each name, no regular
 * expression, and nothing from a file is ever used as a pattern.
 */
import { normaliseRemembered } from "./normalize.js";
import { fold, isCyrillic, tokenise, type Token } from "./tokens.js";

/** Russian case endings, folded (`й` → `и`). A stem keeps at least four letters. */
const ENDINGS = ["а", "я", "у", "ю", "е", "ы", "и", "ом", "ем", "ым", "им", "ои", "еи", "ою", "ею", "ов", "ев", "ах", "ях", "ам", "ям", "ами", "ями", "ого", "его", "ому", "ему", "ых", "их"].map(fold);
const NAME_FINALS = ["и", "ь", "а", "я"].map(fold);
const MIN_STEM = 4;

/** A text's words, each under the keys it can be found by. */
export interface WordIndex {
  /** Keys of the word at each position (words and runs of digits only; marks are skipped). */
  keys: string[][];
  /** Positions of each key. */
  positions: Map<string, number[]>;
}

function keysOfTextWord(token: Token): string[] {
  const keys = [token.folded];
  if (isCyrillic(token)) {
    for (const ending of ENDINGS) {
      if (token.folded.length - ending.length >= MIN_STEM && token.folded.endsWith(ending)) keys.push(token.folded.slice(0, -ending.length));
    }
  }
  return keys;
}

function keysOfNameWord(token: Token): string[] {
  const keys = [token.folded];
  if (isCyrillic(token) && token.folded.length - 1 >= MIN_STEM && NAME_FINALS.some((f) => token.folded.endsWith(f))) {
    keys.push(token.folded.slice(0, -1));
  }
  return keys;
}

/** Indexes the words of a tokenised text. */
export function indexWords(tokens: Token[]): WordIndex {
  const keys: string[][] = [];
  const positions = new Map<string, number[]>();
  for (const token of tokens) {
    if (token.kind === "mark") continue;
    const at = keys.length;
    const own = keysOfTextWord(token);
    keys.push(own);
    for (const key of own) {
      const list = positions.get(key);
      if (list) list.push(at);
      else positions.set(key, [at]);
    }
  }
  return { keys, positions };
}

/** Names already split into words: a run asks for the same registry labels and aliases for every fact. */
const knownNames = new Map<string, string[][]>();
const KNOWN_NAMES_LIMIT = 65_536;

/** The words of a name, each with the keys it may be found under. */
export function nameWords(name: string): string[][] {
  let words = knownNames.get(name);
  if (words === undefined) {
    words = tokenise(normaliseRemembered(name))
      .filter((t) => t.kind !== "mark")
      .map(keysOfNameWord);
    if (knownNames.size >= KNOWN_NAMES_LIMIT) knownNames.delete(knownNames.keys().next().value!);
    knownNames.set(name, words);
  }
  return words;
}

/** Whether a name stands in an indexed text (see the module comment for what counts). */
export function nameStandsIn(index: WordIndex, name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  const starts = new Set<number>();
  for (const key of words[0]!) for (const p of index.positions.get(key) ?? []) starts.add(p);
  for (const p of starts) {
    let ok = true;
    for (let j = 1; j < words.length && ok; j++) {
      const at = index.keys[p + j];
      ok = at !== undefined && words[j]!.some((key) => at.includes(key));
    }
    if (ok) return true;
  }
  return false;
}

/** Whether `name` stands in `text`, tokenising the text afresh (callers that ask often keep a `WordIndex`). */
export function findName(text: string, name: string): boolean {
  return nameStandsIn(indexWords(tokenise(normaliseRemembered(text))), name);
}
