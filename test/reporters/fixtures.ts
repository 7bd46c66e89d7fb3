import type { Diagnostic } from "../../src/model/diagnostic.js";
import type { Position } from "../../src/model/position.js";
import type {
  ArticleResult,
  CitationResult,
  ClaimResult,
  EvidenceGroup,
  EvidenceRef,
  PartResult,
  RunResult,
  SentenceResult,
  SourceSummary,
  Summary,
  TimelineEntry,
  Verdict,
} from "../../src/model/result.js";
import { VERDICTS } from "../../src/model/result.js";
import type { SourceKind, Standing } from "../../src/model/source-standing.js";

/**
 * RunResult fixtures for reporter tests, written by hand from the project's research
 * notes (the RT article on Roscosmos and NASA). Every call builds fresh objects, so no
 * test can change another's fixture.
 */

export const ARTICLE_ID = "rt-2025-space-cooperation";

export const HOSTILE_TEXT = `<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">`;

export const ARTICLE_TEXT = `Space: A realm of cooperation for Moscow and Washington
Dmitry Bakanov, the head of Roscosmos, made an official visit to the United States to attend the launch of Russian cosmonaut Oleg Platonov aboard a SpaceX spacecraft and meet with NASA’s acting Administrator Sean Duffy.
The visit is a politically and diplomatically significant event, planned months in advance and requiring high-level approval, especially during the current conflict over Ukraine. It marks the first in-person meeting between the heads of Roscosmos and NASA since 2018.
A planned return visit by Rogozin to the US was blocked in 2018 due to sanctions. His successor, Yury Borisov, didn’t have the opportunity for face-to-face talks due to the Ukraine conflict, with communications limited to phone calls. However, with a new administration possibly coming into power, conditions for engagement have changed.
Despite NASA’s leadership turnover and Duffy’s acting role, the symbolism of the meeting is significant after years of limited communication.
The meeting coincides with the anniversary of the 1975 Apollo-Soyuz mission, highlighting the possibility of collaboration despite geopolitical tensions.
The flight of a Russian cosmonaut on an American spacecraft also emphasizes the potential for collaboration despite conflict. NASA’s increasing reliance on SpaceX rockets, especially after Boeing’s Starliner program delays, further underscores this point.
The Roscosmos visit subtly promotes the idea of cooperation in space. The ISS remains the primary joint project between Russia and the US.
While technical matters were discussed, diplomacy was prioritized. Sergey Krikalev suggested a preliminary agreement to extend ISS operations until 2030. Russia had previously committed to supporting its segment until 2028, while the US has committed to operating its segment until 2030, with a possible extension through 2032.
`;

const pos = (file: string, line: number, column: number, end?: { line: number; column: number }): Position =>
  end === undefined ? { file, line, column } : { file, line, column, endLine: end.line, endColumn: end.column };

const claimFile = (id: string): string => `claims/${ARTICLE_ID}/${id}.yaml`;

interface SourceSeed {
  id: string;
  title: string;
  containerTitle: string;
  url: string;
  archiveUrl?: string;
  issued: string;
  kind: SourceKind;
  standing: Standing;
}

const SOURCES: SourceSeed[] = [
  {
    id: "reuters-2025-07-29-first-talks",
    title: "Russia's Roscosmos, NASA to hold first in-person talks at heads level since 2018, Russia says",
    containerTitle: "Reuters",
    url: "https://www.financetom.com/business/russias-roscosmos-nasa-to-hold-first-inperson-talks-at-heads-level-since-2018-russia-says-407318.htm",
    // An obviously made-up archive address: the fixture needs one to show the link, and we invent no real ones.
    archiveUrl: "https://archive.example.org/financetom-407318",
    issued: "2025-07-29",
    kind: "mirror",
    standing: "use-with-care",
  },
  {
    id: "moscowtimes-2025-02-06-borisov-sacked",
    title: "Putin sacks Roscosmos chief Yury Borisov amid setbacks at space agency",
    containerTitle: "The Moscow Times",
    url: "https://www.themoscowtimes.com/2025/02/06/putin-sacks-roscosmos-chief-yury-borisov-amid-setbacks-at-space-agency-a87881",
    issued: "2025-02-06",
    kind: "newspaper",
    standing: "unassessed",
  },
  {
    id: "spacepolicyonline-2025-07-31-crew-11",
    title: "Crew-11 Must Wait Another Day, While Duffy Meets With Bakanov",
    containerTitle: "SpacePolicyOnline",
    url: "https://spacepolicyonline.com/news/crew-11-must-wait-another-day-while-duffy-meets-with-bakanov",
    issued: "2025-07-31",
    kind: "specialist",
    standing: "generally-reliable",
  },
  {
    id: "particle-2025-08-iss-2028",
    title: "(NASA and Roscosmos extend ISS operations through 2028; Crew-11 docks with ISS — title from URL slug)",
    containerTitle: "particle.news",
    url: "https://particle.news/story/nasa-and-roscosmos-extend-iss-operations-through-2028-crew-11-docks-with-iss",
    issued: "2025-08",
    kind: "aggregator",
    standing: "unreliable",
  },
  {
    id: "spacenews-2019-01-04-rogozin-postponed",
    title: "NASA postpones Rogozin visit",
    containerTitle: "SpaceNews",
    url: "https://spacenews.com/nasa-postpones-rogozin-visit/",
    issued: "2019-01-04",
    kind: "specialist",
    standing: "generally-reliable",
  },
  {
    id: "spacepolicyonline-2025-03-31-butch-suni-starliner",
    title: "Butch and Suni to Meet with Boeing Leadership on Starliner’s Path Forward",
    containerTitle: "SpacePolicyOnline",
    url: "https://spacepolicyonline.com/news/butch-and-suni-to-meet-with-boeing-leadership-on-starliners-path-forward",
    issued: "2025-03-31",
    kind: "specialist",
    standing: "generally-reliable",
  },
  {
    id: "upi-2021-12-31-iss-extended-2030",
    title: "Biden administration extends ISS operations through 2030",
    containerTitle: "UPI",
    url: "https://www.upi.com/Top_News/US/2021/12/31/biden-administration-extends-iss-operations-2030/2361640984601/",
    issued: "2021-12-31",
    kind: "wire-agency",
    standing: "generally-reliable",
  },
  {
    id: "spokesman-2026-03-06-nasa-directive-iss-2032",
    title: "(Congress: updated NASA directive seeks to extend space station)",
    containerTitle: "The Spokesman-Review",
    url: "https://www.spokesman.com/stories/2026/mar/06/congress-updated-nasa-directive-seeks-to-extend-sp/",
    issued: "2026-03-06",
    kind: "newspaper",
    standing: "unassessed",
  },
  {
    id: "satelit-2025-07-17-apollo-soyuz-legacy",
    title: "50 years after a historic handshake in space, the Apollo-Soyuz Test Project’s legacy still resonates",
    containerTitle: "satelit.web.id",
    url: "https://satelit.web.id/2025/07/17/50-years-after-a-historic-handshake-in-space-the-apollo-soyuz-test-projects-legacy-still-resonates.html",
    issued: "2025-07-17",
    kind: "mirror",
    standing: "use-with-care",
  },
];

function citation(sourceId: string, quote: string, line: number, found = true): CitationResult {
  const s = SOURCES.find((source) => source.id === sourceId);
  if (s === undefined) throw new Error(`fixture: no source ${sourceId}`);
  const c: CitationResult = {
    source: s.id,
    quote,
    found,
    title: s.title,
    containerTitle: s.containerTitle,
    url: s.url,
    issued: s.issued,
    kind: s.kind,
    standing: s.standing,
    at: pos("", line, 5),
  };
  if (found) c.excerpt = "e1";
  if (s.archiveUrl !== undefined) c.archiveUrl = s.archiveUrl;
  return c;
}

function evidence(source: string, fact: string, statement: string, time: string, rank: EvidenceRef["rank"] = "normal"): EvidenceRef {
  return { source, fact, statement, time, rank, at: pos(`sources/${source}.yaml`, 20, 5) };
}

function part(kind: PartResult["kind"], expected: string, found: string, verdict: Verdict, ev: EvidenceRef[], later: EvidenceRef[] = [], extra: Partial<PartResult> = {}): PartResult {
  return { kind, expected, found, verdict, evidence: ev, later, ...extra };
}

function diag(ruleId: string, messageId: string, message: string, at: Position, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { ruleId, messageId, data: {}, message, severity: "error", at, docs: `docs/rules/${ruleId}.md`, ...extra };
}

interface ClaimSeed {
  id: string;
  text: string;
  declared: Verdict;
  derived: Verdict;
  rationale: string;
  citations: CitationResult[];
  evaluation: PartResult;
  diagnostics?: Diagnostic[];
}

/** Evidence groups for hand-written claims: one group per outlet (the fixture's sources share none). */
function groupsByOutlet(citations: CitationResult[]): EvidenceGroup[] {
  const groups: EvidenceGroup[] = [];
  citations.forEach((c, i) => {
    const outlet = c.containerTitle ?? c.source;
    const group = groups.find((g) => g.outlets[0] === outlet);
    if (group) {
      if (!group.sources.includes(c.source)) group.sources.push(c.source);
      group.citations.push(i);
    } else groups.push({ sources: [c.source], citations: [i], outlets: [outlet], links: [] });
  });
  return groups;
}

function claim(seed: ClaimSeed): ClaimResult {
  const file = claimFile(seed.id);
  const diagnostics = (seed.diagnostics ?? []).map((d) => ({ ...d, claimId: seed.id }));
  return {
    id: seed.id,
    article: ARTICLE_ID,
    file,
    at: pos(file, 2, 1),
    text: seed.text,
    asOf: "2025-08-02",
    declared: seed.declared,
    derived: seed.derived,
    rationale: seed.rationale,
    status: diagnostics.some((d) => d.severity === "error") ? "fail" : "pass",
    citations: seed.citations.map((c) => ({ ...c, at: { ...c.at, file } })),
    evidenceGroups: groupsByOutlet(seed.citations),
    evaluation: seed.evaluation,
    diagnostics,
  };
}

function realisticClaims(): ClaimResult[] {
  const meeting2018 = evidence("reuters-2025-07-29-first-talks", "meeting-2018", "rogozin-bridenstine-2018 date 2018-10 at baikonur", "2018-10");
  const meeting2025 = evidence("spacepolicyonline-2025-07-31-crew-11", "meeting-2025", "bakanov-duffy-2025 date 2025-07-31 at kennedy-space-center", "2025-07-31");
  return [
    claim({
      id: "c01-bakanov-head-of-roscosmos",
      text: "Dmitry Bakanov, the head of Roscosmos, made an official visit to the United States to attend the launch of Russian cosmonaut Oleg Platonov aboard a SpaceX spacecraft and meet with NASA’s acting Administrator Sean Duffy.",
      declared: "supported",
      derived: "supported",
      rationale: "Putin appointed Bakanov on 6 February 2025; he met Duffy at Kennedy Space Center on 31 July 2025 around the Crew-11 launch.",
      citations: [
        citation("moscowtimes-2025-02-06-borisov-sacked", "President Vladimir Putin dismissed Roscosmos chief Yury Borisov, the Kremlin said Thursday", 8),
        citation("spacepolicyonline-2025-07-31-crew-11", "Acting NASA Administrator Sean Duffy was at the attempted launch and met with his Russian counterpart, Roscosmos Director General Dmitry Bakanov.", 12),
      ],
      evaluation: part("all", "every part holds", "every part holds", "supported", [], [], {
        parts: [
          part("date", "bakanov head-of roscosmos before 2025-08-02", "since 2025-02-06", "supported", [
            evidence("moscowtimes-2025-02-06-borisov-sacked", "bakanov-appointed", "bakanov head-of roscosmos from 2025-02-06", "2025-02-06"),
          ]),
          part("value", "meeting participants include duffy", "bakanov, duffy", "supported", [meeting2025]),
        ],
      }),
    }),
    claim({
      id: "c04-first-meeting-since-2018",
      text: "It marks the first in-person meeting between the heads of Roscosmos and NASA since 2018.",
      declared: "supported",
      derived: "supported",
      rationale: "Reuters reports the last heads-level meeting was Rogozin and Bridenstine at Baikonur in October 2018; none is recorded in between.",
      citations: [citation("reuters-2025-07-29-first-talks", "the last meeting between the heads of Roscosmos and NASA took place in October 2018", 14)],
      evaluation: part("first-since", "first heads-meeting since 2018", "previous heads-meeting 2018-10 (rogozin-bridenstine-2018), stated by Reuters", "supported", [meeting2018, meeting2025]),
    }),
    claim({
      id: "c05-rogozin-visit-blocked-2018",
      text: "A planned return visit by Rogozin to the US was blocked in 2018 due to sanctions.",
      declared: "supported",
      derived: "mixed",
      rationale: "The visit was cancelled over sanctions.",
      citations: [citation("spacenews-2019-01-04-rogozin-postponed", "NASA said Jan. 4 it is delaying a planned visit to the United States by Dmitry Rogozin", 9)],
      evaluation: part("all", "cause is sanctions and year is 2018", "cause holds; the visit was called off on 2019-01-04", "mixed", [], [], {
        parts: [
          part("value", "rogozin-visit cancelled-because sanctions", "sanctions", "supported", [
            evidence("spacenews-2019-01-04-rogozin-postponed", "visit-cause", "rogozin-visit cancelled-because sanctions", "2019-01-04"),
          ]),
          part("date", "rogozin-visit cancelled in 2018", "2019-01-04", "refuted", [
            evidence("spacenews-2019-01-04-rogozin-postponed", "visit-postponed", "rogozin-visit cancelled 2019-01-04", "2019-01-04"),
          ]),
        ],
      }),
      diagnostics: [
        diag("assertion-holds", "verdictMismatch", "declared verdict supported, but the cited facts derive mixed: rogozin-visit cancelled 2019-01-04, not in 2018", pos(claimFile("c05-rogozin-visit-blocked-2018"), 4, 10, { line: 4, column: 19 }), {
          data: { declared: "supported", derived: "mixed" },
        }),
      ],
    }),
    claim({
      id: "c08-apollo-soyuz-anniversary",
      text: "The meeting coincides with the anniversary of the 1975 Apollo-Soyuz mission, highlighting the possibility of collaboration despite geopolitical tensions.",
      declared: "mixed",
      derived: "mixed",
      rationale: "The 50th anniversary fell on 15–17 July 2025; the meeting was two weeks later.",
      citations: [citation("satelit-2025-07-17-apollo-soyuz-legacy", "On July 17, 1975, an American Apollo crew and a Soviet Soyuz crew met up in Earth orbit for the first time", 10)],
      evaluation: part("date", "meeting within 7 days of apollo-soyuz anniversary (50 years)", "14 days after 2025-07-17", "mixed", [
        evidence("satelit-2025-07-17-apollo-soyuz-legacy", "docking-1975", "apollo-soyuz docking 1975-07-17", "1975-07-17"),
        meeting2025,
      ]),
      diagnostics: [
        diag("archive-url", "missing", "source satelit-2025-07-17-apollo-soyuz-legacy has no archive-URL", pos("sources/satelit-2025-07-17-apollo-soyuz-legacy.yaml", 7, 1), {
          severity: "warning",
          data: { source: "satelit-2025-07-17-apollo-soyuz-legacy" },
        }),
      ],
    }),
    claim({
      id: "c10-starliner-delays",
      text: "NASA’s increasing reliance on SpaceX rockets, especially after Boeing’s Starliner program delays, further underscores this point.",
      declared: "supported",
      derived: "supported",
      rationale: "Starliner's crewed test launched on 5 June 2024; its crew came home on Crew-9 on 18 March 2025; Starliner will not fly crew before 2026.",
      citations: [citation("spacepolicyonline-2025-03-31-butch-suni-starliner", "five of Starliner’s 28 Reaction Control System (RCS) thrusters malfunctioned and several helium leaks were observed", 11)],
      evaluation: part("all", "Starliner delayed and crew returned on SpaceX", "both hold", "supported", [
        evidence("spacepolicyonline-2025-03-31-butch-suni-starliner", "cft-launch", "starliner-cft launched 2024-06-05", "2024-06-05"),
        evidence("spacepolicyonline-2025-03-31-butch-suni-starliner", "crew-return", "butch-and-suni returned-on crew-9", "2025-03-18"),
      ], [evidence("spacepolicyonline-2025-03-31-butch-suni-starliner", "next-flight", "starliner next-crewed-flight not before 2026", "2026")]),
    }),
    claim({
      id: "c12-krikalev-2030",
      text: "Sergey Krikalev suggested a preliminary agreement to extend ISS operations until 2030.",
      declared: "mixed",
      derived: "mixed",
      rationale: "Krikalev spoke of joint deorbit work to at least 2030; operations were agreed to 2028.",
      citations: [citation("particle-2025-08-iss-2028", "agreed to operate the ISS through 2028 with deorbit planning until 2030", 12, false)],
      evaluation: part("value", "iss operations-agreed-until 2030", "2028", "mixed", [
        evidence("particle-2025-08-iss-2028", "ops-2028", "iss operations-agreed-until 2028", "2025-07-31"),
      ]),
      diagnostics: [
        diag("quote-found", "notFound", "quote not found in particle-2025-08-iss-2028: closest excerpt differs at “with deorbit planning”", pos(claimFile("c12-krikalev-2030"), 9, 12, { line: 9, column: 82 }), {
          data: { source: "particle-2025-08-iss-2028" },
        }),
      ],
    }),
    claim({
      id: "c14-commitment-years",
      text: "Russia had previously committed to supporting its segment until 2028, while the US has committed to operating its segment until 2030, with a possible extension through 2032.",
      declared: "mixed",
      derived: "mixed",
      rationale: "2028 and 2030 hold; the 2032 extension first appears in a Senate bill of March 2026, after the article.",
      citations: [
        citation("upi-2021-12-31-iss-extended-2030", "The Biden administration has extended operations on theInternational Space Station through 2030", 10),
        citation("spokesman-2026-03-06-nasa-directive-iss-2032", "extending the life of the space station from 2030 to 2032", 10),
      ],
      evaluation: part("all", "2028, 2030 and 2032 all hold as of 2025-08-02", "two hold, one has no evidence as of the claim", "mixed", [], [], {
        parts: [
          part("value", "russian-iss-segment committed-until 2028", "2028", "supported", [
            evidence("reuters-2025-07-29-first-talks", "russia-2028", "russian-iss-segment committed-until 2028", "2023-04-12"),
          ], [], { id: "russia-2028" }),
          part("value", "us-iss-segment committed-until 2030", "2030", "supported", [
            evidence("upi-2021-12-31-iss-extended-2030", "us-2030", "us-iss-segment committed-until 2030", "2021-12-31"),
          ], [], { id: "us-2030" }),
          part("value", "us-iss-segment possible-extension 2032", "no fact as of 2025-08-02", "unverifiable", [], [
            evidence("spokesman-2026-03-06-nasa-directive-iss-2032", "bill-2032", "us-iss-segment proposed-extension-until 2032", "2026-03-06"),
          ], { id: "us-2032", expect: "unverifiable" }),
        ],
      }),
    }),
  ];
}

function realisticTimeline(): TimelineEntry[] {
  /** `labelled` gives the registry's words (labels from this repository's sources/entities.yaml); `event` the event's id. */
  const entry = (source: string, fact: string, statement: string, time: string, claims: string[], rank: TimelineEntry["rank"] = "normal", labelled: { event?: string; label?: string } = {}): TimelineEntry => ({
    source,
    fact,
    statement,
    time,
    rank,
    claims,
    ...labelled,
  });
  const meeting2025 = { event: "bakanov-duffy-2025", label: "Bakanov–Duffy meeting, Kennedy Space Center, 31 July 2025" };
  return [
    entry("satelit-2025-07-17-apollo-soyuz-legacy", "docking-1975", "apollo-soyuz docking", "1975-07-17", ["c08-apollo-soyuz-anniversary"], "normal", { event: "apollo-soyuz-docking", label: "Apollo–Soyuz docking and handshake, 17 July 1975" }),
    entry("reuters-2025-07-29-first-talks", "meeting-2018", "Rogozin–Bridenstine meeting at Baikonur", "2018-10", ["c04-first-meeting-since-2018"], "normal", { event: "rogozin-bridenstine-2018", label: "Rogozin–Bridenstine meeting at Baikonur, October 2018" }),
    entry("spacenews-2019-01-04-rogozin-postponed", "visit-postponed", "NASA postpones Rogozin's visit", "2019-01-04", ["c05-rogozin-visit-blocked-2018"], "normal", { event: "rogozin-visit-cancellation", label: "NASA postpones (rescinds) Rogozin's planned US visit, 4 January 2019" }),
    entry("upi-2021-12-31-iss-extended-2030", "us-2030", "US commits to the ISS until 2030", "2021-12-31", ["c14-commitment-years"], "normal", { label: "US segment of the ISS (US participation) — committed to operate until (year): 2030" }),
    // Written before results carried labels: the report falls back on the statement.
    entry("reuters-2025-07-29-first-talks", "russia-2028", "Russia commits its segment until 2028", "2023-04-12", ["c14-commitment-years"]),
    entry("spacepolicyonline-2025-03-31-butch-suni-starliner", "cft-launch", "Starliner crewed test launches", "2024-06-05", ["c10-starliner-delays"], "normal", { event: "starliner-cft", label: "Boeing Starliner Crew Flight Test, launched 5 June 2024" }),
    entry("moscowtimes-2025-02-06-borisov-sacked", "bakanov-appointed", "Bakanov appointed head of Roscosmos", "2025-02-06", ["c01-bakanov-head-of-roscosmos"], "normal", { event: "bakanov-appointment-2025", label: "Putin appoints Bakanov head of Roscosmos, 6 February 2025" }),
    entry("spacepolicyonline-2025-03-31-butch-suni-starliner", "crew-return", "Starliner crew returns on Crew-9", "2025-03-18", ["c10-starliner-delays"], "normal", { event: "wilmore-williams-return", label: "Return of Wilmore and Williams to Earth aboard Crew-9, 18 March 2025" }),
    // Two sources on one event, one of them wrong about the place: one event, one statement deprecated.
    entry("particle-2025-08-iss-2028", "meeting-houston", "Bakanov–Duffy meeting in Houston", "2025-07-31", [], "deprecated", meeting2025),
    entry("spacepolicyonline-2025-07-31-crew-11", "meeting-2025", "Bakanov–Duffy meeting at Kennedy Space Center", "2025-07-31", ["c01-bakanov-head-of-roscosmos", "c04-first-meeting-since-2018", "c08-apollo-soyuz-anniversary"], "normal", meeting2025),
    entry("particle-2025-08-iss-2028", "ops-2028", "ISS operations agreed until 2028", "2025-07-31", ["c12-krikalev-2030"], "normal", { label: "International Space Station — agreed to operate the station until (year): 2028" }),
    entry("spacepolicyonline-2025-03-31-butch-suni-starliner", "next-flight", "Starliner's next crewed flight not before 2026", "2026", ["c10-starliner-delays"], "normal", { label: "Boeing CST-100 Starliner — next flight no earlier than: 2026" }),
    entry("spokesman-2026-03-06-nasa-directive-iss-2032", "bill-2032", "Senate bill proposes the ISS until 2032", "2026-03-06", ["c14-commitment-years"], "normal", { label: "US segment of the ISS (US participation) — an extension proposed until (year): 2032" }),
    entry("spokesman-2026-03-06-nasa-directive-iss-2032", "end-2032", "proposed end of ISS operations", "2032", ["c14-commitment-years"]),
  ];
}

const OPINIONS: Array<[string, string]> = [
  ["The Roscosmos visit subtly promotes the idea of cooperation in space.", "characterisation of intent"],
  ["Despite NASA’s leadership turnover and Duffy’s acting role, the symbolism of the meeting is significant after years of limited communication.", "judgement of significance"],
];
const NOT_CHECKED: Array<[string, string]> = [
  ["However, with a new administration possibly coming into power, conditions for engagement have changed.", "translation artefact; Trump had been in office since January 2025"],
];

/** Splits text into sentences with UTF-16 offsets: at `.`, `!`, `?` or a line end. */
export function splitSentences(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  const re = /[^\s][^\n]*?(?:[.!?](?=\s|$)|(?=\n)|$)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === "") {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

export function buildArticle(text: string, claims: ClaimResult[]): ArticleResult {
  const sentences: SentenceResult[] = splitSentences(text).map(({ start, end, text: sentence }, index) => {
    const claimed = claims.filter((c) => c.text === sentence);
    if (claimed.length > 0) {
      const first = claimed[0] as ClaimResult;
      const s: SentenceResult = { start, end, kind: "claim", claims: claimed.map((c) => c.id) };
      const verdict = first.derived ?? first.declared;
      if (verdict !== undefined) s.verdict = verdict;
      return s;
    }
    const opinion = OPINIONS.find(([o]) => o === sentence);
    if (opinion !== undefined) return { start, end, kind: "opinion", claims: [], reason: opinion[1] };
    const notChecked = NOT_CHECKED.find(([o]) => o === sentence);
    if (notChecked !== undefined) return { start, end, kind: "not-checked", claims: [], reason: notChecked[1] };
    if (index === 0) return { start, end, kind: "not-checked", claims: [], reason: "headline" };
    return { start, end, kind: "uncovered", claims: [] };
  });
  const count = (kind: SentenceResult["kind"]): number => sentences.filter((s) => s.kind === kind).length;
  return {
    id: ARTICLE_ID,
    title: "Space: A realm of cooperation for Moscow and Washington",
    source: ARTICLE_ID,
    url: "https://phnewlook.com/?p=61891",
    text,
    sentences,
    coverage: {
      sentences: sentences.length,
      claim: count("claim"),
      opinion: count("opinion"),
      notChecked: count("not-checked"),
      uncovered: count("uncovered"),
    },
  };
}

/** The article's own source record: a copy of RT's text on another site (research notes, evidence.md). */
const ARTICLE_SOURCE: SourceSummary = {
  id: ARTICLE_ID,
  file: `sources/${ARTICLE_ID}.yaml`,
  title: "Space: A realm of cooperation for Moscow and Washington",
  containerTitle: "RT",
  url: "https://phnewlook.com/?p=61891",
  kind: "mirror",
  standing: "unreliable",
  stateAffiliated: "RU",
  mirrorOf: "RT",
  citedBy: [],
};

function sourceSummaries(claims: ClaimResult[]): SourceSummary[] {
  const cited = SOURCES.map((s) => {
    const summary: SourceSummary = {
      id: s.id,
      file: `sources/${s.id}.yaml`,
      title: s.title,
      containerTitle: s.containerTitle,
      url: s.url,
      issued: s.issued,
      kind: s.kind,
      standing: s.standing,
      citedBy: claims.filter((c) => c.citations.some((cit) => cit.source === s.id)).map((c) => c.id),
    };
    if (s.archiveUrl !== undefined) summary.archiveUrl = s.archiveUrl;
    return summary;
  });
  return [...cited, { ...ARTICLE_SOURCE }].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const RULES = [
  { id: "archive-url", description: "A source record should carry an archive-URL, so the evidence survives link rot.", severity: "warning" as const, docs: "docs/rules/archive-url.md" },
  { id: "assertion-holds", description: "The verdict derived from the cited facts equals the declared verdict.", severity: "error" as const, docs: "docs/rules/assertion-holds.md" },
  { id: "citation-required", description: "Every claim cites at least one source.", severity: "error" as const, docs: "docs/rules/citation-required.md" },
  { id: "orphan-source", description: "A source record that no claim cites.", severity: "warning" as const, docs: "docs/rules/orphan-source.md" },
  { id: "quote-found", description: "Every quote is found verbatim in its source's excerpts or snapshot.", severity: "error" as const, docs: "docs/rules/quote-found.md" },
];

/** Counts derived from claims and diagnostics, the way the engine counts them. */
export function summarize(claims: ClaimResult[], diagnostics: Diagnostic[], files: number): Summary {
  const declared = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const derived = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const c of claims) {
    if (c.declared !== undefined) declared[c.declared]++;
    if (c.derived !== undefined) derived[c.derived]++;
  }
  return {
    claims: claims.length,
    passed: claims.filter((c) => c.status === "pass").length,
    failed: claims.filter((c) => c.status === "fail").length,
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
    files,
    declared,
    derived,
  };
}

function allDiagnostics(claims: ClaimResult[], others: Diagnostic[]): Diagnostic[] {
  return [...claims.flatMap((c) => c.diagnostics), ...others].sort(
    (a, b) => (a.at.file < b.at.file ? -1 : a.at.file > b.at.file ? 1 : a.at.line - b.at.line || a.at.column - b.at.column),
  );
}

/**
 * A realistic run over the article: seven claims (two failing), fourteen dated facts from
 * 1975 to 2032, the article with its sentences accounted for. Overrides replace whole
 * top-level fields; `summary` and `diagnostics` are recomputed from the claims unless given.
 */
export function makeResult(overrides: Partial<RunResult> & { otherDiagnostics?: Diagnostic[] } = {}): RunResult {
  const { otherDiagnostics, ...fields } = overrides;
  const claims = fields.claims ?? realisticClaims();
  const others = otherDiagnostics ?? [
    { ruleId: "orphan-source", messageId: "uncited", data: { source: "satelit-apollo-soyuz-duplicate" }, message: "source satelit-apollo-soyuz-duplicate is cited by no claim", severity: "warning", at: pos("sources/satelit-apollo-soyuz-duplicate.yaml", 1, 1), docs: "docs/rules/orphan-source.md" },
  ];
  const diagnostics = fields.diagnostics ?? allDiagnostics(claims, others);
  const base: RunResult = {
    schemaVersion: 1,
    tool: { name: "claimcheck", version: "0.1.0" },
    summary: summarize(claims, diagnostics, claims.length + SOURCES.length + 2),
    articles: [buildArticle(ARTICLE_TEXT, claims)],
    claims,
    sources: sourceSummaries(claims),
    timeline: realisticTimeline(),
    rules: RULES.map((r) => ({ ...r })),
    diagnostics,
  };
  return { ...base, ...fields, diagnostics, summary: fields.summary ?? base.summary };
}

/** A claim whose every field tries to break out of the markup it lands in. */
export function hostileClaim(): ClaimResult {
  const id = "c99-hostile";
  const file = `claims/${ARTICLE_ID}/${id}.yaml`;
  const hostileData = `</details><script>alert(1)</script> | @octocat \`tick\` ]]> -- %0A\r\n::error::x,y:z \u0000\u0007 \uD800 &amp;`;
  const d: Diagnostic = {
    ruleId: "quote-found",
    messageId: "notFound",
    data: { quote: hostileData },
    message: `quote not found: ${hostileData}`,
    severity: "error",
    at: pos(file, 7, 3, { line: 7, column: 40 }),
    claimId: id,
    docs: "docs/rules/quote-found.md",
    related: [{ message: `closest: ${HOSTILE_TEXT}`, at: pos("sources/evil.yaml", 3, 1) }],
  };
  return {
    id,
    article: ARTICLE_ID,
    file,
    at: pos(file, 2, 1),
    text: HOSTILE_TEXT,
    asOf: "2025-08-02",
    declared: "refuted",
    derived: "unverifiable",
    rationale: `<b>bold</b> ${hostileData}`,
    status: "fail",
    citations: [
      {
        source: "evil",
        quote: `"><svg onload=alert(1)> ${HOSTILE_TEXT}`,
        found: false,
        title: `<iframe src="javascript:alert(1)">`,
        url: "javascript:window.__pwned=3",
        archiveUrl: `https://example.org/"><script>window.__pwned=4</script>`,
        kind: "mirror",
        standing: "unreliable",
        stateAffiliated: `<b>RU</b>`,
        network: `net"><script>window.__pwned=6</script>`,
        at: pos(file, 6, 5),
      },
    ],
    evidenceGroups: [
      {
        sources: ["evil"],
        citations: [0],
        outlets: [`<script>window.__pwned=7</script>*Outlet*|x`],
        links: [
          { by: "mirror-of", value: `](javascript:alert(1)) @everyone` },
          { by: "state", value: `<b>RU</b>` },
        ],
      },
    ],
    evaluation: part("value", `<img src=x onerror=alert(1)>`, `</script><script>window.__pwned=5</script>`, "unverifiable", [
      {
        source: "evil",
        fact: "f<1>",
        statement: HOSTILE_TEXT,
        time: "2025",
        rank: "normal",
        at: pos("sources/evil.yaml", 9, 5),
        excerpt: "]]><!-- -->",
        inferred: { fields: ["date", HOSTILE_TEXT], reason: HOSTILE_TEXT },
      },
    ]),
    diagnostics: [d],
  };
}

/** The realistic run plus the hostile claim, a hostile finding outside claims and a hostile timeline entry. */
export function makeHostileResult(): RunResult {
  const claims = [...realisticClaims(), hostileClaim()];
  const hostileOther: Diagnostic = {
    ruleId: "schema",
    messageId: "unknownKey",
    data: { key: `citaton"<x>` },
    message: `unknown key "citaton<img src=x onerror=alert(1)>" — did you mean "citations"?`,
    severity: "error",
    at: pos("sources/evil, with: comma.yaml", 2, 1),
  };
  const result = makeResult({ claims, otherDiagnostics: [hostileOther] });
  result.timeline.push({ source: "evil", fact: "f<1>", statement: HOSTILE_TEXT, time: "2025", rank: "normal", claims: ["c99-hostile"] });
  // The registry's words arrive in pull requests too: an event id and a label that try to break out.
  result.timeline.push({ source: "evil", fact: "f<2>", statement: "an event", time: "2025-01", rank: "normal", claims: ["c99-hostile"], event: `e"><script>window.__pwned=9</script>`, label: `label ${HOSTILE_TEXT}` });
  result.timeline.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return result;
}
