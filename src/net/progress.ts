import { formatSeconds } from "./polite-client.js";

/**
 * One line on a terminal that says how far a long run is: `recheck 12/67 · tass.com
 * waiting 1.0 s`. Rewritten in place, cleared at the end. Silent when standard error is not
 * a terminal or in CI, where a log would fill with its redraws.
 */
export class Progress {
  private done = 0;
  private waiting: { host: string; until: number } | undefined;
  private readonly active = new Set<string>();

  constructor(
    private readonly write: (text: string) => void,
    private readonly enabled: boolean,
    private readonly label: string,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a progress line belongs on this output. */
  static wanted(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
    return isTTY && !env.CI && env.GITHUB_ACTIONS !== "true" && env.TERM !== "dumb";
  }

  started(id: string): void {
    this.active.add(id);
    this.render();
  }

  finished(id: string): void {
    this.active.delete(id);
    this.done++;
    this.render();
  }

  wait(host: string, ms: number): void {
    this.waiting = { host, until: this.now() + ms };
    this.render();
  }

  /** Clears the line, so the report that follows starts clean. */
  end(): void {
    if (this.enabled) this.write("\r\x1b[2K");
  }

  private render(): void {
    if (!this.enabled) return;
    const parts = [`${this.label} ${this.done}/${this.total}`];
    if (this.active.size > 0) parts.push([...this.active].slice(0, 3).join(", ") + (this.active.size > 3 ? ", …" : ""));
    const left = this.waiting ? this.waiting.until - this.now() : 0;
    if (this.waiting && left > 0) parts.push(`waiting ${formatSeconds(left)} for ${this.waiting.host}`);
    // Source ids and host names are plain ASCII by their schemas and the URL parser; cut to one line anyway.
    const line = parts.join(" · ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "").slice(0, 120);
    this.write(`\r\x1b[2K${line}`);
  }
}
