import { describe, expect, it } from "vitest";
import type { NoAnswer, PageReading, StatusAnswer } from "../../src/capture/read-page.js";
import { fullText, textSha256 } from "../../src/capture/snapshot-text.js";
import type { SourceEntry } from "../../src/capture/source-records.js";
import { loadYaml } from "../../src/load/yaml-load.js";
import type { SourceRecord } from "../../src/project/types.js";
import { judgePage } from "../../src/recheck/judge.js";
import { conditionalHeaders, fingerprint } from "../../src/recheck/state.js";

const URL = "https://news.example/heads-meet";
const LINES = ["Agency heads hold first talks since 2018", "The heads met at Kennedy Space Center on July 31."];

function entry(extra = ""): SourceEntry {
  const text = `id: wire\ntype: webpage\ntitle: Wire\nURL: ${URL}\nreliability: wire\n${extra}excerpts:\n  - id: place\n    text: The heads met at Kennedy Space Center on July 31.\n`;
  const loaded = loadYaml("sources/wire.yaml", new TextEncoder().encode(text));
  if (!loaded.ok) throw new Error("fixture does not load");
  return { id: "wire", file: "sources/wire.yaml", record: loaded.doc.data as SourceRecord, doc: loaded.doc };
}

function reading(lines: string[], overrides: Partial<PageReading> = {}): PageReading {
  return { ok: true, status: 200, finalUrl: URL, redirects: [], headers: {}, contentType: "text/html", encoding: "UTF-8", lines, paywalled: false, ...overrides };
}

describe("judgePage", () => {
  it("still says it: every excerpt is there; without a snapshot, whether the text changed is not known", () => {
    const { status, findings } = judgePage(entry(), reading(LINES));
    expect(status).toEqual({ source: "wire", file: "sources/wire.yaml", url: URL, outcome: "still-says-it", httpStatus: 200 });
    expect(findings).toEqual([]);
  });

  it("changed: the text differs from the snapshot's text-sha256, though every excerpt is still there", () => {
    const captured = entry(`snapshot:\n  path: snapshots/wire.txt\n  sha256: ${"a".repeat(64)}\n  mode: excerpts\n  text-sha256: ${textSha256(fullText(LINES))}\n`);
    expect(judgePage(captured, reading(LINES)).status).toMatchObject({ outcome: "still-says-it", textChanged: false });
    const edited = judgePage(captured, reading([...LINES, "A correction was appended."]));
    expect(edited.status).toMatchObject({ outcome: "changed", textChanged: true });
    expect(edited.findings).toEqual([{ messageId: "textChanged", severity: "warning", data: { source: "wire" } }]);
  });

  it("moved: compared with where the capture was read from, not only with the record's URL", () => {
    const captured = entry(`snapshot:\n  path: snapshots/wire.txt\n  sha256: ${"a".repeat(64)}\n  final-URL: https://news.example/2025/heads-meet\n`);
    expect(judgePage(captured, reading(LINES, { finalUrl: "https://news.example/2025/heads-meet" })).status.outcome).toBe("still-says-it");
    const moved = judgePage(captured, reading(LINES, { finalUrl: "https://news.example/archive/heads-meet" }));
    expect(moved.status).toMatchObject({ outcome: "moved", finalUrl: "https://news.example/archive/heads-meet" });
    expect(moved.findings[0]).toMatchObject({ messageId: "moved", severity: "warning" });
  });

  it("gone: a host name that no longer resolves; an error only without an archive-URL", () => {
    const dns: NoAnswer = { ok: false, kind: "failure", reason: "dns", detail: "the host name does not resolve (ENOTFOUND)", finalUrl: URL, redirects: [] };
    expect(judgePage(entry(), dns)).toEqual({
      status: { source: "wire", file: "sources/wire.yaml", url: URL, outcome: "gone", detail: "the host name does not resolve (ENOTFOUND)" },
      findings: [{ messageId: "gone", severity: "error", data: { source: "wire", detail: "the host name does not resolve (ENOTFOUND)" } }],
    });
    const archived = judgePage(entry("archive-URL: https://web.archive.org/web/2025/https://news.example/heads-meet\n"), dns);
    expect(archived.findings).toEqual([
      { messageId: "goneArchived", severity: "warning", data: { source: "wire", detail: "the host name does not resolve (ENOTFOUND)", archive: "https://web.archive.org/web/2025/https://news.example/heads-meet" } },
    ]);
  });

  it("could not check: a 5xx, a temporary DNS failure, a refused address", () => {
    const busy: StatusAnswer = { ok: false, kind: "status", status: 503, finalUrl: URL, redirects: [], headers: {}, detail: "HTTP 503; still failing after 3 tries" };
    expect(judgePage(entry(), busy).status).toMatchObject({ outcome: "could-not-check", httpStatus: 503, detail: "HTTP 503; still failing after 3 tries" });
    for (const reason of ["dns-temporary", "refused", "timeout"] as const) {
      const failure: NoAnswer = { ok: false, kind: "failure", reason, detail: reason, finalUrl: URL, redirects: [] };
      expect(judgePage(entry(), failure).findings, reason).toEqual([{ messageId: "couldNotCheck", severity: "warning", data: { source: "wire", detail: reason } }]);
    }
  });

  it("a paywalled page missing an excerpt cannot be judged; one showing every excerpt still says it", () => {
    expect(judgePage(entry(), reading(["Subscribe to read"], { paywalled: true })).status.outcome).toBe("could-not-check");
    expect(judgePage(entry(), reading(LINES, { paywalled: true })).status.outcome).toBe("still-says-it");
  });
});

describe("the recheck memory", () => {
  it("asks conditionally only while the record is what the remembered reading was made from", () => {
    const judgement = judgePage(entry(), reading(LINES));
    const memory = { etag: '"v1"', lastModified: "Wed, 01 Jan 2026 00:00:00 GMT", fingerprint: fingerprint(entry()), judgement };
    expect(conditionalHeaders(memory, entry())).toEqual({ "if-none-match": '"v1"', "if-modified-since": "Wed, 01 Jan 2026 00:00:00 GMT" });
    const edited = entry();
    edited.record = { ...edited.record, excerpts: [{ id: "place", text: "The heads met in Florida." }] };
    expect(conditionalHeaders(memory, edited)).toEqual({});
    expect(conditionalHeaders(undefined, entry())).toEqual({});
  });
});
