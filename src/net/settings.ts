import type { ConfigRecord } from "../config/types.js";

/** How `capture` and `recheck` use the network. Durations in milliseconds, sizes in bytes. */
export interface NetworkSettings {
  /** Connect to loopback and private addresses too (never link-local or metadata ones). */
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Pages fetched at once. */
  concurrency: number;
  /** Least time between two requests to one host. */
  hostIntervalMs: number;
  retries: number;
  maxRetryWaitMs: number;
  userAgent: string;
}

export type NetworkConfig = NonNullable<ConfigRecord["network"]>;

/** The defaults; docs/configuration.md lists them. */
export const DEFAULT_NETWORK = {
  "timeout-ms": 30_000,
  "max-bytes": 5 * 1024 * 1024,
  "max-redirects": 5,
  concurrency: 4,
  "host-interval-ms": 1_000,
  retries: 2,
  "max-retry-wait-ms": 60_000,
} as const satisfies Required<Omit<NetworkConfig, "project">>;

/** The token robots.txt rules name this tool by. */
export const ROBOTS_TOKEN = "claimcheck";

/**
 * The settings of a run: flags over the configuration over the defaults. Loopback and
 * private addresses are allowed by the flag alone: a configuration file can come from a
 * stranger's pull request.
 */
export function networkSettings(config: NetworkConfig | undefined, flags: Partial<NetworkConfig>, allowPrivate: boolean, env: NodeJS.ProcessEnv, version: string): NetworkSettings {
  const pick = <K extends keyof typeof DEFAULT_NETWORK>(key: K): number => flags[key] ?? config?.[key] ?? DEFAULT_NETWORK[key];
  return {
    allowPrivate,
    timeoutMs: pick("timeout-ms"),
    maxBytes: pick("max-bytes"),
    maxRedirects: pick("max-redirects"),
    concurrency: pick("concurrency"),
    hostIntervalMs: pick("host-interval-ms"),
    retries: pick("retries"),
    maxRetryWaitMs: pick("max-retry-wait-ms"),
    userAgent: userAgent(version, config?.project ?? repositoryFromEnv(env)),
  };
}

/** `claimcheck/0.1.0 (fact-check evidence; +https://github.com/org/repo)`: the tool, and who runs it. */
export function userAgent(version: string, project: string | undefined): string {
  const printable = (text: string) => [...text].filter((c) => c >= " " && c <= "~").join("").slice(0, 200);
  return `${ROBOTS_TOKEN}/${printable(version)} (fact-check evidence${project ? `; +${printable(project)}` : ""})`;
}

function repositoryFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_REPOSITORY) return undefined;
  return `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}`;
}
