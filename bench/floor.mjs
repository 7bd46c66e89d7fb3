// The floor: list, read and parse every claim and source file with `yaml`, keeping positions
// (parseDocument with a LineCounter, then toJS) — and nothing else. What a run built on
// `yaml` alone could never beat.
//
//   node bench/floor.mjs <corpus-dir>
import { readFileSync } from "node:fs";
import path from "node:path";
import { globby } from "globby";
import { LineCounter, parseDocument } from "yaml";

const root = process.argv[2];
const files = await globby(["claims/**/*.{yaml,yml}", "sources/**/*.{yaml,yml}"], {
  cwd: root,
  ignore: ["**/node_modules/**", "**/.git/**", "**/snapshots/**"],
  followSymbolicLinks: false,
  onlyFiles: true,
});
let nodes = 0;
for (const file of files) {
  const text = readFileSync(path.join(root, file), "utf8");
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, strict: true, prettyErrors: false, schema: "core", merge: false });
  const data = doc.toJS();
  if (data && typeof data === "object") nodes += Object.keys(data).length;
}
if (nodes === 0) process.exitCode = 1;
