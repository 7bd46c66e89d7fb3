import { describe, expect, it } from "vitest";
import { Progress } from "../../src/net/progress.js";

describe("Progress", () => {
  it("redraws one line with pages done of all, the pages in flight and a host's wait, and clears it at the end", () => {
    let out = "";
    let now = 0;
    const progress = new Progress((t) => void (out += t), true, "recheck", 3, () => now);
    progress.started("tass-2025");
    progress.wait("tass.com", 1500);
    now = 500;
    progress.finished("tass-2025");
    progress.end();
    const frames = out.split("\r\x1b[2K").filter(Boolean);
    expect(frames).toEqual(["recheck 0/3 · tass-2025", "recheck 0/3 · tass-2025 · waiting 1.5 s for tass.com", "recheck 1/3 · waiting 1.0 s for tass.com"]);
    expect(out.endsWith("\r\x1b[2K")).toBe(true);
  });

  it("writes nothing when it is not wanted", () => {
    let out = "";
    const progress = new Progress((t) => void (out += t), false, "capture", 2);
    progress.started("a");
    progress.wait("example.org", 1000);
    progress.finished("a");
    progress.end();
    expect(out).toBe("");
  });

  it("is wanted on a terminal only, never in CI", () => {
    expect(Progress.wanted(true, {})).toBe(true);
    expect(Progress.wanted(false, {})).toBe(false);
    expect(Progress.wanted(true, { CI: "true" })).toBe(false);
    expect(Progress.wanted(true, { GITHUB_ACTIONS: "true" })).toBe(false);
    expect(Progress.wanted(true, { TERM: "dumb" })).toBe(false);
  });
});
