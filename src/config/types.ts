import type { ReportSettings } from "../reporters/settings.js";

/** A rule's severity as `claimcheck.config.yaml` spells it. */
export type ConfigSeverity = "error" | "warn" | "off";

/** The file's data, as `schema/config.schema.json` guarantees it. Every key is optional. */
export interface ConfigRecord {
  /** The folder holding one folder per article, relative to the root. */
  articles?: string;
  /** Globs for claim files and article maps, relative to the root. */
  claims?: string[];
  /** Globs for source records and the entity registry, relative to the root. */
  sources?: string[];
  rules?: Record<string, ConfigSeverity>;
  limits?: {
    /** Largest file read, in bytes. */
    "max-file-bytes"?: number;
    /** Most YAML values one document may expand to. */
    "max-nodes"?: number;
    /** Deepest nesting of maps and lists. */
    "max-depth"?: number;
    /** Most alias references one document may hold. */
    "max-aliases"?: number;
    /** Most claim and source files one run reads. */
    "max-files"?: number;
    /** Most findings reported for one file; the rest are counted in one last finding. */
    "max-findings-per-file"?: number;
    /** Largest source snapshot read, in bytes. */
    "max-snapshot-bytes"?: number;
  };
  /** The evidence standard: what a supported or refuted verdict needs (rule evidence-sufficiency). */
  evidence?: {
    /** Independent groups of sources a supported or refuted finding needs. */
    "independent-sources"?: number;
    /** Whether one primary source (kind primary) suffices on its own. */
    "primary-suffices"?: boolean;
    /** Whether sources affiliated with a state suffice, on their own, for a claim about that state. */
    "own-state-suffices"?: boolean;
    /** The standings whose sources count as evidence; the others count for nothing. */
    "counting-standings"?: string[];
  };
  "max-warnings"?: number;
  capture?: {
    /** What capture stores: the whole text, or windows around the excerpts. */
    mode?: "full" | "excerpts";
    /** Characters kept on each side of an excerpt in excerpts mode. */
    "window-chars"?: number;
  };
  network?: {
    /** Named in the User-Agent header. */
    project?: string;
    "timeout-ms"?: number;
    /** Largest body read, in bytes, after decompression. */
    "max-bytes"?: number;
    "max-redirects"?: number;
    /** Pages fetched at once. */
    concurrency?: number;
    "host-interval-ms"?: number;
    retries?: number;
    "max-retry-wait-ms"?: number;
  };
  /** Formats to write, and the settings reporters read (src/reporters/settings.ts). */
  reports?: ReportSettings & {
    /** Like `--format`: `name` or `name=file`. */
    formats?: string[];
  };
}

/** A configuration file that loaded and validated. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  path: string;
  /** The path as messages show it (relative to the working directory). */
  display: string;
  data: ConfigRecord;
}

/** The folder that holds one folder per article, when no configuration says otherwise. */
export const DEFAULT_ARTICLES_DIR = "claims";

/** The configuration file looked for at the repository root. */
export const CONFIG_FILE_NAME = "claimcheck.config.yaml";
