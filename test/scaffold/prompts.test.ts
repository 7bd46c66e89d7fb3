import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runNew } from "../../src/cli/commands/new.js";
import { terminalPrompter } from "../../src/cli/commands/new-fields.js";
import { UsageError } from "../../src/errors.js";
import { copyDataset } from "../helpers/cli.js";

const ARTICLE = "rt-2025-space-cooperation";
const SENTENCE = "The meeting coincides with the anniversary of the 1975 Apollo-Soyuz mission";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/**
 * A terminal driven through real readline: each step waits for its question to appear on the
 * output, then types its keys. A key string may be "\x03" (Ctrl-C); `null` ends the input (Ctrl-D).
 */
function scriptedTerminal(steps: Array<[question: string, keys: string | null]>) {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = "";
  const questions: string[] = [];
  output.on("data", (chunk: Buffer) => {
    screen += chunk.toString("utf8");
    const step = steps[0];
    if (!step || !screen.includes(step[0])) return;
    steps.shift();
    questions.push(step[0]);
    screen = "";
    setImmediate(() => (step[1] === null ? input.end() : input.write(step[1].endsWith("\x03") ? step[1] : `${step[1]}\r`)));
  });
  return { prompter: terminalPrompter(input, output), questions, remaining: steps, screen: () => screen };
}

async function dataset(): Promise<string> {
  const copy = await copyDataset();
  cleanup = copy.cleanup;
  return copy.dir;
}

function io(dir: string) {
  const out = { stdout: "", stderr: "" };
  return { out, io: { cwd: dir, env: {}, stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), isTTY: true } };
}

async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

describe("claimcheck new in a terminal", () => {
  it("asks a required question again after an empty answer, takes several sources, and offers the facts of each", async () => {
    const dir = await dataset();
    const terminal = scriptedTerminal([
      ["claim id", ""],
      ["an answer is needed here", "c18-two-sources"],
      ["the claim's sentence", SENTENCE],
      ["verdict", "supported"],
      ["cited source id", ""],
      ["an answer is needed here", "satelit-2025-07-17-apollo-soyuz-legacy"],
      ["the quote from satelit-2025-07-17-apollo-soyuz-legacy", ""],
      ["the facts of satelit-2025-07-17-apollo-soyuz-legacy", "1"],
      ["another cited source id", "econotimes-2025-08-01-nasa-roscosmos-chiefs-meet"],
      ["the quote from econotimes-2025-08-01-nasa-roscosmos-chiefs-meet", ""],
      ["the facts of econotimes-2025-08-01-nasa-roscosmos-chiefs-meet", "no-such-fact"],
      ['states no fact "no-such-fact"', ""],
      ["another cited source id", ""],
      ["as-of", ""],
      ["rationale", ""],
    ]);
    const { out, io: cli } = io(dir);
    expect(await runNew(["claim", "--article", ARTICLE], cli, { prompter: terminal.prompter })).toBe(0);
    expect(terminal.remaining).toEqual([]);
    expect(out.stdout).toContain(`created claims/${ARTICLE}/c18-two-sources.yaml`);
    const text = await readFile(path.join(dir, "claims", ARTICLE, "c18-two-sources.yaml"), "utf8");
    expect(text).toMatch(/- source: satelit-2025-07-17-apollo-soyuz-legacy\n {4}quote: .*\n {4}facts: \[docking\]\n {2}- source: econotimes-2025-08-01-nasa-roscosmos-chiefs-meet\n {4}quote: .*\n#/);
  });

  it("Ctrl-C at any question stops with a usage error (exit 2) and writes nothing", async () => {
    const dir = await dataset();
    const before = await listing(dir);
    const terminal = scriptedTerminal([
      ["claim id", "c18-never"],
      ["the claim's sentence", SENTENCE],
      ["verdict", "\x03"],
    ]);
    const error = await runNew(["claim", "--article", ARTICLE], io(dir).io, { prompter: terminal.prompter }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain("cancelled; nothing was written");
    expect(await listing(dir)).toEqual(before);
  });

  it("the end of input (Ctrl-D) stops it the same way", async () => {
    const dir = await dataset();
    const before = await listing(dir);
    const terminal = scriptedTerminal([["source id", "x-new"], ["URL of the page", null]]);
    const error = await runNew(["source"], io(dir).io, { prompter: terminal.prompter }).catch((e: unknown) => e);
    expect((error as UsageError).message).toContain("cancelled");
    expect(await listing(dir)).toEqual(before);
  });

  it("an entity id declared already is asked again before anything else", async () => {
    const dir = await dataset();
    const terminal = scriptedTerminal([
      ["entity id", "bakanov"],
      ['entity "bakanov" is declared already', "some-new-agency"],
      ["label", "Some new agency"],
      ["type", "2"],
    ]);
    const { out, io: cli } = io(dir);
    expect(await runNew(["entity"], cli, { prompter: terminal.prompter })).toBe(0);
    expect(out.stdout).toContain("declared entity some-new-agency");
    const registry = await readFile(path.join(dir, "sources", "entities.yaml"), "utf8");
    // "2" picks the second type offered.
    expect(registry).toMatch(/ {2}some-new-agency:\n {4}label: Some new agency\n {4}type: organisation\n/);
  });
});
