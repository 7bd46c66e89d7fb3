// Generates a realistic corpus for the benchmark: N claims in articles of CLAIMS_PER_ARTICLE,
// N/5 source records with excerpts and facts (some non-ASCII), one entity registry, and each
// article's own record with a stored snapshot of its text. Deterministic for a given N and seed.
//
//   node bench/generate.mjs <dir> <claims> [--seed S] [--defects]
//
// With --defects (the default in the benchmark) about one claim in 200 carries a realistic
// mistake — a misquoted citation, a misspelt key, a broken date — so the runs exercise the path
// that places diagnostics, as a real corpus under review does.
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

export const CLAIMS_PER_ARTICLE = 50;

/** mulberry32: a small, fast, seeded PRNG, so the corpus is the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ["Dmitry", "Sean", "Janet", "Yury", "Sergey", "Anna", "Olga", "Bill", "Jim", "Élodie", "José", "Zoë", "Søren", "Łukasz", "Ayşe"];
const FAMILY = ["Bakanov", "Duffy", "Petro", "Borisov", "Krikalev", "Nelson", "Rogozin", "Müller", "Nuñez", "Østergaard", "Wiśniewska", "Yılmaz", "Kovács"];
const CYRILLIC = ["Баканов", "Роскосмос", "Байконур", "Крикалев", "МКС", "Москва"];
const PLACES = ["Baikonur", "Houston", "Kennedy Space Center", "Moscow", "Star City", "Kourou", "Tanegashima", "Plesetsk", "Vostochny", "Cape Canaveral"];
const OUTLETS = ["Reuters", "TASS", "Interfax", "SpaceNews", "SpacePolicyOnline", "Ars Technica", "RIA Novosti", "The Moscow Times", "Le Monde", "Der Spiegel", "El País"];
const KINDS = ["heads-meeting", "launch", "docking", "announcement", "hearing", "agreement", "test-flight", "crew-return"];
const PROP_TYPES = ["year", "number", "string", "entity"];
const WORDS = (
  "agency programme station module crew launch contract budget schedule orbit mission delay review board " +
  "talks cooperation segment partner extension deadline commitment statement report interview briefing"
).split(" ");

/** Discards a random draw that must still be made, so seeded output does not shift. */
function unused() {
  return "";
}

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function pad(n, width) {
  return String(n).padStart(width, "0");
}

function sentence(r, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(pick(r, WORDS));
  return out.join(" ");
}

/** A double-quoted YAML scalar (JSON string syntax is valid YAML). */
function q(text) {
  return JSON.stringify(text);
}

/**
 * Builds the corpus in memory: a map from relative path to file text. Pure, so tests can
 * generate small corpora without touching the disk.
 */
export function generateCorpus(claimCount, { seed = 1, defects = true } = {}) {
  const r = rng(seed);
  const files = new Map();
  const sourceCount = Math.max(1, Math.floor(claimCount / 5));
  const articleCount = Math.max(1, Math.ceil(claimCount / CLAIMS_PER_ARTICLE));

  // Entities: a pool of subjects and properties shared by sources; events each declared once.
  const subjectCount = Math.min(4000, Math.max(20, Math.floor(sourceCount / 2)));
  const eventCount = Math.min(6000, Math.max(20, sourceCount));
  const propertyCount = Math.min(300, Math.max(8, Math.floor(sourceCount / 20)));
  const subjects = Array.from({ length: subjectCount }, (_, i) => ({
    id: `subject-${pad(i, 5)}`,
    label: `${pick(r, GIVEN)} ${pick(r, FAMILY)} ${i}`,
    alias: r() < 0.3 ? `${pick(r, CYRILLIC)} ${i}` : undefined,
  }));
  const places = PLACES.map((label) => ({ id: label.toLowerCase().replace(/ /g, "-"), label }));
  const properties = Array.from({ length: propertyCount }, (_, i) => ({ id: `property-${pad(i, 4)}`, type: PROP_TYPES[i % PROP_TYPES.length] }));
  const events = Array.from({ length: eventCount }, (_, i) => {
    const year = 1995 + Math.floor(r() * 29);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    return {
      id: `event-${pad(i, 5)}`,
      kind: pick(r, KINDS),
      date: r() < 0.5 ? `${year}-${pad(month, 2)}-${pad(day, 2)}` : `${year}-${pad(month, 2)}`,
      year,
      place: pick(r, places).id,
      participants: [pick(r, subjects).id, pick(r, subjects).id].filter((v, k, a) => a.indexOf(v) === k).sort(),
    };
  });
  // Every source agrees on a statement's value, so the corpus has no accidental conflicts.
  const valueOf = (subject, property) => {
    const h = createHash("sha1").update(`${subject.id}/${property.id}`).digest();
    switch (property.type) {
      case "year":
        return 2000 + (h[0] % 40);
      case "number":
        return h.readUInt16BE(1);
      case "string":
        return `${pick(() => h[3] / 256, WORDS)} ${pick(() => h[4] / 256, WORDS)}`;
      default:
        return subjects[h.readUInt16BE(5) % subjects.length].id;
    }
  };

  let reg = "# yaml-language-server: $schema=../schema/entities.schema.json\n# Generated by bench/generate.mjs.\nentities:\n";
  for (const s of subjects) {
    reg += `  ${s.id}:\n    label: ${q(s.label)}\n    type: person\n`;
    if (s.alias) reg += `    aliases: [${q(s.alias)}]\n`;
  }
  for (const p of places) reg += `  ${p.id}:\n    label: ${p.label}\n    type: place\n`;
  for (const e of events) reg += `  ${e.id}:\n    label: ${e.kind} ${e.date}\n    type: event\n`;
  reg += "properties:\n";
  for (const p of properties) reg += `  ${p.id}:\n    label: ${p.id.replace("-", " ")}\n    type: ${p.type}\n`;
  files.set("sources/entities.yaml", reg);

  // Sources: excerpts and the facts they back.
  const sources = [];
  for (let i = 0; i < sourceCount; i++) {
    const id = `src-${pad(i, 6)}-${pick(r, OUTLETS).toLowerCase().replace(/[^a-z]+/g, "-")}`.replace(/-+$/, "");
    const outlet = pick(r, OUTLETS);
    const year = 2019 + Math.floor(r() * 6);
    const issued = `${year}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
    const excerpts = [];
    const facts = [];
    const factCount = 2 + Math.floor(r() * 4);
    for (let f = 0; f < factCount; f++) {
      const excerptId = `e${f + 1}`;
      if (r() < 0.45) {
        const event = pick(r, events);
        const place = places.find((p) => p.id === event.place);
        const who = event.participants.map((pid) => subjects.find((s) => s.id === pid).label).join(" and ");
        const text = `${who} took part in the ${event.kind.replace("-", " ")} at ${place.label} in ${event.date} — ${sentence(r, 6)}.`;
        excerpts.push({ id: excerptId, text: r() < 0.2 ? `${text} «${pick(r, CYRILLIC)}» ${sentence(r, 4)}.` : text });
        facts.push({ kind: "event", id: `f${f + 1}`, event, excerpt: excerptId });
      } else {
        const subject = pick(r, subjects);
        const property = pick(r, properties);
        const value = valueOf(subject, property);
        // The statement's date stands in its excerpt, as fact-grounded asks.
        const written = subjects.find((s) => s.id === value)?.label ?? value;
        const text = `${subject.label} ${property.id.replace("-", " ")} is ${written}, the ${outlet} report of ${issued} says, ${sentence(r, 5)}.`;
        excerpts.push({ id: excerptId, text });
        facts.push({ kind: "statement", id: `f${f + 1}`, subject, property, value, excerpt: excerptId, pointInTime: issued });
      }
    }
    const source = { id, outlet, issued, excerpts, facts, file: `sources/${id}.yaml` };
    sources.push(source);
  }

  // Claims, article by article; each claim cites one to three sources, the first round-robin so
  // every source is cited.
  const articleSentences = Array.from({ length: articleCount }, () => []);
  const claimTexts = [];
  for (let i = 0; i < claimCount; i++) {
    const article = Math.floor(i / CLAIMS_PER_ARTICLE);
    const articleId = `article-${pad(article, 4)}`;
    const cited = [sources[i % sourceCount]];
    const extra = Math.floor(r() * 3);
    for (let k = 0; k < extra; k++) {
      const s = pick(r, sources);
      if (!cited.includes(s)) cited.push(s);
    }
    const main = cited[0];
    const fact = pick(r, main.facts);
    const claimId = `c${pad(i, 6)}-${fact.kind === "event" ? fact.event.kind : "statement"}`;
    let text;
    let assertYaml;
    if (fact.kind === "event") {
      const e = fact.event;
      text = `Claim ${i}: the ${e.kind.replace("-", " ")} ${e.id} took place in ${e.year}${r() < 0.15 ? `, near ${pick(r, CYRILLIC)}` : ""}.`;
      assertYaml =
        r() < 0.5
          ? `assert:\n  id: when\n  label: took place in ${e.year}\n  date: { event: ${e.id}, in: "${e.year}" }\n`
          : `assert:\n  all:\n    - id: when\n      date: { event: ${e.id}, in: "${e.year}" }\n    - id: where\n      value: { event: ${e.id}, property: place, equals: ${e.place} }\n`;
    } else {
      const valueText = typeof fact.value === "string" ? fact.value : String(fact.value);
      text = `Claim ${i}: ${fact.subject.label} has ${fact.property.id.replace("-", " ")} ${valueText}.`;
      const literal = typeof fact.value === "string" ? q(fact.value) : String(fact.value);
      assertYaml = `assert:\n  value:\n    subject: ${fact.subject.id}\n    property: ${fact.property.id}\n    equals: ${literal}\n`;
    }
    articleSentences[article].push(text);
    const excerpt = main.excerpts.find((e) => e.id === fact.excerpt);
    // A quote is a verbatim stretch of the excerpt: its first words.
    const quote = excerpt.text.split(" ").slice(0, 8).join(" ");
    let citations = `citations:\n  - source: ${main.id}\n    quote: ${q(quote)}\n    facts: [${fact.id}]\n`;
    for (const other of cited.slice(1)) {
      const e = pick(r, other.excerpts);
      citations += `  - source: ${other.id}\n    quote: ${q(e.text.split(" ").slice(2, 9).join(" "))}\n`;
      if (r() < 0.3) citations += `    note: ${q(`Corroborates; ${sentence(r, 5)}.`)}\n`;
    }
    const asOf = `2025-${pad(1 + Math.floor(r() * 9), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
    let body =
      `# yaml-language-server: $schema=../../schema/claim.schema.json\n` +
      `id: ${claimId}\n` +
      `text: ${q(text)}\n` +
      `as-of: "${asOf}"\n` +
      `verdict: supported\n` +
      `rationale: >\n  ${main.outlet} states it (${main.issued}); ${sentence(r, 8)}.\n  ${sentence(r, 10)}.\n` +
      citations +
      assertYaml;
    if (r() < 0.2) body += `tags: [${pick(r, KINDS)}]\n`;
    if (defects) {
      const roll = r();
      if (roll < 0.002) body = body.replace("citations:", "citaton:");
      else if (roll < 0.004) body = body.replace(`quote: ${q(quote)}`, `quote: ${q(`${quote} (misquoted)`)}`);
      else if (roll < 0.005) body = body.replace(`as-of: "${asOf}"`, `as-of: "2025-02-30"`);
    }
    claimTexts.push(text);
    files.set(`claims/${articleId}/${claimId}.yaml`, body);
  }

  // Each article: its text (every claim sentence, with opinion between), its record, its map.
  for (let a = 0; a < articleCount; a++) {
    const articleId = `article-${pad(a, 4)}`;
    const opinions = [];
    let text = `Article ${a}: ${sentence(r, 4)}\n`;
    articleSentences[a].forEach((s, k) => {
      text += `${s} `;
      if (k % 10 === 9) {
        const opinion = `Opinion ${a}.${k}: the ${sentence(r, 3)} may well continue.`;
        opinions.push(opinion);
        text += `${opinion}\n`;
      }
    });
    text += "\n";
    const snapshot = `sources/snapshots/${articleId}.txt`;
    files.set(snapshot, text);
    const sha = createHash("sha256").update(text).digest("hex");
    files.set(
      `sources/${articleId}.yaml`,
      `# yaml-language-server: $schema=../schema/source.schema.json\n` +
        `id: ${articleId}\ntype: article-newspaper\ntitle: ${q(`Article ${a} under test`)}\ncontainer-title: Bench Daily\n` +
        `issued: "2025-10-01"\nURL: https://example.org/${articleId}\n` +
        `archive-URL: https://web.archive.org/web/2025/https://example.org/${articleId}\nlanguage: en\nkind: unknown\nstanding: unreliable\n` +
        `snapshot:\n  path: snapshots/${articleId}.txt\n  sha256: ${sha}\n`,
    );
    let map = `# yaml-language-server: $schema=../../schema/article.schema.json\nsource: ${articleId}\ntitle: ${q(`Article ${a} under test`)}\n`;
    if (opinions.length > 0) {
      map += "opinion:\n";
      for (const o of opinions) map += `  - text: ${q(o)}\n    reason: a forecast, not a checkable fact\n`;
    }
    map += `not-checked:\n  - text: ${q(text.split("\n")[0])}\n    reason: headline\n`;
    files.set(`claims/${articleId}/article.yaml`, map);
  }

  for (const s of sources) {
    let body =
      `# yaml-language-server: $schema=../schema/source.schema.json\n` +
      `id: ${s.id}\n` +
      `type: article-newspaper\n` +
      `title: ${q(`${s.outlet}: ${sentence(r, 7)}`)}\n` +
      `container-title: ${q(s.outlet)}\n` +
      `author: [{ family: ${q(pick(r, FAMILY))}, given: ${q(pick(r, GIVEN))} }]\n` +
      `issued: "${s.issued}"\n` +
      `URL: https://example.org/${s.id}\n` +
      `archive-URL: https://web.archive.org/web/2025/https://example.org/${s.id}\n` +
      `accessed: "2025-11-20"\n` +
      `language: ${r() < 0.2 ? "ru" : "en"}\n` +
      // Every generated source is primary, so each claim meets the default evidence standard on
      // its one deciding source. The draw that once picked a reliability class stays, in its
      // place, so seeded corpora are as they were.
      `${unused(pick(r, ["wire", "primary", "specialist"]))}kind: primary\nstanding: generally-reliable\n` +
      `excerpts:\n`;
    for (const e of s.excerpts) body += `  - id: ${e.id}\n    text: |-\n      ${e.text}\n`;
    body += "facts:\n";
    for (const f of s.facts) {
      if (f.kind === "event") {
        const e = f.event;
        body += `  - id: ${f.id}\n    event: ${e.id}\n    kind: ${e.kind}\n    date: "${e.date}"\n    participants: [${e.participants.join(", ")}]\n    place: ${e.place}\n    excerpt: ${f.excerpt}\n`;
      } else {
        const literal = typeof f.value === "string" ? q(f.value) : String(f.value);
        body += `  - id: ${f.id}\n    subject: ${f.subject.id}\n    property: ${f.property.id}\n    value: ${literal}\n    point-in-time: "${f.pointInTime}"\n    excerpt: ${f.excerpt}\n`;
      }
    }
    files.set(s.file, body);
  }
  return files;
}

/** Writes a corpus under `dir`, replacing what was there. Returns the number of files and bytes. */
export function writeCorpus(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  const made = new Set();
  for (const [file, text] of files) {
    const full = path.join(dir, file);
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.size, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: "string" }, defects: { type: "boolean", default: true }, "no-defects": { type: "boolean" } },
  });
  const [dir, n] = positionals;
  if (!dir || !n) {
    console.error("usage: node bench/generate.mjs <dir> <claims> [--seed S] [--no-defects]");
    process.exit(2);
  }
  const files = generateCorpus(Number(n), { seed: Number(values.seed ?? 1), defects: !values["no-defects"] });
  const { bytes } = writeCorpus(dir, files);
  console.log(`${dir}: ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB`);
}
