/**
 * What the configuration's `reports:` section tells reporters beyond the formats to write
 * (docs/configuration.md). Keys as the file spells them, so the CLI hands the section over
 * as it is; every key is optional.
 */
export interface ReportSettings {
  /**
   * The address the package's files are published under: rule pages (`docs/rules/<id>.md`)
   * and the README resolve against it. `{version}` stands for the tool's version.
   * Default: {@link DEFAULT_DOCS_BASE_URL}.
   */
  "docs-base-url"?: string;
  /** Who publishes the ClaimReview markup, and where. */
  claimreview?: ClaimReviewSettings;
}

export interface ClaimReviewSettings {
  /** The fact-checking organisation that publishes the reviews. */
  author?: { name: string; url?: string };
  /** Address of each review's page; `{article}` and `{claim}` stand for the ids. */
  url?: string;
  /** When the reviews were published: YYYY-MM-DD. */
  "date-published"?: string;
}

/**
 * The docs shipped in this version's npm package, as unpkg serves every published package's
 * files (`https://unpkg.com/<package>@<version>/<file>`). The project has no site or
 * repository address of its own yet; a team that hosts the docs elsewhere sets
 * `reports.docs-base-url`.
 */
export const DEFAULT_DOCS_BASE_URL = "https://unpkg.com/claimcheck@{version}/";

/** The docs base for a version, as a URL ending in `/`; undefined when the setting is not an http(s) address. */
function docsBase(version: string, settings: ReportSettings | undefined): URL | undefined {
  const template = settings?.["docs-base-url"] ?? DEFAULT_DOCS_BASE_URL;
  const filled = template.split("{version}").join(encodeURIComponent(version));
  let base: URL;
  try {
    base = new URL(filled.endsWith("/") ? filled : `${filled}/`);
  } catch {
    return undefined;
  }
  return base.protocol === "https:" || base.protocol === "http:" ? base : undefined;
}

/**
 * The absolute address of a file of the package (a rule's `docs/rules/<id>.md`, the
 * README): an address that is already absolute stays as it is; a relative path resolves
 * against the docs base. Undefined when no http(s) address comes of it.
 */
export function docsAddress(file: string, version: string, settings: ReportSettings | undefined): string | undefined {
  if (file.startsWith("https://") || file.startsWith("http://")) return file;
  const base = docsBase(version, settings);
  if (base === undefined) return undefined;
  const address = new URL(file.split("/").map(encodeURIComponent).join("/"), base);
  // A path with `..` may climb above the base's folder, never off its host.
  return address.origin === base.origin ? address.href : undefined;
}
