import type { UsageError } from "../errors.js";
import { stripControl } from "../reporters/escape.js";

/** Where the CLI writes; injectable so tests run it in-process. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

/**
 * A usage error's message, line by line made safe to print. Messages that quote file-derived
 * text escape it where they are made (so it cannot add a line); this catches what is left.
 */
export function usageErrorText(error: UsageError): string {
  return error.message.split("\n").map(stripControl).join("\n");
}
