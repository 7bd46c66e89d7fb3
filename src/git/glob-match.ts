/**
 * Whether a relative path matches one of the globs, in the subset of glob syntax the
 * configuration uses: `**`, `*`, `?`, `{a,b}`. Used to tell what a file deleted since a git
 * ref was (a claim? a source?), since a deleted file cannot be found by listing the tree.
 * Negated globs (`!…`) never match.
 */
export function matchesAnyGlob(file: string, globs: readonly string[]): boolean {
  return globs.some((glob) => !glob.startsWith("!") && globToRegExp(glob).test(file));
}

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let compiled = cache.get(glob);
  if (!compiled) {
    compiled = new RegExp(`^${translate(glob.replace(/^\.\//, ""))}$`);
    cache.set(glob, compiled);
  }
  return compiled;
}

function translate(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        out += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else {
        out += "[^/]*";
      }
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "{") {
      const end = glob.indexOf("}", i);
      if (end < 0) {
        out += "\\{";
        continue;
      }
      out += `(?:${glob
        .slice(i + 1, end)
        .split(",")
        .map(translate)
        .join("|")})`;
      i = end;
    } else {
      out += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
    }
  }
  return out;
}
