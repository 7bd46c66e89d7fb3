import { datesInTokens, type DateMention } from "../text/dates-in-text.js";
import { indexWords, type WordIndex } from "../text/entities-in-text.js";
import { normaliseRemembered } from "../text/normalize.js";
import { numbersInTokens, type NumberMention } from "../text/numbers-in-text.js";
import { tokenise, type Token } from "../text/tokens.js";

/**
 * What the recognisers read in one excerpt: made once per excerpt text and language, each
 * reading only when a fact first asks for it (a fact with a date and a subject never has its
 * excerpt's numbers read).
 */
export interface ExcerptScan {
  /** The excerpt after the quote normalisation (offsets below are into this). */
  readonly text: string;
  readonly words: WordIndex;
  readonly dates: DateMention[];
  readonly numbers: NumberMention[];
}

class LazyScan implements ExcerptScan {
  #tokens?: Token[];
  #words?: WordIndex;
  #dates?: DateMention[];
  #numbers?: NumberMention[];
  constructor(
    readonly text: string,
    private readonly decimalComma: boolean,
  ) {}
  private get tokens(): Token[] {
    return (this.#tokens ??= tokenise(this.text));
  }
  get words(): WordIndex {
    return (this.#words ??= indexWords(this.tokens));
  }
  get dates(): DateMention[] {
    return (this.#dates ??= datesInTokens(this.tokens, this.text));
  }
  get numbers(): NumberMention[] {
    return (this.#numbers ??= numbersInTokens(this.tokens, { decimalComma: this.decimalComma }));
  }
}

/**
 * Recent scans, by language and text. The facts that share an excerpt are a source's own, and
 * fact-grounded reads a source's facts one after another: a few recent scans are all that is
 * ever found again. Keeping thousands (as before) only carried their tokens through every
 * collection of a large run.
 */
const recent = new Map<string, ExcerptScan>();
const RECENT_LIMIT = 64;

/** Languages that write a decimal comma ("1,5"): the excerpt's source `language`, first subtag. */
const DECIMAL_COMMA = new Set(["ru", "uk", "be", "de", "fr", "es", "it", "pt", "pl", "cs", "nl"]);

export function scanExcerpt(excerpt: string, language: string | undefined): ExcerptScan {
  const decimalComma = DECIMAL_COMMA.has((language ?? "").toLowerCase().split("-")[0]!);
  const key = `${decimalComma ? "," : "."}${excerpt}`;
  const known = recent.get(key);
  if (known) return known;
  const scan = new LazyScan(normaliseRemembered(excerpt), decimalComma);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(key, scan);
  return scan;
}
