// Cold runs of this build against an earlier commit's, side by side in one run:
//
//   npm run bench:against -- <commit> [--size 10000] [--runs 7]
//
// Builds <commit> in a temporary git worktree (with this checkout's node_modules linked in,
// or its own `npm ci` with --install), generates one corpus with this checkout's generator,
// and gives the earlier build the same corpus in the format it reads: source records' `kind`
// and `standing` (issue 11) written back as the `reliability` that migration 003 replaced.
// Then it runs the two builds' full cold check (terminal, and JSON, HTML and SARIF files)
// alternately, --runs times each, so a busy moment of the machine falls on both. It prints
// each pair, the medians and the ratio of the medians, and exits 0 either way: the bound a
// change is held to (issue 9: at most 1.10) is read from its output, and docs/performance.md
// records it.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCorpus, writeCorpus } from "./generate.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: "string", default: "10000" },
    runs: { type: "string", default: "7" },
    install: { type: "boolean", default: false },
  },
});
const commit = positionals[0];
if (!commit) {
  process.stderr.write("usage: npm run bench:against -- <commit> [--size 10000] [--runs 7] [--install]\n");
  process.exit(2);
}
const size = Number(values.size);
const runs = Math.max(1, Number(values.runs));
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

const scratch = mkdtempSync(path.join(os.tmpdir(), "claimcheck-against-"));
const tree = path.join(scratch, "earlier");
const git = (...args) => execFileSync("git", args, { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

/** Source records as a build before issue 11 reads them: `reliability` in place of `kind` and `standing`. */
const RELIABILITY = [
  ["kind: primary\nstanding: generally-reliable\n", "reliability: primary\n"],
  ["kind: unknown\nstanding: unreliable\n", "reliability: low\n"],
];

function downgrade(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) downgrade(file);
    else if (entry.name.endsWith(".yaml")) {
      const text = readFileSync(file, "utf8");
      let out = text;
      for (const [from, to] of RELIABILITY) out = out.split(from).join(to);
      if (out !== text) writeFileSync(file, out);
    }
  }
}

function earlierReadsStanding() {
  const schema = path.join(tree, "schema", "source.schema.json");
  return existsSync(schema) && readFileSync(schema, "utf8").includes('"standing"');
}

/** One cold run: wall seconds from /usr/bin/time (or the clock), and the exit status. */
function cold(cli, corpus, out) {
  rmSync(out, { recursive: true, force: true });
  const reports = ["json", "html", "sarif"].flatMap((name) => ["--format", `${name}=${path.join(out, `result.${name}`)}`]);
  const args = [cli, "-C", corpus, "--format", "terminal", ...reports];
  const timeFile = path.join(scratch, "time");
  const env = { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: path.join(out, "cache-home") };
  const started = performance.now();
  const run = TIME
    ? spawnSync(TIME, ["-f", "%e", "-o", timeFile, process.execPath, ...args], { env, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30 });
  const clock = (performance.now() - started) / 1000;
  if (run.status === null || run.status > 1) throw new Error(`${cli} failed (${run.status ?? run.signal}): ${String(run.stderr).slice(-2000)}`);
  return TIME ? Number(readFileSync(timeFile, "utf8").trim().split(/\s+/).pop()) : clock;
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

try {
  const sha = git("rev-parse", "--verify", `${commit}^{commit}`);
  process.stderr.write(`building ${sha.slice(0, 10)} … `);
  git("worktree", "add", "--detach", tree, sha);
  if (values.install) execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: tree, stdio: "ignore" });
  else symlinkSync(path.join(REPO, "node_modules"), path.join(tree, "node_modules"), "dir");
  execFileSync("npm", ["run", "build"], { cwd: tree, stdio: "ignore" });
  process.stderr.write("corpus … ");
  const corpus = path.join(scratch, "corpus-now");
  const earlierCorpus = path.join(scratch, "corpus-earlier");
  writeCorpus(corpus, generateCorpus(size, { defects: true }));
  writeCorpus(earlierCorpus, generateCorpus(size, { defects: true }));
  if (!earlierReadsStanding()) downgrade(earlierCorpus);
  process.stderr.write("runs\n");
  const now = [];
  const earlier = [];
  for (let i = 0; i < runs; i++) {
    earlier.push(cold(path.join(tree, "dist", "cli.js"), earlierCorpus, path.join(scratch, "out-earlier")));
    now.push(cold(path.join(REPO, "dist", "cli.js"), corpus, path.join(scratch, "out-now")));
    process.stdout.write(`pair ${i + 1}: earlier ${earlier[i].toFixed(2)} s, now ${now[i].toFixed(2)} s (${(now[i] / earlier[i]).toFixed(3)})\n`);
  }
  const ratio = median(now) / median(earlier);
  process.stdout.write(
    `\n${size.toLocaleString("en")} claims, cold, ${runs} runs each, alternating\n` +
      `earlier ${sha.slice(0, 10)}: median ${median(earlier).toFixed(2)} s\n` +
      `now: median ${median(now).toFixed(2)} s\n` +
      `now / earlier: ${ratio.toFixed(3)} (median of pairs ${median(now.map((n, i) => n / earlier[i])).toFixed(3)})\n`,
  );
} finally {
  try {
    git("worktree", "remove", "--force", tree);
  } catch {
    // not added, or already gone
  }
  rmSync(scratch, { recursive: true, force: true });
}
