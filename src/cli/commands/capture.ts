import type { CliIO } from "../io.js";
import { runCheck } from "../../engine/run.js";
import { UsageError } from "../../errors.js";
import { NETWORK_FLAGS_HELP } from "../../net/flags.js";
import { REAL_CLOCK, type PoliteClient } from "../../net/polite-client.js";
import { stripControl } from "../../reporters/escape.js";
import { archivePage, waybackCredentials, waybackEndpoints, type ArchiveOutcome } from "../../capture/archive.js";
import { findingLine, forEachSource, parseNetworkCommandArgs, pickSources, prepareNetworkRun, type NetworkOverrides } from "../network-run.js";
import { readPage } from "../../capture/read-page.js";
import { saveCapture, type CaptureMode } from "../../capture/save.js";
import { loadSourceRecords, type SourceEntry } from "../../capture/source-records.js";

export const CAPTURE_HELP = `claimcheck capture — fetch each source's page and keep what it says

Usage
  claimcheck capture <source-id>... [options]
  claimcheck capture --missing [options]     every source without a snapshot
  claimcheck capture --all [options]         every source (replaces existing snapshots)

For each source: fetches its URL, extracts the readable text (Mozilla Readability; nothing
on the page runs), stores it normalised in snapshots/<id>.txt beside the source file, and
records it in the source's snapshot: (sha256, retrieval time, final URL, HTTP status,
content type), editing the YAML in place. Each excerpt is then looked for in the text: one
that is not there is an error naming the closest passage (rule excerpt-in-snapshot).

Options
      --excerpts-only          store only a window around each excerpt and the sha256 of the
                               whole text (a source's capture-mode, or the configuration's
                               capture.mode, can ask for it too)
      --archive                also get a Wayback Machine copy: Save Page Now with
                               CLAIMCHECK_IA_ACCESS_KEY and CLAIMCHECK_IA_SECRET_KEY set, else
                               the closest existing capture; records archive-URL and
                               archive-captured. Nothing is sent to an archive without it.
  -C, --root <dir>             project root (default: found upwards from here)
      --config <file>          configuration file
  -h, --help                   show this help

${NETWORK_FLAGS_HELP}

Exit codes: 0 every page captured and every excerpt found; 1 a page could not be captured
or an excerpt is not on it; 2 bad usage or configuration.
`;

/** Time between two questions about a Save Page Now job, and how many are asked. */
const SAVE_POLL_INTERVAL_MS = 5_000;
const SAVE_MAX_POLLS = 24;

/** `claimcheck capture …`: returns the exit code. */
export async function runCapture(argv: string[], io: CliIO, network?: NetworkOverrides): Promise<number> {
  const { values, positionals } = parseNetworkCommandArgs("capture", argv, {
    missing: { type: "boolean" },
    all: { type: "boolean" },
    archive: { type: "boolean" },
    "excerpts-only": { type: "boolean" },
  });
  if (values.help) {
    io.stdout(CAPTURE_HELP);
    return 0;
  }
  const modes = [positionals.length > 0, Boolean(values.missing), Boolean(values.all)].filter(Boolean).length;
  if (modes !== 1) throw new UsageError("bad-argument", "capture takes source ids, --missing or --all (one of them): claimcheck capture <source-id>…");
  const run = await prepareNetworkRun(values, io);
  const records = await loadSourceRecords(run.options);
  const selected = values.all
    ? records.sources
    : values.missing
      ? records.sources.filter((s) => !s.record.snapshot)
      : pickSources(records.sources, [...new Set(positionals)], records.broken);
  if (selected.length === 0) {
    io.stdout("capture: nothing to capture (every source has a snapshot; --all captures them again)\n");
    return 0;
  }
  const clock = network?.clock ?? REAL_CLOCK;
  const captureConfig = run.config?.data.capture;
  const archive = values.archive
    ? { endpoints: waybackEndpoints(io.env), credentials: waybackCredentials(io.env), clock, pollIntervalMs: SAVE_POLL_INTERVAL_MS, maxPolls: SAVE_MAX_POLLS }
    : undefined;
  const now = network?.now ?? (() => new Date());
  const reports = await forEachSource("capture", selected, run, io, network, (entry, client) => {
    const mode: CaptureMode = entry.record["capture-mode"] ?? (values["excerpts-only"] ? "excerpts" : (captureConfig?.mode ?? "full"));
    return captureOne(entry, { client, mode, windowChars: captureConfig?.["window-chars"] ?? 200, archive, root: run.root, now });
  });

  for (const report of reports) io.stdout(`${describe(report)}\n`);
  // The captured records are checked as the ordinary run checks them: the same rules, the same words.
  const captured = new Set(reports.filter((r) => r.ok).map((r) => r.file));
  const result = await runCheck(run.options);
  const findings = result.diagnostics.filter((d) => captured.has(d.at.file) && CAPTURE_RULES.has(d.ruleId));
  if (findings.length > 0) io.stdout(`\n${findings.map(findingLine).join("\n")}\n`);
  const failed = reports.filter((r) => !r.ok).length;
  const errors = findings.filter((d) => d.severity === "error");
  const missing = errors.filter((d) => d.ruleId === "excerpt-in-snapshot").length;
  const summary = [`captured ${reports.length - failed} of ${reports.length} ${reports.length === 1 ? "source" : "sources"}`];
  if (failed > 0) summary.push(`${failed} not captured`);
  if (missing > 0) summary.push(`${missing} ${missing === 1 ? "excerpt" : "excerpts"} not on the page`);
  if (errors.length > missing) summary.push(`${errors.length - missing} other ${errors.length - missing === 1 ? "error" : "errors"}`);
  io.stdout(`\n${summary.join("; ")}\n`);
  return failed > 0 || errors.length > 0 ? 1 : 0;
}

/** The findings capture shows: what a fresh snapshot can make wrong. */
const CAPTURE_RULES = new Set(["excerpt-in-snapshot", "snapshot-valid", "parse", "schema"]);

type CaptureReport =
  | { ok: true; id: string; file: string; snapshotPath: string; characters: number; mode: CaptureMode; status: number; encoding: string; finalUrl?: string; paywalled: boolean; archive?: ArchiveOutcome }
  | { ok: false; id: string; file: string; detail: string };

interface CaptureContext {
  client: PoliteClient;
  mode: CaptureMode;
  windowChars: number;
  archive: Parameters<typeof archivePage>[2] | undefined;
  root: string;
  now: () => Date;
}

async function captureOne(entry: SourceEntry, context: CaptureContext): Promise<CaptureReport> {
  const url = entry.record.URL;
  const page = readPage(await context.client.get(url));
  if (!page.ok) return { ok: false, id: entry.id, file: entry.file, detail: page.kind === "status" ? page.detail : `${page.reason}: ${page.detail}` };
  const archive = context.archive ? await archivePage(context.client, page.finalUrl, context.archive) : undefined;
  const saved = await saveCapture(entry, page, {
    root: context.root,
    mode: context.mode,
    windowChars: context.windowChars,
    retrieved: context.now(),
    archive: archive?.ok ? archive : undefined,
  });
  if (!saved.ok) return { ok: false, id: entry.id, file: entry.file, detail: saved.detail };
  return {
    ok: true,
    id: entry.id,
    file: entry.file,
    snapshotPath: saved.snapshotFile,
    characters: saved.characters,
    mode: context.mode,
    status: page.status,
    encoding: page.encoding,
    finalUrl: page.finalUrl === url ? undefined : page.finalUrl,
    paywalled: page.paywalled,
    archive,
  };
}

function describe(report: CaptureReport): string {
  if (!report.ok) return `✖ ${report.id}: not captured: ${stripControl(report.detail)}`;
  const lines = [
    `✔ ${report.id} → ${report.snapshotPath} (${report.characters} characters${report.mode === "excerpts" ? ", excerpts only" : ""}; HTTP ${report.status}, ${report.encoding})`,
  ];
  if (report.finalUrl) lines.push(`    redirected to ${stripControl(report.finalUrl)}`);
  if (report.paywalled) lines.push("    the page declares itself paywalled: what was captured may be only its free part");
  if (report.archive?.ok) lines.push(`    archived: ${stripControl(report.archive.url)} (${report.archive.how === "saved" ? "new capture" : "existing capture"} of ${report.archive.captured})`);
  else if (report.archive) lines.push(`    not archived: ${stripControl(report.archive.detail)}`);
  return lines.join("\n");
}
