import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/**
 * Where the browser tests find Chromium, in order: the CHROMIUM_PATH environment variable;
 * playwright-core's own lookup (a browser it manages, if one was installed); then a
 * Chromium or Chrome on the PATH (Debian's `chromium` package, as CI installs it). Never
 * downloads a browser. Undefined when there is none, so the caller can say what to install.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env.CHROMIUM_PATH;
  if (named) return named;
  try {
    const managed = chromium.executablePath();
    if (managed && existsSync(managed)) return managed;
  } catch {
    // playwright-core has no browser of its own here: fall through to the PATH.
  }
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    const file = found.stdout.trim();
    if (found.status === 0 && file) return file;
  }
  return undefined;
}

/** The flags every browser test starts Chromium with: headless, no sandbox (CI runs as root), no network of its own. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
