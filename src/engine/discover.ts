import { glob } from "tinyglobby";

/** What a file is, by where it stands. */
export type FileRole = "claim" | "article" | "source" | "entities";

export interface DiscoveredFile {
  /** Relative to root, forward slashes. */
  file: string;
  role: FileRole;
  /** For claims and article maps: the article id (the folder under the claims root). */
  article?: string;
}

const IGNORE = ["**/node_modules/**", "**/.git/**", "**/snapshots/**"];

/** Lists claim and source files under root, sorted, each with its role. */
export async function discover(root: string, claimGlobs: string[], sourceGlobs: string[]): Promise<DiscoveredFile[]> {
  const [claimFiles, sourceFiles] = await Promise.all([
    glob(claimGlobs, { cwd: root, ignore: IGNORE, followSymbolicLinks: false, onlyFiles: true }),
    glob(sourceGlobs, { cwd: root, ignore: IGNORE, followSymbolicLinks: false, onlyFiles: true }),
  ]);
  const out = new Map<string, DiscoveredFile>();
  for (const file of sourceFiles) {
    out.set(file, { file, role: baseName(file).replace(/\.ya?ml$/, "") === "entities" ? "entities" : "source" });
  }
  for (const file of claimFiles) {
    const parts = file.split("/");
    const article = parts.length >= 2 ? parts[parts.length - 2]! : "default";
    const role: FileRole = baseName(file).replace(/\.ya?ml$/, "") === "article" ? "article" : "claim";
    out.set(file, { file, role, article });
  }
  return [...out.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}
