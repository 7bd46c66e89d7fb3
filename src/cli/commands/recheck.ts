import path from "node:path";
import { forEachSource, parseNetworkCommandArgs, pickSources, prepareNetworkRun, type NetworkOverrides } from "../network-run.js";
import { readPage } from "../../capture/read-page.js";
import { loadSourceRecords, type SourceEntry } from "../../capture/source-records.js";
import { pickColors } from "../colors.js";
import { requestedFormats } from "../formats.js";
import type { CliIO } from "../io.js";
import { writeOutputs } from "../output.js";
import { streamOf } from "../../model/result-stream.js";
import { summarise } from "../../engine/result.js";
import { dedupeAndSort, runCheck } from "../../engine/run.js";
import type { RecheckOutcome, RunResult } from "../../model/result.js";
import { NETWORK_FLAGS_HELP } from "../../net/flags.js";
import type { PoliteClient, PoliteResult } from "../../net/polite-client.js";
import { judgePage, type Judgement } from "../../recheck/judge.js";
import { driftDiagnostic, SOURCE_DRIFT } from "../../recheck/messages.js";
import { conditionalHeaders, DEFAULT_STATE_FILE, fingerprint, readMemory, writeMemory, type RecheckMemory } from "../../recheck/state.js";

export const RECHECK_HELP = `claimcheck recheck — fetch the cited pages again and report what changed

Usage
  claimcheck recheck [source-id...] [options]

Checks the project as claimcheck does, then fetches every source's page (or the sources
named) and reports, per source: still says it (every excerpt still on the page); changed (an
excerpt vanished, named with the closest passage on the page now, or the text differs from
the snapshot); moved (redirected elsewhere); gone (404, 410, a host name that no longer
resolves); could not check (401, 403, 429, 5xx, a paywall, a timeout, robots.txt: a warning,
never a failure). Findings are diagnostics of the check source-drift, at the source file's
URL line, in every report; the JSON result lists each page under "recheck".

Politely: pages are fetched a few at a time, one request per host per interval, robots.txt
obeyed, 429 and 503 retried after Retry-After, conditional requests where the last recheck
saw the page, and a User-Agent naming claimcheck and the project.

Options
  -f, --format <name[=file]>   output format, repeatable (default: as claimcheck)
  -C, --root <dir>             project root (default: found upwards from here)
      --config <file>          configuration file
      --state <file>           what the last recheck saw, for conditional requests
                               (default: ${DEFAULT_STATE_FILE})
      --verbose                list every finding (repeated warnings are folded otherwise)
      --color, --no-color      force colour on or off
  -h, --help                   show this help

${NETWORK_FLAGS_HELP}

Exit codes: 0 nothing failed; 1 an excerpt vanished from its page, a page without an
archived copy is gone, or the ordinary check fails; 2 bad usage or configuration.
`;

/** `claimcheck recheck …`: returns the exit code. */
export async function runRecheck(argv: string[], io: CliIO, network?: NetworkOverrides): Promise<number> {
  const { values, positionals } = parseNetworkCommandArgs("recheck", argv, {
    format: { type: "string", short: "f", multiple: true },
    state: { type: "string" },
    verbose: { type: "boolean" },
    color: { type: "boolean" },
    "no-color": { type: "boolean" },
  });
  if (values.help) {
    io.stdout(RECHECK_HELP);
    return 0;
  }
  const run = await prepareNetworkRun(values, io);
  // Paths on the command line may lead anywhere; the repository's (configured or default) stay inside it.
  const formats = requestedFormats(values.format, run.config?.data.reports?.formats, io.env);
  const records = await loadSourceRecords(run.options);
  const selected = positionals.length > 0 ? pickSources(records.sources, [...new Set(positionals)], records.broken) : records.sources;
  const stateFile = path.resolve(io.cwd, values.state ?? path.join(run.root, DEFAULT_STATE_FILE));
  const memory = await readMemory(stateFile);

  const judgements = await forEachSource("recheck", selected, run, io, network, (entry, client) => recheckOne(client, entry, memory));
  await writeMemory(stateFile, memory).catch((error: Error) => io.stderr(`claimcheck: the recheck state was not saved (${error.message})\n`));

  const checked = await runCheck(run.options);
  const asWarning = run.options.rules[SOURCE_DRIFT] === "warning";
  const drift = judgements.flatMap((j, i) => j.findings.map((f) => driftDiagnostic(selected[i]!, f, asWarning)));
  const diagnostics = dedupeAndSort([...checked.diagnostics, ...drift]);
  const result: RunResult = {
    ...checked,
    summary: summarise(checked.claims, diagnostics, checked.summary.files),
    rules: checked.rules.map((r) => (r.id === SOURCE_DRIFT && asWarning ? { ...r, severity: "warning" } : r)),
    diagnostics,
    recheck: { sources: judgements.map((j) => j.status).sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)) },
  };
  if (!(await writeOutputs(streamOf(result), formats, run.root, pickColors(values, io), io, Boolean(values.verbose), run.config?.data.reports))) return 2;
  io.stderr(`${tally(result.recheck!.sources.map((s) => s.outcome))}\n`);
  return result.summary.errors > 0 ? 1 : 0;
}

/** Fetches one page (conditionally, when the last recheck saw it) and judges it. */
async function recheckOne(client: PoliteClient, entry: SourceEntry, memory: RecheckMemory): Promise<Judgement> {
  const remembered = memory.pages[entry.id];
  const headers = conditionalHeaders(remembered, entry);
  let fetched: PoliteResult = await client.get(entry.record.URL, headers);
  if (fetched.outcome.ok && fetched.outcome.status === 304) {
    if (remembered && Object.keys(headers).length > 0) return { ...remembered.judgement, status: { ...remembered.judgement.status, notModified: true } };
    // A 304 to a request that asked nothing conditional: ask again for the page itself.
    fetched = await client.get(entry.record.URL);
  }
  const page = readPage(fetched);
  const judgement = judgePage(entry, page);
  if (page.ok && (page.headers.etag || page.headers["last-modified"])) {
    memory.pages[entry.id] = { etag: page.headers.etag, lastModified: page.headers["last-modified"], fingerprint: fingerprint(entry), judgement };
  } else {
    delete memory.pages[entry.id];
  }
  return judgement;
}

const OUTCOME_WORDS: Record<RecheckOutcome, string> = {
  "still-says-it": "still say it",
  changed: "changed",
  moved: "moved",
  gone: "gone",
  "could-not-check": "could not be checked",
};

/** `recheck: 5 pages — 3 still say it, 1 changed, 1 could not be checked`. */
function tally(outcomes: RecheckOutcome[]): string {
  const parts = (Object.keys(OUTCOME_WORDS) as RecheckOutcome[])
    .map((o) => [outcomes.filter((x) => x === o).length, OUTCOME_WORDS[o]] as const)
    .filter(([count]) => count > 0)
    .map(([count, words]) => `${count} ${words}`);
  return `recheck: ${outcomes.length} ${outcomes.length === 1 ? "page" : "pages"}${parts.length > 0 ? ` — ${parts.join(", ")}` : ""}`;
}
