import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
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
import { schemaPathFrom } from "../../scaffold/package-files.js";
import { validateDoc, type DocKind } from "../../schema/validate.js";
import { didYouMean } from "../../text/suggest.js";
import { checkDate, checkId, checkText, checkUrl, FieldReader, oneOf, terminalPrompter, type Prompter } from "./new-fields.js";
import { newArticle } from "./new-article.js";
import { relative, selfCheck, stem, writeNew } from "./new-files.js";
import { formatPartialDate, fromJsDate, parsePartialDate } from "../../time/partial-date.js";
import { parseCommandArgs } from "../command-args.js";
import type { CliIO } from "../io.js";

export type { Prompter } from "./new-fields.js";

/** What tests put in place of the terminal. */
export interface NewOverrides {
  /** Asks for what the flags left out. Defaults to a terminal prompt when stdin and stdout are terminals. */
  prompter?: Prompter;
}

const KINDS = ["article", "claim", "source", "entity", "property"] as const;
type Kind = (typeof KINDS)[number];

/** Which flags each kind of file takes (besides --root, --config, --help). */
const FLAGS: Record<Kind, readonly string[]> = {
  article: ["url", "snapshot", "id", "title", "outlet", "published"],
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
  claimcheck new article  --url <url> --snapshot <text file> [--id <id>] [--title <title>]
                          [--outlet <outlet>] [--published <date>]
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

Run in a terminal, it asks for what the flags leave out (again, until answered, for what it
needs; Ctrl-C stops with nothing written), offers the ids it knows (articles, sources, their
facts) and takes several cited sources; elsewhere a missing required flag is an error (exit 2).
It never overwrites a file. Options: -C/--root <dir>, --config <file>.

new article writes the article's source record (sources/<id>.yaml) and its map
(claims/<id>/article.yaml). The snapshot is the article's text, one paragraph a line: a file
outside the project is copied to sources/snapshots/<id>.txt; its sha256 is the one the check
computes. --id defaults to one made from the URL, --title to the snapshot's first line.

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

  const { root, pathBase, config, options } = await resolveRunOptions({ root: values.root, config: values.config }, io);
  const prompter: Prompter | undefined = overrides.prompter ?? (io.isTTY && process.stdin.isTTY ? terminalPrompter() : undefined);
  const fields: Fields = new FieldReader(values, prompter, `new ${kind}`, io.stderr);
  try {
    if (kind === "article") return await newArticle(fields, { root, pathBase, articles: articlesDir(config?.data), options }, io);
    if (kind === "claim") return await newClaim(fields, pairCitations(tokens), root, articlesDir(config?.data), options, io);
    if (kind === "source") return await newSource(fields, root, options, io);
    return await newDeclaration(kind as "entity" | "property", fields, root, options, io);
  } finally {
    prompter?.close?.();
  }
}

type NewValues = ReturnType<typeof parseNewArgs>["values"];
type Fields = FieldReader<keyof NewValues & string>;

function parseNewArgs(argv: string[]) {
  return parseCommandArgs("new", argv, {
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
    snapshot: { type: "string" },
    outlet: { type: "string" },
    published: { type: "string" },
    alias: { type: "string", multiple: true },
  });
}

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
  fields: Fields,
  citations: Array<{ source: string; quote?: string; facts?: string[] }>,
  root: string,
  articles: string,
  options: RunOptions,
  io: CliIO,
): Promise<number> {
  const discovered = await discover(root, options.claims, options.sources);
  const knownArticles = [...new Set(discovered.filter((d) => d.role === "article" || d.role === "claim").map((d) => d.article!))].sort();
  const article = await fields.get("article", {
    question: knownArticles.length > 0 ? "article" : "article (a new folder)",
    required: true,
    fallback: knownArticles.length === 1 ? knownArticles[0] : undefined,
    check: checkId,
    choices: knownArticles,
  });
  const id = await fields.get("id", { question: "claim id, e.g. c18-short-description", required: true, check: checkId });
  const text = await fields.get("text", { question: "the claim's sentence, verbatim from the article", required: true, check: checkText });
  const verdict = await fields.get("verdict", { question: `verdict (${VERDICTS.join(", ")})`, required: true, check: oneOf(VERDICTS) });
  const sourceFiles = new Map(discovered.filter((d) => d.role === "source").map((d) => [stem(d.file), d.file]));
  const sourceIds = new Set(sourceFiles.keys());
  for (const c of citations) {
    const problem = checkId(c.source) ?? (c.quote === undefined ? undefined : checkText(c.quote));
    if (problem) throw new UsageError("bad-argument", `--source/--quote: ${problem}`);
  }
  if (citations.length === 0) {
    const known = [...sourceIds].sort();
    const source = await fields.get("source", { question: "cited source id (sources/<id>.yaml)", required: true, check: checkId, choices: known });
    // One citation after another, until an empty answer: each source with its quote and facts.
    for (let next = source; next !== undefined; ) {
      const quote = await fields.get("quote", { question: `the quote from ${next}, verbatim (empty: fill in later)`, check: checkText });
      const facts = fields.interactive ? await askFacts(fields, next, await factIdsOf(root, sourceFiles.get(next))) : [];
      citations.push({ source: next, quote, ...(facts.length > 0 ? { facts } : {}) });
      next = fields.interactive ? await fields.ask({ question: "another cited source id (empty: no more)", check: checkId, choices: known }) : undefined;
    }
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

async function newSource(fields: Fields, root: string, options: RunOptions, io: CliIO): Promise<number> {
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

async function newDeclaration(kind: "entity" | "property", fields: Fields, root: string, options: RunOptions, io: CliIO): Promise<number> {
  const types = kind === "entity" ? ENTITY_TYPES : PROPERTY_TYPES;
  // The registry is read first, so an id declared already is asked again before anything else is.
  const discovered = await discover(root, options.claims, options.sources);
  const registry = discovered.find((d) => d.role === "entities");
  const file = registry ? path.join(root, registry.file) : path.join(root, sourcesDir(options.sources), "entities.yaml");
  const section = kind === "entity" ? "entities" : "properties";
  const text = registry ? await readFile(file, "utf8") : renderRegistry(schemaPathFrom(root, path.dirname(file), "entities"));
  if (isDeclared(text, section, "") === undefined) throw new UsageError("bad-registry", `${relative(root, file)} does not parse; fix it first (claimcheck shows where)`);
  const id = await fields.get("id", {
    question: `${kind} id`,
    required: true,
    check: (value) => checkId(value) ?? (fields.interactive && isDeclared(text, section, value) ? `${kind} "${value}" is declared already in ${relative(root, file)}` : undefined),
  });
  if (id !== undefined && isDeclared(text, section, id)) throw new UsageError("exists", `${kind} "${id}" is declared already in ${relative(root, file)}; not changed`);
  const label = await fields.get("label", { question: "label, in words", required: true, check: checkText });
  const type = await fields.get("type", { question: `type (${types.join(", ")})`, required: true, check: oneOf(types), choices: types });
  const aliases = kind === "entity" ? fields.list("alias", { question: "", check: checkText }) : [];
  fields.done();

  const updated = addDeclaration(text, { section, id: id!, label: label!, type: type!, aliases });
  selfCheck(relative(root, file), updated, "entities");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, updated, { flag: registry ? "w" : "wx" });
  io.stdout(`declared ${kind} ${id} in ${relative(root, file)}\n`);
  return 0;
}

/** Asks which of a source's facts a citation relies on: ids or list numbers, separated by commas or spaces. */
async function askFacts(fields: Fields, source: string, known: string[]): Promise<string[]> {
  if (known.length === 0) return [];
  const pick = (answer: string) =>
    answer
      .split(/[\s,]+/)
      .filter((word) => word !== "")
      .map((word) => (/^\d+$/.test(word) && Number(word) >= 1 && Number(word) <= known.length ? known[Number(word) - 1]! : word));
  const answer = await fields.ask({
    question: `the facts of ${source} the claim relies on, separated by commas (empty: none)`,
    choices: known,
    check: (value) => {
      const unknown = pick(value).filter((id) => !known.includes(id));
      if (unknown.length === 0) return undefined;
      const suggestion = didYouMean(unknown[0]!, known);
      return `${source} states no fact "${unknown[0]}"${suggestion ? ` — did you mean "${suggestion}"?` : ""}`;
    },
  });
  return answer === undefined ? [] : [...new Set(pick(answer))];
}

/** The ids of the facts a source file states (none when it does not load). */
async function factIdsOf(root: string, file: string | undefined): Promise<string[]> {
  if (file === undefined) return [];
  const bytes = await readFile(path.join(root, file)).catch(() => undefined);
  const outcome = bytes && loadYaml(file, bytes);
  const facts = outcome && outcome.ok ? (outcome.doc.data as { facts?: unknown }).facts : undefined;
  return Array.isArray(facts) ? facts.flatMap((f) => (typeof (f as { id?: unknown })?.id === "string" ? [(f as { id: string }).id] : [])) : [];
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
