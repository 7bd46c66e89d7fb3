import { createInterface, type Completer } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { UsageError } from "../../errors.js";
import { didYouMean } from "../../text/suggest.js";
import { parsePartialDate } from "../../time/partial-date.js";

/**
 * Asks one question; resolves to the answer (empty for none). `tell` prints a line between
 * questions (a problem with the last answer, a hint); without it, lines go to standard error.
 * `offer` sets the ids Tab completes for the next question.
 */
export type Prompter = ((question: string) => Promise<string>) & {
  tell?: (text: string) => void;
  offer?: (choices: readonly string[]) => void;
  close?: () => void;
};

export interface FieldSpec {
  /** What the prompt says. */
  question: string;
  required?: boolean;
  /** Used when neither the flag nor the prompt gives a value. */
  fallback?: string;
  /** Returns a problem with the value, or undefined when it is fine. */
  check?: (value: string) => string | undefined;
  /**
   * Known values to offer: up to MAX_LISTED are listed, numbered, and a number picks one; in a
   * terminal Tab completes any of them. Other answers are still taken (a new id, say).
   */
  choices?: readonly string[];
}

/** Most choices listed under a question; longer lists are offered by Tab completion only. */
const MAX_LISTED = 9;

/**
 * Reads a field from its flag, else from the prompt, else its fallback; collects what is
 * missing when there is no prompt. A required question is asked until it is answered: an
 * empty or bad answer is explained and asked again, never skipped, so no answer given
 * before it is lost. Ctrl-C or the end of input stops the command with nothing written.
 */
export class FieldReader<Flag extends string> {
  private readonly missing: string[] = [];

  constructor(
    private readonly values: Partial<Record<Flag, unknown>>,
    private readonly prompter: Prompter | undefined,
    private readonly command: string,
    private readonly fallbackTell: (text: string) => void,
  ) {}

  /** Whether questions can be asked. */
  get interactive(): boolean {
    return this.prompter !== undefined;
  }

  async get(flag: Flag, spec: FieldSpec): Promise<string | undefined> {
    const raw = this.values[flag];
    const flagValue = Array.isArray(raw) ? (raw[0] as string | undefined) : typeof raw === "string" ? raw : undefined;
    if (flagValue !== undefined) return this.checked(flag, flagValue, spec);
    if (this.prompter) return this.ask(spec);
    if (spec.fallback !== undefined) return spec.fallback;
    if (spec.required) this.missing.push(`--${flag}`);
    return undefined;
  }

  /** Asks until the answer is usable; an empty answer to an optional question is its fallback (or none). */
  async ask(spec: FieldSpec): Promise<string | undefined> {
    const prompter = this.prompter!;
    const choices = spec.choices ?? [];
    const listed = choices.length > 0 && choices.length <= MAX_LISTED;
    const hint = spec.fallback !== undefined ? ` [${spec.fallback}]` : spec.required || spec.question.includes("(empty") ? "" : " (optional)";
    for (;;) {
      if (listed) this.tell(choices.map((c, i) => `  ${i + 1}) ${c}`).join("\n"));
      else if (choices.length > 0) this.tell(`  ${choices.length} known; Tab completes them`);
      prompter.offer?.(choices);
      let answer = (await prompter(`${spec.question}${hint}: `)).trim();
      if (listed && /^[1-9]$/.test(answer) && Number(answer) <= choices.length) answer = choices[Number(answer) - 1]!;
      if (answer === "") {
        if (spec.fallback !== undefined || !spec.required) return spec.fallback;
        this.tell(`  an answer is needed here${listed ? " (a number or a new value)" : ""}; Ctrl-C stops without writing anything`);
        continue;
      }
      const problem = spec.check?.(answer);
      if (!problem) return answer;
      this.tell(`  ${problem}`);
    }
  }

  /** Whether the flag was given. */
  has(flag: Flag): boolean {
    return this.values[flag] !== undefined;
  }

  /** Every value of a repeatable flag, checked. */
  list(flag: Flag, spec: FieldSpec): string[] {
    const raw = this.values[flag];
    const list = Array.isArray(raw) ? (raw as string[]) : [];
    return list.map((value) => this.checked(flag, value, spec));
  }

  /** Prints a line between questions. */
  tell(text: string): void {
    (this.prompter?.tell ?? this.fallbackTell)(`${text}\n`);
  }

  /** Throws, naming every missing required flag, once all fields were read. */
  done(): void {
    if (this.missing.length > 0) {
      throw new UsageError(
        "missing-argument",
        `${this.command} needs ${this.missing.join(", ")} (run it in a terminal to be asked; claimcheck new --help)`,
      );
    }
  }

  private checked(flag: string, value: string, spec: FieldSpec): string {
    const problem = spec.check?.(value);
    if (problem) throw new UsageError("bad-argument", `--${flag}: ${problem}`);
    return value;
  }
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
export const checkId = (value: string) =>
  ID.test(value) && value.length <= 120 ? undefined : `"${value}" is not an id: lowercase letters, digits and hyphens, starting with a letter or digit`;
export const checkDate = (value: string) => (parsePartialDate(value) ? undefined : `"${value}" is not a date: YYYY, YYYY-MM or YYYY-MM-DD`);
export const checkUrl = (value: string) => (/^https?:\/\/\S+$/.test(value) ? undefined : `"${value}" is not an http(s) URL`);
export const checkText = (value: string) => (value.trim() === "" ? "must not be empty" : undefined);
export const oneOf = (allowed: readonly string[]) => (value: string) => {
  if (allowed.includes(value)) return undefined;
  const suggestion = didYouMean(value, allowed);
  return `"${value}" is not one of: ${allowed.join(", ")}${suggestion ? ` — did you mean "${suggestion}"?` : ""}`;
};

/**
 * A prompter over a terminal (process.stdin and stdout by default; tests pass streams). Ctrl-C
 * and the end of input (Ctrl-D) stop the command with a usage error, before anything is written.
 */
export function terminalPrompter(input: Readable = process.stdin, output: Writable = process.stdout): Prompter {
  let offered: readonly string[] = [];
  const completer: Completer = (line) => {
    const hits = offered.filter((c) => c.startsWith(line));
    return [hits, line];
  };
  const rl = createInterface({ input, output, completer, terminal: true });
  const controller = new AbortController();
  // In raw mode Ctrl-C reaches readline as a key, not as a signal to the process.
  rl.on("SIGINT", () => controller.abort());
  rl.on("close", () => controller.abort());
  const ask = (async (question: string) => {
    if (controller.signal.aborted) throw cancelled();
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => reject(cancelled());
      controller.signal.addEventListener("abort", onAbort, { once: true });
      rl.question(question, (answer) => {
        controller.signal.removeEventListener("abort", onAbort);
        resolve(answer);
      });
    });
  }) as Prompter;
  ask.tell = (text) => void output.write(text);
  ask.offer = (choices) => void (offered = choices);
  ask.close = () => rl.close();
  return ask;
}

function cancelled(): UsageError {
  return new UsageError("cancelled", "cancelled; nothing was written");
}
