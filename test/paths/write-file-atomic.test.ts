import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFileAtomic } from "../../src/paths/write-file-atomic.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "claimcheck-atomic-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A seeded generator, so a failure names pieces that can be made again. */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Writes the pieces one by one and reads the file back. */
async function written(name: string, pieces: string[]): Promise<Buffer> {
  const file = path.join(dir, name);
  const out = await openFileAtomic(file);
  for (const piece of pieces) await out.write(piece);
  await out.commit();
  return readFile(file);
}

describe("a report written piece by piece", () => {
  it("has the bytes of its pieces joined and encoded at once: multi-byte characters, surrogate pairs split between pieces, lone halves, pieces larger than a chunk", async () => {
    const next = generator(7);
    const alphabet = ["a", "é", "Ж", "😀", "\uD83D", "\uDE00", "\uD800", "\n", "<"];
    const pieces: string[] = [];
    for (let i = 0; i < 2000; i++) {
      let piece = "";
      const length = Math.floor(next() * 60);
      for (let k = 0; k < length; k++) piece += alphabet[Math.floor(next() * alphabet.length)]!;
      // Now and then a piece far larger than the megabyte gathered before each write.
      pieces.push(next() < 0.005 ? piece.repeat(40_000) : piece);
    }
    // The pair for 😀 split between two pieces, and a last piece ending in a lone first half.
    pieces.push("x\uD83D", "\uDE00y", "z\uD83D");
    const joined = pieces.join("");
    expect(joined.length).toBeGreaterThan(1 << 20);
    expect((await written("mixed.txt", pieces)).equals(Buffer.from(joined, "utf8"))).toBe(true);
  });

  it("leaves nothing beside the file once committed, and nothing at all once discarded", async () => {
    const sub = await mkdtemp(path.join(dir, "clean-"));
    const kept = await openFileAtomic(path.join(sub, "kept.json"));
    await kept.write("{}");
    await kept.commit();
    const dropped = await openFileAtomic(path.join(sub, "dropped.json"));
    await dropped.write("{");
    await dropped.discard();
    expect(await readdir(sub)).toEqual(["kept.json"]);
    expect(await readFile(path.join(sub, "kept.json"), "utf8")).toBe("{}");
  });
});
