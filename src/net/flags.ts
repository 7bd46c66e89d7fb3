import { UsageError } from "../errors.js";
import type { NetworkConfig } from "./settings.js";

/** The network flags `capture` and `recheck` share, as parseArgs options. */
export const NETWORK_FLAGS = {
  "allow-private": { type: "boolean" },
  "timeout-ms": { type: "string" },
  "max-bytes": { type: "string" },
  "max-redirects": { type: "string" },
  concurrency: { type: "string" },
  "host-interval-ms": { type: "string" },
  retries: { type: "string" },
  "max-retry-wait-ms": { type: "string" },
} as const;

/** Their help text, the same for both commands. */
export const NETWORK_FLAGS_HELP = `Network (flags override the configuration's network: section; docs/evidence.md)
      --allow-private          also fetch from loopback and private addresses (a local
                               test server); link-local and cloud metadata addresses
                               (169.254.0.0/16, fd00:ec2::254, …) are refused always
      --timeout-ms <ms>        longest time one page may take (default 30000)
      --max-bytes <n>          largest body read, after decompression (default 5242880)
      --max-redirects <n>      most redirects followed (default 5)
      --concurrency <n>        pages fetched at once (default 4)
      --host-interval-ms <ms>  least time between two requests to one host (default 1000)
      --retries <n>            tries again after 429, 503 or a dropped connection (default 2)
      --max-retry-wait-ms <ms> longest wait before a retry (default 60000)`;

const NUMERIC = ["timeout-ms", "max-bytes", "max-redirects", "concurrency", "host-interval-ms", "retries", "max-retry-wait-ms"] as const;

/** The numeric network flags given, checked. */
export function networkFlags(values: Partial<Record<(typeof NUMERIC)[number], string>>): Partial<NetworkConfig> {
  const out: Partial<NetworkConfig> = {};
  for (const name of NUMERIC) {
    const text = values[name];
    if (text === undefined) continue;
    if (!/^\d{1,9}$/.test(text)) throw new UsageError("bad-argument", `--${name} takes a whole number, not "${text}"`);
    const value = Number(text);
    if (name === "concurrency" && value < 1) throw new UsageError("bad-argument", "--concurrency must be at least 1");
    if (name === "timeout-ms" && value < 1) throw new UsageError("bad-argument", "--timeout-ms must be at least 1");
    out[name] = value;
  }
  return out;
}
