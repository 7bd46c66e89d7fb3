// Parsers alone, in one process, over the same texts (a lever's measurement, not a target):
// `yaml` as the floor uses it, `yaml`'s CST parser, js-yaml 4, our fast subset parser, and
// JSON.parse of the same data. Prints one JSON line: milliseconds per parser (median of
// rounds), megabytes, and how many files the fast parser took.
//
//   node bench/parsers.mjs <corpus-dir> [rounds]
import { readFileSync } from "node:fs";
import path from "node:path";
import { globby } from "globby";
import jsyaml from "js-yaml";
import { LineCounter, Parser, parseDocument } from "yaml";
import { parseFastYaml } from "../dist/load/fast-yaml.js";
import { DEFAULT_LIMITS } from "../dist/options/limits.js";

const root = process.argv[2];
const rounds = Number(process.argv[3] ?? 3);
const files = await globby(["claims/**/*.{yaml,yml}", "sources/**/*.{yaml,yml}"], { cwd: root, ignore: ["**/snapshots/**"] });
const texts = files.map((f) => readFileSync(path.join(root, f), "utf8"));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const jsonTexts = texts.map((t) => JSON.stringify(parseDocument(t).toJS()));

const parsers = {
  "yaml parseDocument + LineCounter + toJS": (t) => parseDocument(t, { lineCounter: new LineCounter(), uniqueKeys: true, strict: true, schema: "core", merge: false }).toJS(),
  "yaml Parser (CST only)": (t) => {
    for (const _ of new Parser().parse(t));
  },
  "js-yaml 4 load (core schema)": (t) => jsyaml.load(t, { schema: jsyaml.CORE_SCHEMA }),
  "claimcheck fast parser (data + positions)": (t) => parseFastYaml(t, DEFAULT_LIMITS),
};

const out = { files: files.length, megabytes: Math.round(bytes / 1e4) / 100, ms: {} };
for (const [name, parse] of Object.entries(parsers)) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (const t of texts) parse(t);
    times.push(performance.now() - started);
  }
  out.ms[name] = Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]);
}
const times = [];
for (let r = 0; r < rounds; r++) {
  const started = performance.now();
  for (const t of jsonTexts) JSON.parse(t);
  times.push(performance.now() - started);
}
out.ms["JSON.parse of the same data"] = Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]);
out.fastShare = texts.filter((t) => parseFastYaml(t, DEFAULT_LIMITS) !== undefined).length / texts.length;
console.log(JSON.stringify(out));
