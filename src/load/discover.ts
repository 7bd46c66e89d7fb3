import { readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { globBase, selectedByGlobs } from "../paths/glob-match.js";
import { loaderMessages } from "./messages.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { renderMessage } from "../model/render-message.js";
import { refusedRealPath, repoPlaces } from "../paths/repository-paths.js";

/** What a file is, by where it stands. */
export type FileRole = "claim" | "article" | "source" | "entities";

export interface DiscoveredFile {
  /** Relative to root, forward slashes. */
  file: string;
  role: FileRole;
  /** For claims and article maps: the article id (the folder under the claims root). */
  article?: string;
  /**
   * Set for a folder a glob starts in whose real path leaves the repository (a symbolic link):
   * nothing under it is listed or read, and this finding stands in for its files.
   */
  refused?: Diagnostic;
}

/** Folders never walked: installed packages, git's own, and stored page texts (read through their records). */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", "snapshots"]);

/**
 * Lists claim and source files under root, sorted, each with its role.
 *
 * The configured globs are matched by our own linear-time matcher (src/paths/glob-match.ts):
 * tinyglobby only walks the folders the globs start in, given plain `folder/**` patterns, since
 * its matcher (picomatch) backtracks for minutes on a crafted glob. A folder a glob starts in
 * that is a symbolic link out of the repository (or into its git folder) is not walked.
 */
export async function discover(root: string, claimGlobs: string[], sourceGlobs: string[]): Promise<DiscoveredFile[]> {
  const [claims, sources] = await Promise.all([list(root, claimGlobs), list(root, sourceGlobs)]);
  const out = new Map<string, DiscoveredFile>();
  for (const file of sources.files) {
    out.set(file, { file, role: stem(file) === "entities" ? "entities" : "source" });
  }
  for (const file of claims.files) {
    const parts = file.split("/");
    const article = parts.length >= 2 ? parts[parts.length - 2]! : "default";
    out.set(file, { file, role: stem(file) === "article" ? "article" : "claim", article });
  }
  for (const [refused, role] of [[sources.refused, "source"], [claims.refused, "claim"]] as const) {
    for (const { folder, reason } of refused) {
      out.set(folder, { file: folder, role, ...(role === "claim" ? { article: "default" } : {}), refused: refusedFolder(folder, reason) });
    }
  }
  return [...out.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

interface Listing {
  files: string[];
  refused: Array<{ folder: string; reason: string }>;
}

async function list(root: string, globs: readonly string[]): Promise<Listing> {
  const repo = repoPlaces(root);
  const bases = outermost(globs.filter((g) => !g.startsWith("!")).map(globBase));
  const walk: string[] = [];
  const refused: Listing["refused"] = [];
  for (const base of bases) {
    if (base === "") {
      walk.push("");
      continue;
    }
    let real: string;
    try {
      real = await realpath(path.join(root, base));
    } catch {
      continue; // no such folder: nothing to list
    }
    const reason = refusedRealPath(repo, real);
    if (reason === undefined) walk.push(base);
    else refused.push({ folder: base, reason });
  }
  // Hidden folders are walked only where a glob names one (`.claims/**`): the matcher decides.
  const dot = globs.some((g) => {
    const body = g.startsWith("./") ? g.slice(2) : g;
    return body.startsWith(".") || body.includes("/.");
  });
  const files: string[] = [];
  for (const base of walk) await walkFolder(root, base, dot, files);
  return { files: files.filter((file) => selectedByGlobs(file, globs)), refused };
}

/**
 * Lists the regular files under one folder, depth first. Symbolic links are neither listed
 * nor followed (a linked file or folder could lead anywhere on the machine). Any byte may
 * stand in a name, newlines included: names are matched by our own matcher, never by a
 * pattern library that stops at a newline.
 */
async function walkFolder(root: string, folder: string, dot: boolean, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(path.join(root, folder), { withFileTypes: true });
  } catch {
    return; // unreadable or gone: nothing to list
  }
  for (const entry of entries) {
    const name = entry.name;
    const relative = folder === "" ? name : `${folder}/${name}`;
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(name) || (!dot && name.startsWith("."))) continue;
      await walkFolder(root, relative, dot, out);
    } else if (entry.isFile()) {
      out.push(relative);
    }
  }
}

/** The folders to walk: each base once, and none inside another (`claims` covers `claims/a`). */
function outermost(bases: string[]): string[] {
  const sorted = [...new Set(bases)].sort();
  const out: string[] = [];
  for (const base of sorted) {
    if (out.some((outer) => outer === "" || base.startsWith(`${outer}/`))) continue;
    out.push(base);
  }
  return out;
}

function refusedFolder(folder: string, reason: string): Diagnostic {
  const data = { path: folder, reason };
  return {
    ruleId: "parse",
    messageId: "linkedFolder",
    data,
    message: renderMessage(loaderMessages.linkedFolder, data),
    severity: "error",
    at: { file: folder, line: 1, column: 1 },
    docs: "docs/rules/parse.md",
  };
}

/** A file's name without its folder and its .yaml or .yml extension. */
function stem(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1);
  return name.endsWith(".yaml") ? name.slice(0, -5) : name.endsWith(".yml") ? name.slice(0, -4) : name;
}
