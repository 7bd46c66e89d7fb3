import { parseArgs, type ParseArgsConfig } from "node:util";
import { resolveRunOptions } from "../config/resolve.js";
import type { LoadedConfig } from "../config/types.js";
import type { RunOptions } from "../options/run-options.js";
import { mapWithLimit } from "../async/map-with-limit.js";
import { UsageError } from "../errors.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { NETWORK_FLAGS, networkFlags } from "../net/flags.js";
import type { Connector, Resolver } from "../net/guarded-agent.js";
import { PoliteClient, type Clock } from "../net/polite-client.js";
import { Progress } from "../net/progress.js";
import { networkSettings, type NetworkSettings } from "../net/settings.js";
import { stripControl } from "../reporters/escape.js";
import { didYouMean } from "../text/suggest.js";
import { flagError } from "./args.js";
import type { CliIO } from "./io.js";
import type { SourceEntry } from "../capture/source-records.js";

/** What tests put in place of the network and the clock. The CLI passes none. */
export interface NetworkOverrides {
  resolve?: Resolver;
  connect?: Connector;
  clock?: Clock;
  /** The time recorded as a page's retrieval time. */
  now?: () => Date;
}


export interface NetworkRun {
  root: string;
  config: LoadedConfig | undefined;
  options: RunOptions;
  settings: NetworkSettings;
}

/** The flags every network command takes: where the project is, its configuration, help, and the network's. */
const COMMON_FLAGS = {
  root: { type: "string", short: "C" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
  ...NETWORK_FLAGS,
} as const;

/** Parses a network command's arguments: the common flags and its own. A bad one is a usage error. */
export function parseNetworkCommandArgs<Own extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  argv: string[],
  own: Own,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof COMMON_FLAGS & Own }>> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...COMMON_FLAGS, ...own } });
  } catch (error) {
    throw flagError(error, argv, { ...COMMON_FLAGS, ...own }, command);
  }
}

/** The root, configuration, run options and network settings of a `capture` or `recheck`. */
export async function prepareNetworkRun(
  values: { root?: string; config?: string; "allow-private"?: boolean } & Record<string, unknown>,
  io: CliIO,
): Promise<NetworkRun> {
  const { root, config, options } = await resolveRunOptions({ root: values.root, config: values.config }, io);
  const flags = networkFlags(values as Record<string, string | undefined>);
  const settings = networkSettings(config?.data.network, flags, Boolean(values["allow-private"]), io.env, options.version);
  return { root, config, options, settings };
}

/**
 * Runs `work` on each source with one polite client, `concurrency` sources at a time, with a
 * progress line on a terminal; closes the client however it ends. Results keep the sources' order.
 */
export async function forEachSource<R>(
  label: string,
  sources: readonly SourceEntry[],
  run: NetworkRun,
  io: CliIO,
  network: NetworkOverrides | undefined,
  work: (entry: SourceEntry, client: PoliteClient) => Promise<R>,
): Promise<R[]> {
  const progress = new Progress(io.stderr, Progress.wanted(io.isTTY, io.env), label, sources.length);
  const client = new PoliteClient({
    settings: run.settings,
    clock: network?.clock,
    resolve: network?.resolve,
    connect: network?.connect,
    events: { onWait: (host, ms) => progress.wait(host, ms) },
  });
  try {
    return await mapWithLimit(sources, run.settings.concurrency, async (entry) => {
      progress.started(entry.id);
      try {
        return await work(entry, client);
      } finally {
        progress.finished(entry.id);
      }
    });
  } finally {
    progress.end();
    await client.close();
  }
}

/** The sources named on the command line, in the order given; an unknown id is a usage error. */
export function pickSources(all: readonly SourceEntry[], ids: readonly string[], broken: readonly string[]): SourceEntry[] {
  const byId = new Map(all.map((s) => [s.id, s]));
  return ids.map((id) => {
    const entry = byId.get(id);
    if (entry) return entry;
    const suggestion = didYouMean(id, [...byId.keys()]);
    const brokenNote = broken.some((f) => f.endsWith(`/${id}.yaml`) || f.endsWith(`/${id}.yml`)) ? " (its file does not load or match the schema: run claimcheck first)" : "";
    throw new UsageError("unknown-source", `no source "${id}"${brokenNote}${suggestion ? ` — did you mean "${suggestion}"?` : ""}`);
  });
}

/** `file:line:col  severity  message  rule`, as the terminal report lists a finding, safe for a terminal. */
export function findingLine(d: Diagnostic): string {
  return `  ${d.at.file}:${d.at.line}:${d.at.column}  ${d.severity}  ${stripControl(d.message)}  ${d.ruleId}`;
}
