// The benchmark: `npm run bench` (sizes 1,000 and 10,000 claims), or
// `npm run bench -- --sizes 1000,10000,100000 --runs 3`.
//
// For each size it generates a corpus (bench/generate.mjs: N claims, N/5 sources, one claim
// in 200 with a realistic mistake) under bench/corpus/, then measures, each as separate
// processes, the median of --runs runs:
//   (a) floor  — list, read and parse every file with `yaml`, keeping positions (bench/floor.mjs)
//   (b) peer   — ajv-cli validating the same files against our schemas: schema only, no
//                positions, no semantic checks (one ajv-cli process per schema; times added)
//   (c) cold   — our full check: claimcheck --format terminal and JSON, HTML and SARIF files
//   (d) warm   — the same with --cache, after one claim changed since the cached run
//   (e) shards — the same, --shard i/4 for each i, without cache (the slowest one counts)
// and prints wall time, peak RSS, the ratios (c)/(a), (c)/(b), (d)/(c) and the per-phase
// split of (c) and (d). Then start-up (node -e 0 against claimcheck on the project's own
// dataset) and the parsers alone. At the end it prints issue 12's targets and whether each
// is met (a size not run is "not measured"). Results: bench/corpus/last-run.{json,md}; the write-up is
// docs/performance.md.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCorpus, writeCorpus } from "./generate.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..");
const CORPUS_DIR = path.join(HERE, "corpus");
const CLI = path.join(REPO, "dist", "cli.js");
const AJV = path.join(REPO, "node_modules", "ajv-cli", "dist", "index.js");
const SCHEMA = path.join(REPO, "schema");
const GENERATOR_VERSION = createHashOf(readFileSync(path.join(HERE, "generate.mjs")));

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    runs: { type: "string", default: "3" },
    "skip-parsers": { type: "boolean", default: false },
    "skip-startup": { type: "boolean", default: false },
    "skip-shards": { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map((s) => Number(s.trim())).filter((n) => n > 0);
const runs = Math.max(1, Number(values.runs));
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

function createHashOf(buffer) {
  let h = 0;
  for (const b of buffer) h = (Math.imul(h, 31) + b) | 0;
  return (h >>> 0).toString(16);
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a command once as its own process: wall seconds, peak RSS (MB), exit status. */
function measure(command, args, { cwd = REPO, env = {}, stdout = "ignore" } = {}) {
  const timeFile = path.join(os.tmpdir(), `claimcheck-bench-time-${process.pid}`);
  const fullEnv = { ...process.env, NO_COLOR: "1", ...env };
  const started = performance.now();
  const run = TIME
    ? spawnSync(TIME, ["-f", "%e %M", "-o", timeFile, command, ...args], { cwd, env: fullEnv, stdio: ["ignore", stdout, "pipe"], maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd, env: fullEnv, stdio: ["ignore", stdout, "pipe"], maxBuffer: 1 << 30 });
  const wall = (performance.now() - started) / 1000;
  let rssMb = null;
  if (TIME && existsSync(timeFile)) {
    const [, kb] = readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-2);
    rssMb = Number(kb) / 1024;
    rmSync(timeFile, { force: true });
  }
  if (run.status === null || run.status > 1) {
    throw new Error(`${command} ${args.join(" ")} failed (${run.status ?? run.signal}): ${String(run.stderr).slice(-2000)}`);
  }
  return { wall, rssMb };
}

function ensureCorpus(size) {
  const dir = path.join(CORPUS_DIR, String(size));
  const marker = path.join(dir, ".generated");
  const want = `${GENERATOR_VERSION} ${size}`;
  if (existsSync(marker) && readFileSync(marker, "utf8") === want) return dir;
  process.stderr.write(`generating ${size} claims in ${path.relative(REPO, dir)} … `);
  const { files, bytes } = writeCorpus(dir, generateCorpus(size, { seed: 1, defects: true }));
  writeFileSync(marker, want);
  process.stderr.write(`${files} files, ${(bytes / 1e6).toFixed(1)} MB\n`);
  return dir;
}

const ajvRuns = (dir) => [
  ["claim", "claims/*/!(article).yaml"],
  ["article", "claims/*/article.yaml"],
  ["source", "sources/!(entities).yaml"],
  ["entities", "sources/entities.yaml"],
].map(([schema, glob]) => [
  AJV,
  "validate",
  "--spec=draft2020",
  "--strict=false",
  "-c",
  "ajv-formats",
  "-r",
  path.join(SCHEMA, "defs.schema.json"),
  "-s",
  path.join(SCHEMA, `${schema}.schema.json`),
  "-d",
  glob,
  "--errors=text",
]);

/** Runs fn `runs` times; medians of wall and RSS, and of every phase in the timing files. */
function repeat(fn) {
  const results = Array.from({ length: runs }, () => fn());
  const phases = {};
  for (const r of results) for (const [k, v] of Object.entries(r.timing ?? {})) (phases[k] ??= []).push(v);
  return {
    wall: median(results.map((r) => r.wall)),
    walls: results.map((r) => Math.round(r.wall * 1000) / 1000),
    rssMb: results[0].rssMb === null ? null : Math.max(...results.map((r) => r.rssMb)),
    phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(median(v))])),
  };
}

function benchSize(size) {
  const dir = ensureCorpus(size);
  const scratch = path.join(os.tmpdir(), `claimcheck-bench-${process.pid}-${size}`);
  mkdirSync(scratch, { recursive: true });
  const timingFile = path.join(scratch, "timing.json");
  const reports = ["json", "html", "sarif"].flatMap((name) => ["--format", `${name}=${path.join(scratch, `result.${name}`)}`]);
  const check = (extra) => {
    rmSync(timingFile, { force: true });
    const m = measure(process.execPath, [CLI, "-C", dir, "--format", "terminal", ...reports, ...extra], { env: { CLAIMCHECK_TIMING: timingFile, XDG_CACHE_HOME: path.join(scratch, "cache-home") } });
    return { ...m, timing: JSON.parse(readFileSync(timingFile, "utf8")) };
  };
  process.stderr.write(`${size} claims: floor … `);
  const floor = repeat(() => measure(process.execPath, [path.join(HERE, "floor.mjs"), dir]));
  process.stderr.write("peer … ");
  const peer = repeat(() => {
    const parts = ajvRuns(dir).map((args) => measure(process.execPath, args, { cwd: dir }));
    return { wall: parts.reduce((s, p) => s + p.wall, 0), rssMb: parts[0].rssMb === null ? null : Math.max(...parts.map((p) => p.rssMb)) };
  });
  process.stderr.write("cold … ");
  const cold = repeat(() => check([]));
  process.stderr.write("warm … ");
  // Fill the cache, then each warm run follows a change to one claim.
  const cacheDir = path.join(scratch, "cache");
  check(["--cache-location", cacheDir]);
  const changed = path.join(dir, "claims", "article-0000", readdirClaims(path.join(dir, "claims", "article-0000"))[0]);
  const original = readFileSync(changed, "utf8");
  let toggle = false;
  let warm;
  try {
    warm = repeat(() => {
      toggle = !toggle;
      writeFileSync(changed, toggle ? original.replace("rationale: >\n  ", "rationale: >\n  Edited for the benchmark. ") : original);
      return check(["--cache-location", cacheDir]);
    });
  } finally {
    writeFileSync(changed, original);
  }
  let shards;
  if (!values["skip-shards"]) {
    process.stderr.write("shards … ");
    // Each of 4 shards once per run; the slowest shard is what a CI matrix waits for.
    shards = repeat(() => {
      const parts = [1, 2, 3, 4].map((i) => check(["--shard", `${i}/4`]));
      const slowest = parts.reduce((a, b) => (b.wall > a.wall ? b : a));
      return { wall: slowest.wall, rssMb: slowest.rssMb, timing: slowest.timing };
    });
  }
  // Where the memory goes, stage by stage (bench/memory.mjs), once per size.
  process.stderr.write("memory … ");
  const memory = JSON.parse(execFileSync(process.execPath, ["--expose-gc", path.join(HERE, "memory.mjs"), dir, scratch], { encoding: "utf8", maxBuffer: 1 << 26 }));
  rmSync(scratch, { recursive: true, force: true });
  process.stderr.write("done\n");
  return { size, files: countFiles(dir), floor, peer, cold, warm, shards, memory };
}

function readdirClaims(dir) {
  return execFileSync("ls", [dir], { encoding: "utf8" }).split("\n").filter((f) => f.startsWith("c") && f.endsWith(".yaml")).sort();
}

function countFiles(dir) {
  const out = spawnSync("find", ["claims", "sources", "-name", "*.yaml"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30 }).stdout;
  return out.split("\n").filter(Boolean).length;
}

function startup() {
  const reps = Math.max(5, runs);
  const nodeE0 = Array.from({ length: reps }, () => measure(process.execPath, ["-e", "0"]).wall);
  const direct = [];
  const npx = [];
  for (let i = 0; i < reps; i++) {
    direct.push(measure(process.execPath, [CLI, "--format", "terminal"]).wall);
    npx.push(measure("npx", ["--no-install", "claimcheck", "--format", "terminal"]).wall);
  }
  return { nodeE0: median(nodeE0), claimcheck: median(direct), npx: median(npx) };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? "unknown"} × ${cpus.length}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  };
}

const s = (x) => (x === null || x === undefined ? "—" : `${x.toFixed(2)} s`);
const mb = (x) => (x === null || x === undefined ? "—" : `${Math.round(x)} MB`);
const r = (a, b) => (a / b).toFixed(2);

/** Issue 12's targets, each with what this run measured and whether it is met (undefined: not measured). */
function targets(report) {
  const at = (size) => report.sizes.find((x) => x.size === size);
  const out = [];
  for (const size of [10000, 100000]) {
    const x = at(size);
    const n = size.toLocaleString("en");
    out.push({ target: `cold ≤ 1.0 × ajv-cli at ${n} claims`, measured: x ? `${r(x.cold.wall, x.peer.wall)} (${s(x.cold.wall)} / ${s(x.peer.wall)})` : "—", met: x ? x.cold.wall <= x.peer.wall : undefined });
    out.push({ target: `warm, one claim changed, ≤ 0.2 × cold at ${n}`, measured: x ? `${r(x.warm.wall, x.cold.wall)} (${s(x.warm.wall)} / ${s(x.cold.wall)})` : "—", met: x ? x.warm.wall <= 0.2 * x.cold.wall : undefined });
  }
  const big = at(100000);
  out.push({ target: "peak RSS ≤ 512 MiB at 100,000 claims, JSON, HTML and SARIF written", measured: big?.cold.rssMb ? mb(big.cold.rssMb) : "—", met: big?.cold.rssMb ? big.cold.rssMb <= 512 : undefined });
  out.push({ target: "4 shards at 100,000: slowest shard ≤ 0.35 × unsharded", measured: big?.shards ? `${r(big.shards.wall, big.cold.wall)} (${s(big.shards.wall)} / ${s(big.cold.wall)})` : "—", met: big?.shards ? big.shards.wall <= 0.35 * big.cold.wall : undefined });
  const st = report.startup;
  out.push({ target: "start-up on this repository's dataset ≤ 4 × node -e 0", measured: st ? `${r(st.claimcheck, st.nodeE0)} (${s(st.claimcheck)} / ${s(st.nodeE0)})` : "—", met: st ? st.claimcheck <= 4 * st.nodeE0 : undefined });
  return out;
}

const report = { date: new Date().toISOString(), machine: machine(), runs, sizes: [], startup: undefined, parsers: undefined };
for (const size of sizes) report.sizes.push(benchSize(size));
if (!values["skip-startup"]) report.startup = startup();
if (!values["skip-parsers"]) {
  const size = sizes.includes(10000) ? 10000 : sizes[0];
  const out = execFileSync(process.execPath, [path.join(HERE, "parsers.mjs"), path.join(CORPUS_DIR, String(size))], { encoding: "utf8" });
  report.parsers = { size, ...JSON.parse(out) };
}

const lines = [];
lines.push(`Machine: ${report.machine.cpu}, ${report.machine.memoryGb} GiB, ${report.machine.os}, Node ${report.machine.node}; load average at the end ${report.machine.load}.`);
lines.push(`Medians of ${runs} runs, each a separate process.`, "");
lines.push("| claims | files | (a) floor: yaml parse | (b) peer: ajv-cli | (c) claimcheck cold | (d) warm, 1 claim changed | (c)/(a) | (c)/(b) | (d)/(c) | peak RSS a / b / c / d |");
lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
for (const x of report.sizes) {
  lines.push(
    `| ${x.size.toLocaleString("en")} | ${x.files.toLocaleString("en")} | ${s(x.floor.wall)} | ${s(x.peer.wall)} | ${s(x.cold.wall)} | ${s(x.warm.wall)} | ${r(x.cold.wall, x.floor.wall)} | ${r(x.cold.wall, x.peer.wall)} | ${r(x.warm.wall, x.cold.wall)} | ${mb(x.floor.rssMb)} / ${mb(x.peer.rssMb)} / ${mb(x.cold.rssMb)} / ${mb(x.warm.rssMb)} |`,
  );
}
lines.push("", "Per-phase split (ms, medians; the rest of the wall time is Node's start, imports and exit):", "");
const phaseNames = ["discover", "read", "cache", "parse", "validate", "index", "rules", "result", "report"];
lines.push(`| run | ${phaseNames.join(" | ")} |`, `|---|${phaseNames.map(() => "---:").join("|")}|`);
for (const x of report.sizes) {
  for (const [label, m] of [["cold", x.cold], ["warm", x.warm]]) {
    lines.push(`| ${x.size.toLocaleString("en")} ${label} | ${phaseNames.map((p) => (m.phases[p] === undefined ? "—" : String(m.phases[p]))).join(" | ")} |`);
  }
}
lines.push("", "Live heap after a full collection, by stage (MB; bench/memory.mjs, one process writing JSON, HTML and SARIF):", "");
lines.push("| claims | start | files loaded | + index and rules | + result head and digests | after writing | RSS before writing | peak RSS while writing |", "|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const x of report.sizes) {
  const m = x.memory;
  lines.push(`| ${x.size.toLocaleString("en")} | ${m.liveMb.start} | ${m.liveMb.loaded} | ${m.liveMb.rules} | ${m.liveMb.head} | ${m.liveMb.written} | ${m.rssBeforeWritingMb} | ${m.peakRssWhileWritingMb} |`);
}
if (report.startup) {
  const st = report.startup;
  lines.push("", `Start-up on the project's own dataset: node -e 0 ${s(st.nodeE0)}; node dist/cli.js ${s(st.claimcheck)} (${r(st.claimcheck, st.nodeE0)}×); npx claimcheck ${s(st.npx)} (${r(st.npx, st.nodeE0)}×).`);
}
if (report.parsers) {
  const p = report.parsers;
  lines.push("", `Parsers alone over the ${p.size.toLocaleString("en")}-claim corpus (${p.files} files, ${p.megabytes} MB, one process, median of 3; the fast parser took ${(p.fastShare * 100).toFixed(1)}% of the files):`, "");
  lines.push("| parser | ms | MB/s |", "|---|---:|---:|");
  for (const [name, ms] of Object.entries(p.ms)) lines.push(`| ${name} | ${ms} | ${(p.megabytes / (ms / 1000)).toFixed(1)} |`);
}
report.targets = targets(report);
lines.push("", "Targets (issue 12), as ratios measured in this run:", "", "| target | measured | met |", "|---|---|---|");
for (const t of report.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met === undefined ? "not measured" : t.met ? "yes" : "**no**"} |`);
const text = `${lines.join("\n")}\n`;
mkdirSync(CORPUS_DIR, { recursive: true });
writeFileSync(path.join(CORPUS_DIR, "last-run.json"), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(CORPUS_DIR, "last-run.md"), text);
process.stdout.write(`\n${text}`);
