/**
 * Finds every number a text states, as people write them: "419,725", "419 725" (with a
 * space, a no-break or a thin space), "1.5", "1,5" (a decimal comma), "three", "семь",
 * "twenty-five", "$843 million", "420 000 kg", "more than 290", "около 420 т",
 * "between 5 and 6". Each comes with the words around it that change what it means: a
 * bound before it, a scale word and a currency or unit word after it. Nothing here decides
 * what a unit is; a caller that knows units reads `unit`.
 *
 * Scanning only, over `tokenise`'s tokens: linear in the text, no regular expression.
 */
import { normaliseRemembered } from "./normalize.js";
import { fold, tokenise, type Token } from "./tokens.js";

/** What a bound word says about the number after it. */
export type BoundKind = "about" | "nearly" | "over" | "at-least" | "under" | "at-most" | "between";

export interface NumberMention {
  /** The number meant, scale applied: "$843 million" → 843000000. */
  value: number;
  /** The figure as written, before any scale word: "$843 million" → 843. */
  figure: number;
  /** "million", "тыс", …, with the factor it applies. */
  scale?: { word: string; factor: number };
  /** The words before the number that bound it ("more than", "около", "up to"). */
  bound?: { words: string; kind: BoundKind };
  /** For "between 5 and 6" / "от 5 до 6" / "5-6": the other end (on the first number only). */
  rangeTo?: number;
  /** A currency symbol or word next to the number, as written and lower-cased ("$", "dollars", "руб"). */
  currency?: string;
  /** The word right after the number (and its scale), lower-cased: a candidate unit ("tonnes", "kg", "people", "%"). */
  unit?: string;
  /** Written as a word ("three", "семь") rather than in digits. */
  inWords: boolean;
  /** Written as an ordinal ("50th", "31st"). */
  ordinal: boolean;
  /** The mention's text, from its bound or currency to its scale: offsets in the normalised text. */
  start: number;
  end: number;
}

export interface NumberOptions {
  /**
   * Read "1,500" as one and a half (Russian and most of Europe) instead of one thousand
   * five hundred. A comma followed by anything but exactly three digits is a decimal comma
   * either way.
   */
  decimalComma?: boolean;
}

const UNITS_EN: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS_EN: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Russian number words in the cases they usually take in news text. */
const UNITS_RU: Array<[number, string[]]> = [
  [1, ["один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну"]],
  [2, ["два", "две", "двух", "двум", "двумя"]],
  [3, ["три", "трёх", "трём", "тремя"]],
  [4, ["четыре", "четырёх", "четырём", "четырьмя"]],
  [5, ["пять", "пяти", "пятью"]],
  [6, ["шесть", "шести", "шестью"]],
  [7, ["семь", "семи"]],
  [8, ["восемь", "восьми", "восемью"]],
  [9, ["девять", "девяти", "девятью"]],
  [10, ["десять", "десяти", "десятью"]],
  [11, ["одиннадцать", "одиннадцати"]],
  [12, ["двенадцать", "двенадцати"]],
  [13, ["тринадцать", "тринадцати"]],
  [14, ["четырнадцать", "четырнадцати"]],
  [15, ["пятнадцать", "пятнадцати"]],
  [16, ["шестнадцать", "шестнадцати"]],
  [17, ["семнадцать", "семнадцати"]],
  [18, ["восемнадцать", "восемнадцати"]],
  [19, ["девятнадцать", "девятнадцати"]],
];
const TENS_RU: Array<[number, string[]]> = [
  [20, ["двадцать", "двадцати"]],
  [30, ["тридцать", "тридцати"]],
  [40, ["сорок", "сорока"]],
  [50, ["пятьдесят", "пятидесяти"]],
  [60, ["шестьдесят", "шестидесяти"]],
  [70, ["семьдесят", "семидесяти"]],
  [80, ["восемьдесят", "восьмидесяти"]],
  [90, ["девяносто", "девяноста"]],
  [100, ["сто", "ста"]],
];

function table(entries: Array<[number, string[]]>, english: Record<string, number>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [word, value] of Object.entries(english)) map.set(word, value);
  for (const [value, words] of entries) for (const word of words) map.set(fold(word), value);
  return map;
}
const UNIT_WORDS = table(UNITS_RU, UNITS_EN);
const TENS_WORDS = table(TENS_RU, TENS_EN);

const SCALES: Array<[number, string[]]> = [
  [100, ["hundred", "hundreds"]],
  [1e3, ["thousand", "thousands", "тысяча", "тысячи", "тысяч", "тысячу", "тыс"]],
  [1e6, ["million", "millions", "mn", "миллион", "миллиона", "миллионов", "млн"]],
  [1e9, ["billion", "billions", "bn", "миллиард", "миллиарда", "миллиардов", "млрд"]],
  [1e12, ["trillion", "trillions", "триллион", "триллиона", "триллионов", "трлн"]],
];
const SCALE_WORDS = new Map<string, number>(SCALES.flatMap(([factor, words]) => words.map((w) => [fold(w), factor] as [string, number])));

const CURRENCY_SYMBOLS = new Set(["$", "€", "£", "¥", "₽", "₴", "₹"]);
const CURRENCY_WORDS = new Set(
  ["dollar", "dollars", "euro", "euros", "pound", "pounds", "rouble", "roubles", "ruble", "rubles", "yuan",
    "доллар", "доллара", "долларов", "евро", "рубль", "рубля", "рублей", "руб", "юаней"].map(fold),
);

/** Bound phrases, as folded word sequences. Longer phrases are tried first. */
const BOUNDS: Array<[BoundKind, string[]]> = [
  ["over", ["more than", "greater than", "over", "above", "exceeding", "upwards of", "более чем", "более", "больше", "свыше", "больше чем"]],
  ["at-least", ["at least", "no less than", "no fewer than", "not less than", "a minimum of", "не менее", "не меньше", "как минимум", "минимум", "по меньшей мере"]],
  ["under", ["less than", "fewer than", "under", "below", "менее", "меньше", "менее чем", "меньше чем"]],
  ["at-most", ["up to", "at most", "no more than", "not more than", "as many as", "as much as", "a maximum of", "до", "не более", "не больше", "максимум"]],
  ["about", ["about", "around", "approximately", "approx", "roughly", "some", "circa", "около", "примерно", "приблизительно", "порядка", "почти что"]],
  ["nearly", ["nearly", "almost", "close to", "почти", "чуть менее"]],
  ["between", ["between", "from", "от", "между"]],
];
const BOUND_PHRASES: Array<{ kind: BoundKind; words: string[] }> = BOUNDS.flatMap(([kind, phrases]) =>
  phrases.map((p) => ({ kind, words: p.split(" ").map(fold) })),
).sort((a, b) => b.words.length - a.words.length);

const ORDINAL_SUFFIXES = new Set(["st", "nd", "rd", "th", "й", "го", "я", "е", "м"].map(fold));

const RANGE_JOINERS = new Set(["and", "to", "и", "до"]);

/** Words after a number that are never its unit. */
const NOT_UNITS = new Set(["and", "or", "of", "to", "in", "on", "at", "the", "a", "an", "for", "by", "with", "from", "than", "и", "или", "в", "на", "до", "от", "по", "с", "из", "за"].map(fold));

/** A parsed figure: its value and the tokens it spans [from, to). */
interface Figure {
  value: number;
  from: number;
  to: number;
  inWords: boolean;
  ordinal: boolean;
}

function adjacent(tokens: Token[], i: number): boolean {
  return i < tokens.length && !tokens[i]!.spaced;
}

/** Tokens i..i+4 read as a dotted or ISO date or a clock time: not numbers. */
function dateLikeSpan(tokens: Token[], i: number): number {
  const t = tokens;
  const isSep = (k: number, marks: string) => k < t.length && t[k]!.kind === "mark" && marks.includes(t[k]!.text) && !t[k]!.spaced;
  const isDigits = (k: number) => k < t.length && t[k]!.kind === "digits" && !t[k]!.spaced;
  if (isSep(i + 1, ".-/") && isDigits(i + 2) && isSep(i + 3, t[i + 1]!.text) && isDigits(i + 4)) return 5;
  if (isSep(i + 1, ":") && isDigits(i + 2) && t[i]!.text.length <= 2 && t[i + 2]!.text.length === 2) return 3;
  return 0;
}

function readDigits(tokens: Token[], i: number, options: NumberOptions): Figure {
  let text = tokens[i]!.text;
  let to = i + 1;
  // Groups of three: "419,725" (no spaces), "419 725" (spaced; the first group of one to three digits).
  if (text.length <= 3) {
    for (;;) {
      const comma = tokens[to];
      const next = tokens[to + 1];
      if (!options.decimalComma && comma?.kind === "mark" && comma.text === "," && !comma.spaced && next?.kind === "digits" && !next.spaced && next.text.length === 3 && !(tokens[to + 2]?.kind === "digits" && !tokens[to + 2]!.spaced)) {
        text += next.text;
        to += 2;
        continue;
      }
      const spacedGroup = tokens[to];
      if (spacedGroup?.kind === "digits" && spacedGroup.spaced && spacedGroup.text.length === 3 && !(tokens[to + 1]?.kind === "mark" && [".", ","].includes(tokens[to + 1]!.text) && tokens[to + 2]?.kind === "digits" && !tokens[to + 1]!.spaced && !tokens[to + 2]!.spaced && tokens[to + 2]!.text.length !== 3)) {
        // "in 2018 100 people" never groups: the first group has four digits.
        text += spacedGroup.text;
        to += 1;
        continue;
      }
      break;
    }
  }
  let value = Number(text);
  // A decimal part: "1.5", and "1,5" where a comma cannot be a thousands separator.
  const mark = tokens[to];
  const fraction = tokens[to + 1];
  if (mark?.kind === "mark" && !mark.spaced && fraction?.kind === "digits" && !fraction.spaced) {
    if (mark.text === "." || (mark.text === "," && (options.decimalComma || fraction.text.length !== 3))) {
      value = Number(`${text}.${fraction.text}`);
      to += 2;
    }
  }
  let ordinal = false;
  const suffix = tokens[to];
  if (suffix?.kind === "word" && !suffix.spaced && ORDINAL_SUFFIXES.has(suffix.folded)) {
    ordinal = true;
    to += 1;
  } else if (suffix?.kind === "mark" && suffix.text === "-" && !suffix.spaced && tokens[to + 1]?.kind === "word" && !tokens[to + 1]!.spaced && ORDINAL_SUFFIXES.has(tokens[to + 1]!.folded)) {
    ordinal = true; // "50-й", "2-го"
    to += 2;
  }
  return { value, from: i, to, inWords: false, ordinal };
}

function readWords(tokens: Token[], i: number): Figure | undefined {
  const word = tokens[i]!.folded;
  const unit = UNIT_WORDS.get(word);
  if (unit !== undefined) return { value: unit, from: i, to: i + 1, inWords: true, ordinal: false };
  const tens = TENS_WORDS.get(word);
  if (tens === undefined) return undefined;
  // "twenty-five", "twenty five", "двадцать пять".
  let to = i + 1;
  if (tokens[to]?.kind === "mark" && tokens[to]!.text === "-" && !tokens[to]!.spaced && !tokens[to + 1]?.spaced) to += 1;
  const next = tokens[to];
  const more = next?.kind === "word" ? UNIT_WORDS.get(next.folded) : undefined;
  if (more !== undefined && more > 0 && more < 10) return { value: tens + more, from: i, to: to + 1, inWords: true, ordinal: false };
  return { value: tens, from: i, to: i + 1, inWords: true, ordinal: false };
}

function figureAt(tokens: Token[], i: number, options: NumberOptions): Figure | undefined {
  const token = tokens[i]!;
  if (token.kind === "digits") return readDigits(tokens, i, options);
  if (token.kind === "word") return readWords(tokens, i);
  return undefined;
}

/** The bound phrase ending right before token `i`, if any. */
function boundBefore(tokens: Token[], i: number): { words: string; kind: BoundKind; from: number } | undefined {
  for (const phrase of BOUND_PHRASES) {
    const from = i - phrase.words.length;
    if (from < 0) continue;
    let ok = true;
    for (let k = 0; k < phrase.words.length; k++) {
      const t = tokens[from + k]!;
      if (t.kind !== "word" || t.folded !== phrase.words[k]) {
        ok = false;
        break;
      }
    }
    // "from … to" and "between … and" are bounds only when the other end follows.
    if (ok) return { words: tokens.slice(from, i).map((t) => t.text).join(" "), kind: phrase.kind, from };
  }
  return undefined;
}

/** Every number the text states, in order. Offsets are in the text after the quote normalisation. */
export function findNumbers(text: string, options: NumberOptions = {}): NumberMention[] {
  return numbersInTokens(tokenise(normaliseRemembered(text)), options);
}

/** `findNumbers` over tokens already made (a caller that also reads dates or names tokenises once). */
export function numbersInTokens(tokens: Token[], options: NumberOptions = {}): NumberMention[] {
  const out: NumberMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.kind === "digits") {
      const skip = dateLikeSpan(tokens, i);
      if (skip > 0) {
        i += skip;
        continue;
      }
      // Digits glued to a word ("Crew-11", "MS-21", "A320") name a thing, but still state a number.
    }
    const figure = figureAt(tokens, i, options);
    if (!figure) {
      i += 1;
      continue;
    }
    let start = tokens[figure.from]!.start;
    let end = tokens[figure.to - 1]!.end;
    let to = figure.to;
    let value = figure.value;
    // A minus sign that stands apart from the word before it: "-5", "−40".
    const sign = tokens[figure.from - 1];
    if (!figure.inWords && sign?.kind === "mark" && sign.text === "-" && !tokens[figure.from]!.spaced && (sign.spaced || figure.from - 1 === 0)) {
      value = -value;
      start = sign.start;
    }
    let currency: string | undefined;
    const before = tokens[figure.from - 1];
    let boundEnd = figure.from;
    if (before?.kind === "mark" && CURRENCY_SYMBOLS.has(before.text)) {
      currency = before.text;
      start = before.start;
      boundEnd = figure.from - 1;
    }
    let scale: NumberMention["scale"];
    const scaleToken = tokens[to];
    if (scaleToken?.kind === "word" && SCALE_WORDS.has(scaleToken.folded) && !figure.ordinal) {
      scale = { word: scaleToken.text, factor: SCALE_WORDS.get(scaleToken.folded)! };
      end = scaleToken.end;
      to += 1;
      if (tokens[to]?.kind === "mark" && tokens[to]!.text === "." && !tokens[to]!.spaced) to += 1; // "тыс.", "млн."
    }
    let unit: string | undefined;
    const after = tokens[to];
    if (after?.kind === "mark" && CURRENCY_SYMBOLS.has(after.text) && currency === undefined) {
      currency = after.text;
      end = after.end;
      to += 1;
    } else if (after?.kind === "word" && CURRENCY_WORDS.has(after.folded) && currency === undefined) {
      currency = after.text.toLowerCase();
      end = after.end;
      to += 1;
    } else if (after?.kind === "mark" && after.text === "%") {
      unit = "%";
    } else if (after?.kind === "word" && !NOT_UNITS.has(after.folded)) {
      unit = after.text.toLowerCase();
    }
    const bound = boundBefore(tokens, boundEnd);
    const mention: NumberMention = {
      value: scale ? value * scale.factor : value,
      figure: value,
      inWords: figure.inWords,
      ordinal: figure.ordinal,
      start,
      end,
    };
    if (scale) mention.scale = scale;
    if (currency !== undefined) mention.currency = currency;
    if (unit !== undefined) mention.unit = unit;
    // "between 5 and 6", "from 5 to 6", "от 5 до 6", "5-6": a range, given on the first number.
    const joiner = tokens[figure.to];
    const dashRange = joiner?.kind === "mark" && joiner.text === "-" && !joiner.spaced && tokens[figure.to + 1]?.kind === "digits" && !tokens[figure.to + 1]!.spaced;
    const wordRange = bound?.kind === "between" && joiner?.kind === "word" && RANGE_JOINERS.has(joiner.folded);
    if (dashRange || wordRange) {
      const other = figureAt(tokens, figure.to + 1, options);
      if (other) {
        const otherScale = tokens[other.to]?.kind === "word" ? SCALE_WORDS.get(tokens[other.to]!.folded) : undefined;
        mention.rangeTo = other.value * (otherScale ?? scale?.factor ?? 1);
      }
    }
    // "from" and "between" bound a number only when the other end follows.
    if (bound && (bound.kind !== "between" || mention.rangeTo !== undefined)) {
      mention.bound = { words: bound.words, kind: bound.kind };
      mention.start = tokens[bound.from]!.start;
    }
    out.push(mention);
    // A unit or currency word is read again as the next token; a number word can be the next figure.
    i = figure.to;
  }
  return out;
}
