import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runNew } from "../../src/cli/commands/new.js";
import { terminalPrompter } from "../../src/cli/commands/new-fields.js";
import { UsageError } from "../../src/errors.js";
import { loadYaml } from "../../src/load/yaml-load.js";
import type { RunResult } from "../../src/model/result.js";
import { addDeclaration } from "../../src/scaffold/registry.js";
import { validateDoc, type DocKind } from "../../src/schema/validate.js";
import { copyDataset, runCli } from "../helpers/cli.js";

const ARTICLE = "rt-2025-space-cooperation";
const SENTENCE = "The meeting coincides with the anniversary of the 1975 Apollo-Soyuz mission";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function dataset(): Promise<string> {
  const copy = await copyDataset();
  cleanup = copy.cleanup;
  return copy.dir;
}

/** The file validates against its schema, and its modeline names a schema file that exists. */
async function expectValid(file: string, kind: DocKind, ownModeline = true): Promise<string> {
  const text = await readFile(file, "utf8");
  const outcome = loadYaml(path.basename(file), new TextEncoder().encode(text));
  expect(outcome.ok && outcome.diagnostics).toEqual([]);
  if (!outcome.ok) throw new Error("did not parse");
  expect(validateDoc(outcome.doc, kind)).toEqual([]);
  const modeline = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
  expect(modeline).not.toBeNull();
  // The dataset's own registry points at the repository's schema/, which the copy leaves out.
  if (!ownModeline) return text;
  expect(modeline![1]).toMatch(new RegExp(`${kind}\\.schema\\.json$`));
  expect(existsSync(path.resolve(path.dirname(file), modeline![1]!))).toBe(true);
  return text;
}

async function check(dir: string, ...paths: string[]): Promise<RunResult> {
  return JSON.parse((await runCli(["--format", "json", ...paths], dir)).stdout) as RunResult;
}

describe("claimcheck new claim", () => {
  it("writes a commented, schema-valid claim that fails only the rules that need the contributor's content", async () => {
    const dir = await dataset();
    const run = await runCli(
      ["new", "claim", "--article", ARTICLE, "--id", "c18-anniversary", "--text", SENTENCE, "--verdict", "supported", "--source", "satelit-2025-07-17-apollo-soyuz-legacy"],
      dir,
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const file = `claims/${ARTICLE}/c18-anniversary.yaml`;
    expect(run.stdout).toContain(`created ${file}`);
    const text = await expectValid(path.join(dir, file), "claim");
    expect(text).toContain("# supported | refuted | mixed | unverifiable");
    // The as-of date comes from the article's other claims when the article's source has no date.
    expect(text).toMatch(/^as-of: "\d{4}-\d{2}-\d{2}"$/m);

    const result = await check(dir, file);
    const claim = result.claims.find((c) => c.id === "c18-anniversary")!;
    expect(claim.status).toBe("fail");
    const failing = new Set(claim.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.ruleId}/${d.messageId}`));
    // One cited source is short of the evidence standard for a supported verdict, too.
    expect([...failing].sort()).toEqual(["assertion-holds/noAssertion", "evidence-sufficiency/tooFew", "no-placeholder/placeholder", "quote-found/notFound"]);
  });

  it("takes several citations, each quote following its source, and a given quote passes quote-found", async () => {
    const dir = await dataset();
    const run = await runCli(
      [
        "new", "claim", "--article", ARTICLE, "--id", "c18-two", "--text", SENTENCE, "--verdict", "mixed", "--as-of", "2025-08-03",
        "--source", "satelit-2025-07-17-apollo-soyuz-legacy", "--quote", "On July 17, 1975, an American Apollo crew and a Soviet Soyuz crew met up in Earth orbit",
        "--source", "tass-1939857",
        "--rationale", "Docking anniversary 17 July; the meeting was on 31 July.",
      ],
      dir,
    );
    expect(run.code).toBe(0);
    const file = path.join(dir, "claims", ARTICLE, "c18-two.yaml");
    const text = await expectValid(file, "claim");
    expect(text).toContain("rationale: Docking anniversary 17 July; the meeting was on 31 July.");
    const claim = (await check(dir, `claims/${ARTICLE}/c18-two.yaml`)).claims[0]!;
    const quoteProblems = claim.diagnostics.filter((d) => d.ruleId === "quote-found").map((d) => d.at.path);
    expect(quoteProblems).toEqual(["citations[1].quote"]);
  });

  it("never overwrites an existing file", async () => {
    const dir = await dataset();
    const file = path.join(dir, "claims", ARTICLE, "c04-first-heads-meeting-since-2018.yaml");
    const before = await readFile(file, "utf8");
    const run = await runCli(
      ["new", "claim", "--article", ARTICLE, "--id", "c04-first-heads-meeting-since-2018", "--text", "x", "--verdict", "supported", "--source", "tass-1996707"],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("already exists; not overwritten");
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("names every missing required flag when not in a terminal", async () => {
    const dir = await dataset();
    const run = await runCli(["new", "claim", "--id", "c18-x"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("new claim needs --text, --verdict, --source");
  });

  it("rejects bad values with a suggestion, and flags of another kind", async () => {
    const dir = await dataset();
    const bad = await runCli(["new", "claim", "--id", "c18-x", "--text", "t", "--verdict", "suported", "--source", "s"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--verdict: "suported" is not one of: supported, refuted, mixed, unverifiable — did you mean "supported"?');
    const foreign = await runCli(["new", "claim", "--url", "https://example.org"], dir);
    expect(foreign.stderr).toContain("new claim does not take --url");
    const kind = await runCli(["new", "clam"], dir);
    expect(kind.stderr).toContain('no kind of file "clam" — did you mean "claim"?');
    const id = await runCli(["new", "claim", "--id", "C18 Bad", "--text", "t", "--verdict", "supported", "--source", "s"], dir);
    expect(id.stderr).toContain('--id: "C18 Bad" is not an id');
  });

  it("notes a source that does not exist yet, with a suggestion", async () => {
    const dir = await dataset();
    const run = await runCli(["new", "claim", "--article", ARTICLE, "--id", "c18-y", "--text", SENTENCE, "--verdict", "supported", "--source", "tass-1996708"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/note: there is no source "tass-1996708" yet — did you mean "tass-199670[79]"\?/);
  });

  it("asks for what the flags leave out when a prompter is given (a terminal)", async () => {
    const dir = await dataset();
    const answers: Record<string, string> = {
      "claim id": "c18-asked",
      "the claim's sentence": SENTENCE,
      verdict: "bogus",
      "cited source id": "satelit-2025-07-17-apollo-soyuz-legacy",
      "the quote": "",
      "as-of": "",
      rationale: "",
    };
    const asked: string[] = [];
    let verdictTries = 0;
    const prompter = async (question: string) => {
      asked.push(question);
      if (question.startsWith("verdict")) return verdictTries++ === 0 ? "bogus" : "supported";
      const key = Object.keys(answers).find((k) => question.startsWith(k));
      return key === undefined ? "" : answers[key]!;
    };
    let stdout = "";
    let stderr = "";
    const io = { cwd: dir, env: {}, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), isTTY: true };
    const code = await runNew(["claim", "--article", ARTICLE], io, { prompter });
    expect(code).toBe(0);
    expect(stdout).toContain(`created claims/${ARTICLE}/c18-asked.yaml`);
    // The bad verdict is explained, and the question asked again.
    expect(stderr).toContain('"bogus" is not one of');
    expect(asked.filter((q) => q.startsWith("verdict"))).toHaveLength(2);
    expect(asked.find((q) => q.startsWith("as-of"))).toMatch(/\[\d{4}-\d{2}-\d{2}\]/);
    await expectValid(path.join(dir, "claims", ARTICLE, "c18-asked.yaml"), "claim");
  });
});

describe("claimcheck new source", () => {
  it("writes a commented, schema-valid source record; uncited, it only warns", async () => {
    const dir = await dataset();
    const run = await runCli(
      [
        "new", "source", "--id", "interfax-2025-07-15-krikalev", "--url", "https://example.org/interfax", "--title", "Krikalev at the gala",
        "--kind", "mirror", "--standing", "use-with-care", "--mirror-of", "Interfax", "--issued", "2025-07-15", "--language", "ru",
        "--excerpt", "на торжественном вечере", "--excerpt", "второй отрывок: \"кавычки\" # не комментарий",
      ],
      dir,
    );
    expect(run.code).toBe(0);
    const file = path.join(dir, "sources", "interfax-2025-07-15-krikalev.yaml");
    const text = await expectValid(file, "source");
    expect(text).toContain("kind: mirror\n");
    expect(text).toContain("standing: use-with-care\n");
    expect(text).toContain("mirror-of: Interfax");
    expect(text).toContain("# state-affiliated: RU");
    const doc = loadYaml("s.yaml", new TextEncoder().encode(text));
    expect(doc.ok && (doc.doc.data as { excerpts: Array<{ text: string }> }).excerpts.map((e) => e.text)).toEqual([
      "на торжественном вечере",
      'второй отрывок: "кавычки" # не комментарий',
    ]);
    const result = await check(dir);
    const mine = result.diagnostics.filter((d) => d.at.file === "sources/interfax-2025-07-15-krikalev.yaml");
    expect(mine.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(["warning orphan-source"]);
  });

  it("writes who the source is: state, network, and an unassessed standing a reviewer must set", async () => {
    const dir = await dataset();
    const run = await runCli(
      ["new", "source", "--id", "x-state", "--url", "https://example.org/x", "--title", "T", "--kind", "wire-agency", "--state-affiliated", "RU", "--network", "demo-network"],
      dir,
    );
    expect(run.code).toBe(0);
    const text = await expectValid(path.join(dir, "sources", "x-state.yaml"), "source");
    expect(text).toContain("kind: wire-agency\n");
    expect(text).toContain("standing: unassessed\n");
    expect(text).toContain("state-affiliated: RU\n");
    expect(text).toContain("network: demo-network\n");
    const result = await check(dir);
    const mine = result.diagnostics.filter((d) => d.at.file === "sources/x-state.yaml").map((d) => `${d.ruleId}/${d.messageId}`);
    expect(mine.sort()).toEqual(["orphan-source/orphan", "source-standing/unassessed"]);
    const bad = await runCli(["new", "source", "--id", "x-bad", "--url", "https://example.org", "--title", "T", "--kind", "wire-agency", "--state-affiliated", "Russia"], dir);
    expect(bad.stderr).toContain('--state-affiliated: "Russia" is not an ISO 3166-1 alpha-2 country code');
    const retired = await runCli(["new", "source", "--id", "x-old", "--url", "https://example.org", "--title", "T", "--reliability", "wire"], dir);
    expect(retired.code).toBe(2);
    expect(retired.stderr).toContain("--reliability is retired: give --kind and --standing instead");
  });

  it("needs --mirror-of for a mirror, and never overwrites", async () => {
    const dir = await dataset();
    const missing = await runCli(["new", "source", "--id", "x-1", "--url", "https://example.org", "--title", "T", "--kind", "mirror"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("new source needs --mirror-of");
    const exists = await runCli(["new", "source", "--id", "tass-1996707", "--url", "https://example.org", "--title", "T", "--kind", "wire-agency"], dir);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain("sources/tass-1996707.yaml already exists; not overwritten");
  });
});

describe("claimcheck new, asking in a terminal", () => {
  it("asks for mirror-of only for a mirror, and prints its own help", async () => {
    const dir = await dataset();
    const asked: string[] = [];
    const answers = ["x-asked", "https://example.org/x", "A title", "", "wire-agency", "generally-reliable"];
    const prompter = async (question: string) => {
      asked.push(question);
      return answers.shift() ?? "";
    };
    const io = { cwd: dir, env: {}, stdout: () => undefined, stderr: () => undefined, isTTY: true };
    expect(await runNew(["source"], io, { prompter })).toBe(0);
    expect(asked.some((q) => q.includes("mirror-of"))).toBe(false);
    expect(asked.filter((q) => /^(kind|standing|the state|network)/.test(q))).toHaveLength(4);
    const text = await expectValid(path.join(dir, "sources", "x-asked.yaml"), "source");
    expect(text).toMatch(/^kind: wire-agency\n[\s\S]*^standing: generally-reliable\n/m);

    const help = await runCli(["new", "--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("claimcheck new claim    --article <id>");
  });
});

describe("claimcheck new entity / property", () => {
  it("adds a declaration to the registry, changing no other line", async () => {
    const dir = await dataset();
    const file = path.join(dir, "sources", "entities.yaml");
    const before = await readFile(file, "utf8");
    const run = await runCli(["new", "entity", "--id", "soyuz-apollo-gala-2025", "--label", "Gala for the 50th anniversary of Soyuz–Apollo", "--type", "event", "--alias", "gala"], dir);
    expect(run).toMatchObject({ code: 0, stdout: "declared entity soyuz-apollo-gala-2025 in sources/entities.yaml\n" });
    const prop = await runCli(["new", "property", "--id", "gala-host", "--label", "host of the gala", "--type", "entity"], dir);
    expect(prop.code).toBe(0);
    const after = await expectValid(file, "entities", false);
    const removed = before.split("\n").filter((line) => !after.split("\n").includes(line));
    expect(removed).toEqual([]);
    expect(after.split("\n").length - before.split("\n").length).toBe(7);
    const data = (loadYaml("e.yaml", new TextEncoder().encode(after)) as { ok: true; doc: { data: { entities: Record<string, unknown>; properties: Record<string, unknown> } } }).doc.data;
    expect(data.entities["soyuz-apollo-gala-2025"]).toEqual({ label: "Gala for the 50th anniversary of Soyuz–Apollo", type: "event", aliases: ["gala"] });
    expect(data.properties["gala-host"]).toEqual({ label: "host of the gala", type: "entity" });

    const again = await runCli(["new", "entity", "--id", "bakanov", "--label", "x", "--type", "person"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('entity "bakanov" is declared already');
  });

  it("inserts into empty, flow and missing sections", () => {
    const entity = { section: "entities" as const, id: "x", label: "X: the one", type: "other" };
    expect(addDeclaration("entities: {}\n", entity)).toBe('entities:\n  x:\n    label: "X: the one"\n    type: other\n');
    const withComment = "# head\nentities:\n  a:\n    label: A\n    type: other\n# trailing\nproperties:\n  p: { label: P, type: year }\n";
    expect(addDeclaration(withComment, entity)).toBe(
      '# head\nentities:\n  a:\n    label: A\n    type: other\n  x:\n    label: "X: the one"\n    type: other\n# trailing\nproperties:\n  p: { label: P, type: year }\n',
    );
    expect(addDeclaration("entities:\n  a: { label: A, type: other }", { section: "properties", id: "p", label: "P", type: "year" })).toBe(
      "entities:\n  a: { label: A, type: other }\nproperties:\n  p:\n    label: P\n    type: year\n",
    );
  });

  it("creates the registry when there is none", async () => {
    const dir = await dataset();
    await writeFile(path.join(dir, "sources", "entities.yaml"), "");
    const { rm } = await import("node:fs/promises");
    await rm(path.join(dir, "sources", "entities.yaml"));
    const run = await runCli(["new", "entity", "--id", "x", "--label", "X", "--type", "other"], dir);
    expect(run.code).toBe(0);
    await expectValid(path.join(dir, "sources", "entities.yaml"), "entities");
  });
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
