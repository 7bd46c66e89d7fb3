import type { ClaimResult, PartResult, TimelineEntry } from "../model/result.js";
import { escapeHtml as t } from "./escape.js";
import { anchor, claimAnchor } from "./html-anchor.js";
import { compareText } from "./order.js";

const WIDTH = 1000;
const LEFT = 28;
const RIGHT = 28;
const TOP = 26;
const LANE = 17;
const MAX_LANES = 14;
const MIN_GAP = 13;
const AXIS_GAP = 20;
/** A stretch of this many years or more without a fact is drawn as a break. */
const MIN_GAP_YEARS = 6;
/** How wide a break is, in years of the plain scale. */
const GAP_WIDTH_YEARS = 1.5;
/** A year with more facts than this is drawn wider, up to MAX_YEAR_WIDTH plain years. */
const FACTS_PER_PLAIN_YEAR = 6;
const MAX_YEAR_WIDTH = 4;

/** A date string at its precision (`2018`, `2018-10`, `2018-10-11`) as a fractional year, at the middle of its span. */
export function fractionalYear(time: string): number | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(time);
  if (match === null) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return year + 0.5;
  const month = Number(match[2]);
  if (match[3] === undefined) return year + (month - 0.5) / 12;
  return year + (month - 1) / 12 + (Number(match[3]) - 0.5) / 365.25;
}

/** Ids (`source/fact`) of facts reported as later developments by any claim's evaluation. */
export function laterFacts(claims: ClaimResult[]): Set<string> {
  const later = new Set<string>();
  const walk = (part: PartResult | undefined): void => {
    if (part === undefined) return;
    for (const ref of part.later) later.add(`${ref.source}/${ref.fact}`);
    for (const sub of part.parts ?? []) walk(sub);
  };
  for (const claim of claims) walk(claim.evaluation);
  return later;
}

export function factAnchor(entry: { source: string; fact: string }): string {
  return `fact-${anchor(entry.source)}--${anchor(entry.fact)}`;
}

/**
 * A year axis that squeezes long stretches without any fact (1976 to 2017, say) into a
 * short break and widens crowded years (up to MAX_YEAR_WIDTH), so the years where facts
 * cluster get the width.
 */
function yearScale(startYear: number, endYear: number, perYear: Map<number, number>) {
  const occupied = { has: (year: number): boolean => (perYear.get(year) ?? 0) > 0 };
  const weights: number[] = [];
  const gaps: Array<{ from: number; to: number; years: number }> = [];
  for (let year = startYear; year < endYear; ) {
    if (occupied.has(year)) {
      weights.push(Math.min(MAX_YEAR_WIDTH, Math.max(1, (perYear.get(year) ?? 0) / FACTS_PER_PLAIN_YEAR)));
      year++;
      continue;
    }
    let next = year;
    while (next < endYear && !occupied.has(next)) next++;
    const length = next - year;
    if (length >= MIN_GAP_YEARS) {
      weights.push(1);
      for (let k = 1; k < length - 1; k++) weights.push(GAP_WIDTH_YEARS / (length - 2));
      weights.push(1);
      gaps.push({ from: year + 1, to: next - 1, years: length });
    } else {
      for (let k = 0; k < length; k++) weights.push(1);
    }
    year = next;
  }
  const offsets: number[] = [0];
  for (const w of weights) offsets.push((offsets.at(-1) ?? 0) + w);
  const total = offsets.at(-1) ?? 1;
  const compressed = (year: number): boolean => gaps.some((gap) => year >= gap.from && year <= gap.to);
  return {
    gaps,
    plainYears: weights.filter((w) => w >= 1).length,
    compressed,
    weight: (year: number): number => weights[year - startYear] ?? 1,
    position(at: number): number {
      const index = Math.min(weights.length - 1, Math.max(0, Math.floor(at) - startYear));
      const within = at - (startYear + index);
      return ((offsets[index] ?? 0) + within * (weights[index] ?? 1)) / total;
    },
  };
}

function tickStep(span: number): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000]) if (span / step <= 12) return step;
  return 1000;
}

/** Dated facts that state one thing at one time, from one or more sources: one mark, one row. */
interface TimelineEvent {
  /** The fragment id of its row: the first fact's anchor. */
  id: string;
  time: string;
  at: number;
  /** What it is, in the registry's words where the result has them. */
  label: string;
  entries: TimelineEntry[];
  /** Claims that use any of its facts, sorted. */
  claims: string[];
  /** Some fact of it is a later development of some claim. */
  later: boolean;
  /** How many of its facts are deprecated statements. */
  deprecated: number;
}

/** Above this many events, the list of events starts folded. */
const OPEN_LIST_LIMIT = 200;

/**
 * Dated facts grouped into events: facts of one event (or of one statement, for facts that
 * are not events) at one time are one event, however many sources state it.
 */
function groupEvents(dated: Array<{ entry: TimelineEntry; at: number }>, later: Set<string>): TimelineEvent[] {
  const byKey = new Map<string, TimelineEvent>();
  for (const { entry, at } of dated) {
    const key = `${entry.time}\u0000${entry.event ?? entry.label ?? entry.statement}`;
    let event = byKey.get(key);
    if (event === undefined) {
      event = { id: factAnchor(entry), time: entry.time, at, label: entry.label ?? entry.statement, entries: [], claims: [], later: false, deprecated: 0 };
      byKey.set(key, event);
    }
    event.entries.push(entry);
    for (const claim of entry.claims) if (!event.claims.includes(claim)) event.claims.push(claim);
    if (later.has(`${entry.source}/${entry.fact}`)) event.later = true;
    if (entry.rank === "deprecated") event.deprecated++;
  }
  for (const event of byKey.values()) event.claims.sort(compareText);
  return [...byKey.values()];
}

/**
 * The timeline: the dated facts as labelled events, each with the claims that use it.
 *
 * An overview on one inline SVG axis, by year, from the earliest to the latest, with one mark
 * per event; each mark is a link to the event's row (keyboard users reach it with Tab) and has
 * a `<title>`. Later developments are diamonds; events whose every statement is deprecated are
 * struck-through rings; the claims' as-of dates are a dashed line. Below it, the events as a
 * list by year: date, label, the sources that state it, and links to the claims that use it
 * (a claim whose check failed says so). The list is the timeline on a phone; the overview is
 * wider than a phone and scrolls sideways in a focusable region, with a hint that says so.
 */
export function timelineSection(timeline: TimelineEntry[], claims: ClaimResult[]): string {
  const dated = timeline
    .map((entry) => ({ entry, at: fractionalYear(entry.time) }))
    .filter((item): item is { entry: TimelineEntry; at: number } => item.at !== undefined);
  if (dated.length === 0) {
    return `<section id="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2><p>No dated facts.</p></section>`;
  }
  const later = laterFacts(claims);
  const events = groupEvents(dated, later);
  const failed = new Set(claims.filter((claim) => claim.status === "fail").map((claim) => claim.id));
  const asOfs = claims.map((claim) => (claim.asOf === undefined ? undefined : fractionalYear(claim.asOf))).filter((x): x is number => x !== undefined);
  const all = [...events.map((e) => e.at), ...asOfs];
  const startYear = Math.floor(all.reduce((a, b) => Math.min(a, b)));
  const endYear = Math.floor(all.reduce((a, b) => Math.max(a, b))) + 1;
  const firstFactYear = Math.floor(events.reduce((a, e) => Math.min(a, e.at), Infinity));
  const lastFactYear = Math.floor(events.reduce((a, e) => Math.max(a, e.at), -Infinity));
  const perYear = new Map<number, number>();
  for (const at of all) perYear.set(Math.floor(at), (perYear.get(Math.floor(at)) ?? 0) + 1);
  const scale = yearScale(startYear, endYear, perYear);
  const x = (at: number): number => LEFT + scale.position(at) * (WIDTH - LEFT - RIGHT);

  // Greedy lanes: each mark goes to the lowest lane whose last mark is far enough left.
  const laneEnds: number[] = [];
  const placed = events.map((event) => {
    const px = x(event.at);
    let lane = laneEnds.findIndex((end) => px - end >= MIN_GAP);
    if (lane === -1) {
      if (laneEnds.length < MAX_LANES) lane = laneEnds.length;
      else lane = laneEnds.indexOf(Math.min(...laneEnds));
    }
    laneEnds[lane] = px;
    return { event, px, lane };
  });
  const lanes = Math.max(1, laneEnds.length);
  const axisY = TOP + lanes * LANE + 6;
  const height = axisY + AXIS_GAP + 12;

  const out: string[] = [];
  out.push(
    `<svg class="tl" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-labelledby="timeline-h timeline-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<desc id="timeline-desc">${events.length} dated events from ${firstFactYear} to ${lastFactYear}. Each mark links to the event in the list below, which names the claims that use it.</desc>`,
  );
  const step = tickStep(scale.plainYears);
  let lastLabel = -Infinity;
  for (let year = startYear; year <= endYear; year++) {
    if (scale.compressed(year)) continue;
    const px = x(year);
    const edge = year === startYear || year === endYear || scale.compressed(year - 1) || scale.compressed(year + 1);
    const wide = scale.weight(year) >= 2;
    if (year % step === 0 || edge || wide) {
      out.push(`<line class="tick" x1="${px.toFixed(1)}" y1="${TOP - 8}" x2="${px.toFixed(1)}" y2="${axisY + 5}"/>`);
      const labelled = year % step === 0 || year === startYear || year === endYear || wide;
      if (labelled && px - lastLabel >= 34 && (year !== endYear || px - lastLabel >= 40)) {
        const anchorAttr = year === startYear ? "start" : year === endYear ? "end" : "middle";
        out.push(`<text x="${px.toFixed(1)}" y="${axisY + AXIS_GAP}" text-anchor="${anchorAttr}">${year}</text>`);
        lastLabel = px;
      }
    } else {
      out.push(`<line class="axis" x1="${px.toFixed(1)}" y1="${axisY - 3}" x2="${px.toFixed(1)}" y2="${axisY + 3}"/>`);
    }
  }
  for (const gap of scale.gaps) {
    const mid = (x(gap.from) + x(gap.to)) / 2;
    out.push(
      `<path class="axis-break" d="M${(mid - 7).toFixed(1)} ${axisY + 6}l6 -12M${(mid + 1).toFixed(1)} ${axisY + 6}l6 -12"/>`,
      `<text class="gap-label" x="${mid.toFixed(1)}" y="${TOP - 2}" text-anchor="middle">${gap.years} years without a fact</text>`,
    );
  }
  out.push(`<line class="axis" x1="${x(startYear).toFixed(1)}" y1="${axisY}" x2="${x(endYear).toFixed(1)}" y2="${axisY}"/>`);

  if (asOfs.length > 0) {
    const first = asOfs.reduce((a, b) => Math.min(a, b));
    const last = asOfs.reduce((a, b) => Math.max(a, b));
    const dates = claims.map((c) => c.asOf).filter((d): d is string => d !== undefined).sort(compareText);
    const firstDate = dates[0] ?? "";
    const lastDate = dates.at(-1) ?? "";
    if (last - first > 0.02) {
      out.push(`<rect class="asof-band" x="${x(first).toFixed(1)}" y="${TOP - 14}" width="${(x(last) - x(first)).toFixed(1)}" height="${axisY - TOP + 14}"/>`);
    }
    const px = x(last).toFixed(1);
    out.push(
      `<line class="asof" x1="${px}" y1="${TOP - 14}" x2="${px}" y2="${axisY}"/>`,
      `<text class="asof-label" x="${px}" y="${TOP - 16}" text-anchor="${x(last) > WIDTH - 160 ? "end" : "start"}">${t(firstDate === lastDate ? `claims as of ${lastDate}` : `claims as of ${firstDate} to ${lastDate}`)}</text>`,
    );
  }

  for (const { event, px, lane } of placed) {
    const cy = TOP + lane * LANE + LANE / 2;
    const deprecated = event.deprecated === event.entries.length;
    const classes = ["mark", deprecated ? "deprecated" : event.later ? "later" : event.claims.length === 0 ? "unused" : ""].filter(Boolean).join(" ");
    const cx = px.toFixed(1);
    let shape: string;
    if (event.later && !deprecated) {
      const r = 6.5;
      shape = `<path class="${classes}" d="M${cx} ${(cy - r).toFixed(1)}L${(px + r).toFixed(1)} ${cy}L${cx} ${(cy + r).toFixed(1)}L${(px - r).toFixed(1)} ${cy}Z"/>`;
    } else {
      shape = `<circle class="${classes}" cx="${cx}" cy="${cy}" r="5.5"/>`;
      if (deprecated) shape += `<line class="strike" x1="${(px - 6).toFixed(1)}" y1="${cy + 6}" x2="${(px + 6).toFixed(1)}" y2="${cy - 6}"/>`;
    }
    out.push(`<a href="#${t(event.id)}"><title>${t(eventTitle(event, failed))}</title>${shape}</a>`);
  }
  out.push(`</svg>`);

  const legend = `<ul class="legend" aria-label="Timeline legend">
<li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5.5" fill="currentColor"/></svg>event a claim uses</li>
<li><svg width="14" height="14" aria-hidden="true"><path d="M7 0.5L13.5 7L7 13.5L0.5 7Z" fill="currentColor"/></svg>later development (after the claim; not deciding)</li>
<li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" stroke-width="2"/><line x1="1" y1="13" x2="13" y2="1" stroke="currentColor" stroke-width="2"/></svg>deprecated statement</li>
<li><svg width="18" height="14" aria-hidden="true"><line x1="9" y1="0" x2="9" y2="14" stroke="currentColor" stroke-dasharray="3 2"/></svg>when the claims were made</li>
</ul>`;

  const list = eventList(events, failed);
  const folded = events.length > OPEN_LIST_LIMIT;
  return `<section id="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>
<p class="tl-hint" id="timeline-hint">The overview is wider than the screen: scroll it sideways, or read the events listed below it.</p>
<div class="tl-scroll" role="region" aria-label="Timeline overview" aria-describedby="timeline-hint" tabindex="0">${out.join("\n")}</div>
${legend}
<h3 class="tl-list-h" id="timeline-events-h">${t(`${events.length} dated events, as the cited sources date them`)}</h3>
${folded ? `<details class="more"><summary>${t(`All ${events.length} events`)}</summary>${list}</details>` : list}
</section>`;
}

/** The events by year: date, label, notes, the sources that state it, the claims that use it. */
function eventList(events: TimelineEvent[], failed: Set<string>): string {
  const years = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    const year = event.time.slice(0, 4);
    const list = years.get(year) ?? [];
    list.push(event);
    years.set(year, list);
  }
  const groups = [...years].map(([year, list]) => {
    const rows = list.map((event) => {
      const notes = eventNotes(event);
      const sources = event.entries.map((e) => `${e.source}/${e.fact}${e.rank === "deprecated" ? " (deprecated)" : ""}`);
      const links = event.claims.map((id) =>
        failed.has(id) ? `<a class="claim-link failed" href="#${t(claimAnchor(id))}">${t(id)} <span class="flag">⚠ check failed</span></a>` : `<a class="claim-link" href="#${t(claimAnchor(id))}">${t(id)}</a>`,
      );
      const classes = ["tl-event", event.later ? "later" : "", event.deprecated === event.entries.length ? "deprecated" : ""].filter(Boolean).join(" ");
      return `<li id="${t(event.id)}" class="${classes}"><span class="when">${t(event.time)}</span><div class="what"><span class="label">${t(event.label)}</span>${
        notes.length > 0 ? ` <em>${t(notes.join("; "))}</em>` : ""
      }<div class="by">${t(sources.length === 1 ? "source: " : `${sources.length} sources: `)}<span class="mono">${t(sources.join(", "))}</span></div><div class="used">${
        links.length === 0 ? "used by no claim" : `used by ${links.join(", ")}`
      }</div></div></li>`;
    });
    return `<li class="tl-year"><span class="year" aria-hidden="true">${t(year)}</span><ol aria-label="${t(year)}">\n${rows.join("\n")}\n</ol></li>`;
  });
  return `<ol class="tl-events" aria-labelledby="timeline-events-h">\n${groups.join("\n")}\n</ol>`;
}

function eventNotes(event: TimelineEvent): string[] {
  const notes: string[] = [];
  if (event.later) notes.push("later development");
  if (event.deprecated === event.entries.length) notes.push("deprecated");
  else if (event.deprecated > 0) notes.push(`${event.deprecated} of ${event.entries.length} statements deprecated`);
  return notes;
}

function eventTitle(event: TimelineEvent, failed: Set<string>): string {
  const notes = eventNotes(event);
  const sources = event.entries.length === 1 ? event.entries[0]!.source : `${event.entries.length} sources`;
  const used = event.claims.map((id) => (failed.has(id) ? `${id} (check failed)` : id));
  return `${event.time}: ${event.label} (${sources}${notes.length > 0 ? `; ${notes.join(", ")}` : ""})${used.length > 0 ? ` — used by ${used.join(", ")}` : " — used by no claim"}`;
}
