import path from "node:path";
import { cacheFileFor } from "../cache/location.js";
import { baseOptions, type RunOptions } from "../options/run-options.js";
import { stripControl } from "../reporters/escape.js";
import { applyConfig } from "./apply.js";
import { loadConfig } from "./load-config.js";
import { findProjectRoot, type RootFoundBy } from "./project-root.js";
import type { LoadedConfig } from "./types.js";

/** The command-line flags that shape a run, as every command names them. */
export interface RunFlags {
  /** `-C`/`--root`, against the working directory; default: the project found upwards from it (config/project-root.ts). */
  root?: string;
  /** `--config`, against the working directory; default: claimcheck.config.yaml at the root, if there is one. */
  config?: string;
  /** `--cache`: keep each file's load between runs. */
  cache?: boolean;
  /** `--cache-location`: a folder, or a file ending in .v8 (implies --cache). */
  cacheLocation?: string;
}

/** Where a command runs: its working directory, its environment, and where it may warn. */
export interface RunContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Told of an unusable cache key; warnings are dropped without it. */
  stderr?: (text: string) => void;
}

export interface ResolvedRun {
  root: string;
  /** How the root was found: named with -C, found upwards by its configuration file or claims/ folder, or none found. */
  rootFoundBy: RootFoundBy;
  /**
   * The folder that relative paths on the command line are read against: the working
   * directory, or the root when -C names it (where such paths always pointed).
   */
  pathBase: string;
  config: LoadedConfig | undefined;
  /** The configuration file relative to the root (forward slashes), when one was read. */
  configFile?: string;
  options: RunOptions;
}

/**
 * The one way a command turns the configuration file and its flags into RunOptions:
 * defaults (baseOptions), the configuration laid over them, then the cache the flags ask for
 * and the phase timing the environment asks for (CLAIMCHECK_TIMING). check, explain, watch,
 * new, migrate, capture, recheck and the vitest plugin all start here.
 */
export async function resolveRunOptions(flags: RunFlags, context: RunContext): Promise<ResolvedRun> {
  const { root, foundBy } = await findProjectRoot(context.cwd, flags.root);
  const config = await loadConfig({ root, cwd: context.cwd, explicit: flags.config });
  const options = applyConfig(baseOptions(root), config?.data);
  if (flags.cache || flags.cacheLocation !== undefined) {
    const file = cacheFileFor(root, flags.cacheLocation, context.cwd);
    const warn = (message: string) => context.stderr?.(`claimcheck: ${stripControl(message)}\n`);
    // Loaded when asked for: a plain check starts faster (docs/performance.md).
    const { cacheKey, refuseTrackedCache } = await import("../cache/cache-key.js");
    await refuseTrackedCache(root, file);
    const key = await cacheKey(root, context.env, warn);
    if (key) options.cache = { file, key, warn };
  }
  if (context.env.CLAIMCHECK_TIMING) options.timing = {};
  const configFile = config && path.relative(root, config.path).split(path.sep).join("/");
  const pathBase = foundBy === "flag" ? root : path.resolve(context.cwd);
  return { root, rootFoundBy: foundBy, pathBase, config, ...(configFile ? { configFile } : {}), options };
}
