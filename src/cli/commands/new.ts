import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { articlesDir, sourcesDir } from "../../config/apply.js";
import { resolveRunOptions } from "../../config/resolve.js";
import { discover } from "../../load/discover.js";
import type { RunOptions } from "../../options/run-options.js";
import { UsageError } from "../../errors.js";
import { loadYaml } from "../../load/yaml-load.js";
import { VERDICTS, type Verdict } from "../../model/result.js";
import { renderClaim } from "../../scaffold/claim.js";
import { addDeclaration, ENTITY_TYPES, isDeclared, PROPERTY_TYPES, renderRegistry } from "../../scaffold/registry.js";
import { SOURCE_KINDS, STANDINGS, type SourceKind, type Standing } from "../../model/source-standing.js";
import { CSL_TYPES, renderSource } from "../../scaffold/source.js";
import { validateDoc, type DocKind } from "../../schema/validate.js";
import { didYouMean } from "../../text/suggest.js";
import { formatPartialDate, fromJsDate, parsePartialDate } from "../../time/partial-date.js";
import type { CliIO } from "../io.js";

/** Asks one question in the terminal; resolves to the answer (empty for none). */
export type Prompter = (question: string) => Promise<string>;
type ClosablePrompter = Prompter & { close?: () => void };

/** What tests put in place of the terminal. */
export interface NewOverrides {
  /** Asks for what the flags left out. Defaults to a terminal prompt when stdin and stdout are terminals. */
  prompter?: Prompter;
}

const KINDS = ["claim", "source", "entity", "property"] as const;
type Kind = (typeof KINDS)[number];

/** Which flags each kind of file takes (besides --root, --config, --help). */
const FLAGS: Record<Kind, readonly string[]> = {
  claim: ["article", "id", "text", "source", "quote", "verdict", "as-of", "rationale"],
  source: [
    "id", "url", "title", "type", "kind", "standing", "mirror-of", "state-affiliated", "network",
    "container-title", "issued", "accessed", "archive-url", "language", "excerpt",
  ],
  entity: ["id", "label", "type", "alias"],
  property: ["id", "label", "type"],
};

export const NEW_HELP = `claimcheck new — write a new, valid, commented file to fill in

Usage
  claimcheck new claim    --article <id> --id <id> --text <sentence> --verdict <verdict>
                          --source <source-id> [--quote <text>] [--source … --quote …]
                          [--as-of <date>] [--rationale <text>]
  claimcheck new source   --id <id> --url <url> --title <title> --kind <kind>
                          [--standing <standing>] [--mirror-of <outlet>]
                          [--state-affiliated <country code>] [--network <id>]
                          [--type <csl-type>] [--container-title <outlet>]
                          [--issued <date>] [--accessed <date>] [--archive-url <url>]
                          [--language <tag>] [--excerpt <verbatim passage>]...
  claimcheck new entity   --id <id> --label <label> --type <type> [--alias <name>]...
  claimcheck new property --id <id> --label <label> --type <type>

Run in a terminal, it asks for what the flags leave out; elsewhere a missing required flag
is an error (exit 2). It never overwrites a file. Options: -C/--root <dir>, --config <file>.

A source's --kind: wire-agency, newspaper, broadcaster, primary, specialist, reference,
mirror, aggregator or unknown. Its --standing: generally-reliable, use-with-care, unreliable
or unassessed (the default, until a reviewer decides). What each means: docs/source-standing.md.
`;

/** `claimcheck new <kind> …`: writes the file and returns the exit code. */
export async function runNew(argv: string[], io: CliIO, overrides: NewOverrides = {}): Promise<number> {
  const { values, positionals, tokens } = parseNewArgs(argv);
  if (values.help) {
    io.stdout(NEW_HELP);
    return 0;
  }
  const kind = positionals[0];
  if (!kind || !(KINDS as readonly string[]).includes(kind)) {
    const suggestion = kind ? didYouMean(kind, KINDS) : undefined;
    throw new UsageError(
      "bad-argument",
      `${kind ? `no kind of file "${kind}"${suggestion ? ` — did you mean "${suggestion}"?` : ""}` : "new needs a kind of file"}: claimcheck new ${KINDS.join("|")}`,
    );
  }
  if (positionals.length > 1) throw new UsageError("bad-argument", `new ${kind} takes flags only, not "${positionals[1]}"`);
  if (kind === "source" && values.reliability !== undefined) {
    throw new UsageError("bad-argument", "--reliability is retired: give --kind and --standing instead (docs/source-standing.md)");
  }
  const given = Object.keys(values).filter((k) => !["root", "config", "help"].includes(k));
  const foreign = given.filter((k) => !FLAGS[kind as Kind].includes(k));
  if (foreign.length > 0) throw new UsageError("bad-argument", `new ${kind} does not take ${foreign.map((f) => `--${f}`).join(", ")}`);

  const { root, config, options } = await resolveRunOptions({ root: values.root, config: values.config }, io);
  const prompter: ClosablePrompter | undefined = overrides.prompter ?? (io.isTTY && process.stdin.isTTY ? terminalPrompter() : undefined);
  const fields = new FieldReader(values, prompter, kind);
  try {
    if (kind === "claim") return await newClaim(fields, pairCitations(tokens), root, articlesDir(config?.data), options, io);
    if (kind === "source") return await newSource(fields, root, options, io);
    return await newDeclaration(kind as "entity" | "property", fields, root, options, io);
  } finally {
    prompter?.close?.();
  }
}

type NewValues = ReturnType<typeof parseNewArgs>["values"];

function parseNewArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        root: { type: "string", short: "C" },
        config: { type: "string" },
        help: { type: "boolean", short: "h" },
        article: { type: "string" },
        id: { type: "string" },
        text: { type: "string" },
        source: { type: "string", multiple: true },
        quote: { type: "string", multiple: true },
        verdict: { type: "string" },
        "as-of": { type: "string" },
        rationale: { type: "string" },
        url: { type: "string" },
        title: { type: "string" },
        type: { type: "string" },
        kind: { type: "string" },
        standing: { type: "string" },
        "state-affiliated": { type: "string" },
        network: { type: "string" },
        reliability: { type: "string" },
        "mirror-of": { type: "string" },
        "container-title": { type: "string" },
        issued: { type: "string" },
        accessed: { type: "string" },
        "archive-url": { type: "string" },
        language: { type: "string" },
        excerpt: { type: "string", multiple: true },
        label: { type: "string" },
        alias: { type: "string", multiple: true },
      },
    });
  } catch (error) {
    throw new UsageError("bad-argument", `${(error as Error).message}\nRun "claimcheck new --help" for usage.`);
  }
}

interface FieldSpec {
  /** What the prompt says. */
  question: string;
  required?: boolean;
  /** Used when neither the flag nor the prompt gives a value. */
  fallback?: string;
  /** Returns a problem with the value, or undefined when it is fine. */
  check?: (value: string) => string | undefined;
}

/** Reads a field from its flag, else from the prompt, else its fallback; collects what is missing. */
class FieldReader {
  private readonly missing: string[] = [];

  constructor(
    private readonly values: NewValues,
    private readonly prompter: ClosablePrompter | undefined,
    private readonly kind: string,
  ) {}

  async get(flag: keyof NewValues, spec: FieldSpec): Promise<string | undefined> {
    const raw = this.values[flag];
    const flagValue = Array.isArray(raw) ? raw[0] : typeof raw === "string" ? raw : undefined;
    if (flagValue !== undefined) return this.checked(flag, flagValue, spec);
    if (this.prompter) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const hint = spec.fallback !== undefined ? ` [${spec.fallback}]` : spec.required || spec.question.includes("(empty") ? "" : " (optional)";
        const answer = (await this.prompter(`${spec.question}${hint}: `)).trim();
        if (answer === "") {
          if (spec.fallback !== undefined || !spec.required) return spec.fallback;
          continue;
        }
        const problem = spec.check?.(answer);
        if (!problem) return answer;
        await this.prompter(`  ${problem} (press Enter)`);
      }
    }
    if (spec.fallback !== undefined) return spec.fallback;
    if (spec.required) this.missing.push(`--${flag}`);
    return undefined;
  }

  /** Whether the flag was given. */
  has(flag: keyof NewValues): boolean {
    return this.values[flag] !== undefined;
  }

  /** Every value of a repeatable flag, checked. */
  list(flag: keyof NewValues, spec: FieldSpec): string[] {
    const raw = this.values[flag];
    const list = Array.isArray(raw) ? raw : [];
    return list.map((value) => this.checked(flag, value, spec));
  }

  /** Throws, naming every missing required flag, once all fields were read. */
  done(): void {
    if (this.missing.length > 0) {
      throw new UsageError(
        "missing-argument",
        `new ${this.kind} needs ${this.missing.join(", ")} (run it in a terminal to be asked; claimcheck new --help)`,
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
const checkId = (value: string) =>
  ID.test(value) && value.length <= 120 ? undefined : `"${value}" is not an id: lowercase letters, digits and hyphens, starting with a letter or digit`;
const checkDate = (value: string) => (parsePartialDate(value) ? undefined : `"${value}" is not a date: YYYY, YYYY-MM or YYYY-MM-DD`);
const checkUrl = (value: string) => (/^https?:\/\/\S+$/.test(value) ? undefined : `"${value}" is not an http(s) URL`);
const checkText = (value: string) => (value.trim() === "" ? "must not be empty" : undefined);
const oneOf = (allowed: readonly string[]) => (value: string) => {
  if (allowed.includes(value)) return undefined;
  const suggestion = didYouMean(value, allowed);
  return `"${value}" is not one of: ${allowed.join(", ")}${suggestion ? ` — did you mean "${suggestion}"?` : ""}`;
};

/** Each --quote belongs to the --source before it, in the order the flags were given. */
function pairCitations(tokens: ReturnType<typeof parseNewArgs>["tokens"]): Array<{ source: string; quote?: string }> {
  const out: Array<{ source: string; quote?: string }> = [];
  for (const token of tokens ?? []) {
    if (token.kind !== "option" || token.value === undefined) continue;
    if (token.name === "source") out.push({ source: token.value });
    if (token.name === "quote") {
      const last = out[out.length - 1];
      if (!last) throw new UsageError("bad-argument", "--quote comes after the --source it is from");
      if (last.quote !== undefined) throw new UsageError("bad-argument", `two --quote for --source ${last.source}: cite the source twice, once per quote`);
      last.quote = token.value;
    }
  }
  return out;
}

async function newClaim(
  fields: FieldReader,
  citations: Array<{ source: string; quote?: string }>,
  root: string,
  articles: string,
  options: RunOptions,
  io: CliIO,
): Promise<number> {
  const discovered = await discover(root, options.claims, options.sources);
  const knownArticles = [...new Set(discovered.filter((d) => d.role === "article" || d.role === "claim").map((d) => d.article!))].sort();
  const article = await fields.get("article", {
    question: `article (${knownArticles.join(", ") || "a new folder"})`,
    required: true,
    fallback: knownArticles.length === 1 ? knownArticles[0] : undefined,
    check: checkId,
  });
  const id = await fields.get("id", { question: "claim id, e.g. c18-short-description", required: true, check: checkId });
  const text = await fields.get("text", { question: "the claim's sentence, verbatim from the article", required: true, check: checkText });
  const verdict = await fields.get("verdict", { question: `verdict (${VERDICTS.join(", ")})`, required: true, check: oneOf(VERDICTS) });
  const sourceIds = new Set(discovered.filter((d) => d.role === "source").map((d) => stem(d.file)));
  for (const c of citations) {
    const problem = checkId(c.source) ?? (c.quote === undefined ? undefined : checkText(c.quote));
    if (problem) throw new UsageError("bad-argument", `--source/--quote: ${problem}`);
  }
  if (citations.length === 0) {
    const source = await fields.get("source", { question: "cited source id (sources/<id>.yaml)", required: true, check: checkId });
    const quote = await fields.get("quote", { question: "the quote from that source, verbatim (empty: fill in later)", check: checkText });
    if (source !== undefined) citations.push({ source, quote });
  }
  const citedSources = citations.map((c) => c.source);
  const asOfFallback = article ? await defaultAsOf(root, discovered, article) : undefined;
  const asOf = await fields.get("as-of", { question: "as-of, the date the claim was made", required: true, fallback: asOfFallback, check: checkDate });
  const rationale = await fields.get("rationale", { question: "rationale, why the sources give the verdict (empty: fill in later)", check: checkText });
  fields.done();

  const folder = path.join(root, articles, article!);
  const file = path.join(folder, `${id}.yaml`);
  const content = renderClaim({
    id: id!,
    text: text!,
    asOf: asOf!,
    verdict: verdict as Verdict,
    rationale,
    citations,
    schemaPath: schemaPathFrom(root, folder, "claim"),
  });
  await writeNew(root, file, content, "claim");
  const shown = relative(root, file);
  const notes: string[] = [];
  for (const source of citedSources) {
    if (sourceIds.has(source)) continue;
    const suggestion = didYouMean(source, sourceIds);
    notes.push(
      `note: there is no source "${source}" yet${suggestion ? ` — did you mean "${suggestion}"?` : ""}; create it with: claimcheck new source --id ${source} …`,
    );
  }
  if (!discovered.some((d) => d.role === "article" && d.article === article)) {
    notes.push(`note: article "${article}" has no article map yet (${articles}/${article}/article.yaml naming the article's source record)`);
  }
  io.stdout(`created ${shown}\n`);
  for (const note of notes) io.stderr(`${note}\n`);
  io.stdout(`next: fill in what it asks for (quote, rationale, assert), then run: claimcheck ${shown}\n`);
  return 0;
}

async function newSource(fields: FieldReader, root: string, options: RunOptions, io: CliIO): Promise<number> {
  const id = await fields.get("id", { question: "source id, e.g. reuters-2025-07-29-first-talks", required: true, check: checkId });
  const url = await fields.get("url", { question: "URL of the page as read", required: true, check: checkUrl });
  const title = await fields.get("title", { question: "title", required: true, check: checkText });
  const type = await fields.get("type", { question: "CSL type", fallback: "article-newspaper", check: oneOf(CSL_TYPES) });
  const sourceKind = await fields.get("kind", { question: `kind (${SOURCE_KINDS.join(", ")})`, required: true, check: oneOf(SOURCE_KINDS) });
  // A mirror names the outlet it republishes; an aggregator may name the one it relays; nothing else asks.
  const mirrorOf =
    sourceKind === "mirror" || sourceKind === "aggregator" || fields.has("mirror-of")
      ? await fields.get("mirror-of", {
          question: sourceKind === "aggregator" ? "the outlet whose report this page relays (mirror-of)" : "the outlet whose text this page republishes (mirror-of)",
          required: sourceKind !== "aggregator",
          check: checkText,
        })
      : undefined;
  const standing = await fields.get("standing", { question: `standing (${STANDINGS.join(", ")})`, fallback: "unassessed", check: oneOf(STANDINGS) });
  const stateAffiliated = await fields.get("state-affiliated", {
    question: "the state that owns or directs the outlet, as an ISO country code (RU, US, …)",
    check: (v) => (/^[A-Z]{2}$/.test(v) ? undefined : `"${v}" is not an ISO 3166-1 alpha-2 country code in capitals, such as RU or US`),
  });
  const network = await fields.get("network", { question: "network, an id shared by outlets of one owner or republishing network", check: checkId });
  const containerTitle = await fields.get("container-title", { question: "the outlet (container-title)", check: checkText });
  const issued = await fields.get("issued", { question: "issued, the publication date", check: checkDate });
  const accessed = await fields.get("accessed", { question: "accessed", fallback: formatPartialDate(fromJsDate(new Date())), check: checkDate });
  const archiveUrl = await fields.get("archive-url", { question: "archive URL", check: checkUrl });
  const language = await fields.get("language", {
    question: "language tag (en, ru, …)",
    check: (v) => (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? undefined : `"${v}" is not a language tag such as en or ru`),
  });
  const excerpts = fields.list("excerpt", { question: "", check: checkText });
  if (excerpts.length === 0) {
    const excerpt = await fields.get("excerpt", { question: "a verbatim passage of the page (empty: fill in later)", check: checkText });
    if (excerpt !== undefined) excerpts.push(excerpt);
  }
  fields.done();

  const folder = path.join(root, sourcesDir(options.sources));
  const file = path.join(folder, `${id}.yaml`);
  const content = renderSource({
    id: id!,
    url: url!,
    title: title!,
    type: type!,
    kind: sourceKind as SourceKind,
    standing: standing as Standing,
    mirrorOf,
    stateAffiliated,
    network,
    containerTitle,
    issued,
    accessed: accessed!,
    archiveUrl,
    language,
    excerpts,
    schemaPath: schemaPathFrom(root, folder, "source"),
  });
  await writeNew(root, file, content, "source");
  const shown = relative(root, file);
  io.stdout(`created ${shown}\n`);
  io.stdout(`next: add the facts it states (each backed by an excerpt), then cite it: claimcheck new claim --source ${id} …\n`);
  return 0;
}

async function newDeclaration(kind: "entity" | "property", fields: FieldReader, root: string, options: RunOptions, io: CliIO): Promise<number> {
  const types = kind === "entity" ? ENTITY_TYPES : PROPERTY_TYPES;
  const id = await fields.get("id", { question: `${kind} id`, required: true, check: checkId });
  const label = await fields.get("label", { question: "label, in words", required: true, check: checkText });
  const type = await fields.get("type", { question: `type (${types.join(", ")})`, required: true, check: oneOf(types) });
  const aliases = kind === "entity" ? fields.list("alias", { question: "", check: checkText }) : [];
  fields.done();

  const discovered = await discover(root, options.claims, options.sources);
  const registry = discovered.find((d) => d.role === "entities");
  const file = registry ? path.join(root, registry.file) : path.join(root, sourcesDir(options.sources), "entities.yaml");
  const section = kind === "entity" ? "entities" : "properties";
  let text: string;
  if (registry) {
    text = await readFile(file, "utf8");
  } else {
    await mkdir(path.dirname(file), { recursive: true });
    text = renderRegistry(schemaPathFrom(root, path.dirname(file), "entities"));
  }
  const declared = isDeclared(text, section, id!);
  if (declared === undefined) throw new UsageError("bad-registry", `${relative(root, file)} does not parse; fix it first (claimcheck shows where)`);
  if (declared) throw new UsageError("exists", `${kind} "${id}" is declared already in ${relative(root, file)}; not changed`);
  const updated = addDeclaration(text, { section, id: id!, label: label!, type: type!, aliases });
  selfCheck(relative(root, file), updated, "entities");
  await writeFile(file, updated, { flag: registry ? "w" : "wx" });
  io.stdout(`declared ${kind} ${id} in ${relative(root, file)}\n`);
  return 0;
}

/** The as-of date of a new claim, when none is given: the article's own date, else the date its other claims share. */
async function defaultAsOf(root: string, discovered: Awaited<ReturnType<typeof discover>>, article: string): Promise<string | undefined> {
  const read = async (file: string) => {
    const bytes = await readFile(path.join(root, file)).catch(() => undefined);
    const outcome = bytes && loadYaml(file, bytes);
    return outcome && outcome.ok ? (outcome.doc.data as Record<string, unknown>) : undefined;
  };
  const map = discovered.find((d) => d.role === "article" && d.article === article);
  const sourceId = map ? (await read(map.file))?.source : undefined;
  const sourceFile = discovered.find((d) => d.role === "source" && stem(d.file) === sourceId);
  const issued = sourceFile ? (await read(sourceFile.file))?.issued : undefined;
  if (issued !== undefined && parsePartialDate(issued)) return String(issued);
  const counts = new Map<string, number>();
  for (const claim of discovered.filter((d) => d.role === "claim" && d.article === article)) {
    const asOf = (await read(claim.file))?.["as-of"];
    if (asOf !== undefined && parsePartialDate(asOf)) counts.set(String(asOf), (counts.get(String(asOf)) ?? 0) + 1);
  }
  const best = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0];
  return best?.[0];
}

/** Writes a file that must not exist yet; checks it against its schema first. */
async function writeNew(root: string, file: string, content: string, kind: DocKind): Promise<void> {
  const shown = relative(root, file);
  if (existsSync(file)) throw new UsageError("exists", `${shown} already exists; not overwritten`);
  selfCheck(shown, content, kind);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, content, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError("exists", `${shown} already exists; not overwritten`);
    throw error;
  }
}

/** A scaffold that fails its own schema is our bug, not the user's: never write it. */
function selfCheck(shown: string, content: string, kind: DocKind): void {
  const outcome = loadYaml(shown, new TextEncoder().encode(content));
  const problems = outcome.ok ? validateDoc(outcome.doc, kind) : outcome.diagnostics;
  if (problems.length > 0) {
    throw new UsageError("bad-argument", `the values given do not make a valid ${kind} file: ${problems.map((p) => `${p.at.path ?? ""} ${p.message}`.trim()).join("; ")}`);
  }
}

const PACKAGE_SCHEMA_DIR = fileURLToPath(new URL("../../../schema/", import.meta.url));

/** The schema a new file's modeline points at: the repository's own schema/ if it has one, else the installed package's. */
function schemaPathFrom(root: string, folder: string, kind: DocKind): string {
  const local = path.join(root, "schema", `${kind}.schema.json`);
  const target = existsSync(local) ? local : path.join(PACKAGE_SCHEMA_DIR, `${kind}.schema.json`);
  return path.relative(folder, target).split(path.sep).join("/");
}

function terminalPrompter(): Prompter & { close: () => void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const controller = new AbortController();
  // In raw mode Ctrl-C reaches readline as a key, not as a signal to the process.
  rl.on("SIGINT", () => controller.abort());
  const ask = (async (question: string) => {
    try {
      return await rl.question(question, { signal: controller.signal });
    } catch (error) {
      // Ctrl-D or Ctrl-C at a prompt: stop before anything is written.
      if ((error as { name?: string }).name === "AbortError") throw new UsageError("cancelled", "cancelled; nothing was written");
      throw error;
    }
  }) as Prompter & { close: () => void };
  ask.close = () => rl.close();
  return ask;
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

function stem(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");
}
