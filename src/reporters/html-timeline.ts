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

/**
 * The dated facts on one inline SVG axis, by year, from the earliest to the latest.
 * Each fact is a mark linked to the claim that uses it (or, when several do, to its row
 * in the list below, which links them all), with a `<title>` for pointer and screen
 * reader. Later developments are diamonds; deprecated statements are struck-through
 * rings; the claims' as-of dates are a dashed line.
 */
export function timelineSection(timeline: TimelineEntry[], claims: ClaimResult[]): string {
  const dated = timeline
    .map((entry) => ({ entry, at: fractionalYear(entry.time) }))
    .filter((item): item is { entry: TimelineEntry; at: number } => item.at !== undefined);
  if (dated.length === 0) {
    return `<section id="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2><p>No dated facts.</p></section>`;
  }
  const later = laterFacts(claims);
  const asOfs = claims.map((claim) => (claim.asOf === undefined ? undefined : fractionalYear(claim.asOf))).filter((x): x is number => x !== undefined);
  const all = [...dated.map((d) => d.at), ...asOfs];
  const startYear = Math.floor(all.reduce((a, b) => Math.min(a, b)));
  const endYear = Math.floor(all.reduce((a, b) => Math.max(a, b))) + 1;
  const firstFactYear = Math.floor(dated.reduce((a, d) => Math.min(a, d.at), Infinity));
  const lastFactYear = Math.floor(dated.reduce((a, d) => Math.max(a, d.at), -Infinity));
  const perYear = new Map<number, number>();
  for (const at of all) perYear.set(Math.floor(at), (perYear.get(Math.floor(at)) ?? 0) + 1);
  const scale = yearScale(startYear, endYear, perYear);
  const x = (at: number): number => LEFT + scale.position(at) * (WIDTH - LEFT - RIGHT);

  // Greedy lanes: each mark goes to the lowest lane whose last mark is far enough left.
  const laneEnds: number[] = [];
  const placed = dated.map(({ entry, at }) => {
    const px = x(at);
    let lane = laneEnds.findIndex((end) => px - end >= MIN_GAP);
    if (lane === -1) {
      if (laneEnds.length < MAX_LANES) lane = laneEnds.length;
      else lane = laneEnds.indexOf(Math.min(...laneEnds));
    }
    laneEnds[lane] = px;
    return { entry, px, lane };
  });
  const lanes = Math.max(1, laneEnds.length);
  const axisY = TOP + lanes * LANE + 6;
  const height = axisY + AXIS_GAP + 12;

  const out: string[] = [];
  out.push(
    `<svg class="tl" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-labelledby="timeline-h timeline-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<desc id="timeline-desc">${dated.length} dated facts from ${firstFactYear} to ${lastFactYear}. Each mark links to the claims that use it.</desc>`,
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

  for (const { entry, px, lane } of placed) {
    const cy = TOP + lane * LANE + LANE / 2;
    const key = `${entry.source}/${entry.fact}`;
    const isLater = later.has(key);
    const deprecated = entry.rank === "deprecated";
    const classes = ["mark", deprecated ? "deprecated" : isLater ? "later" : entry.claims.length === 0 ? "unused" : ""].filter(Boolean).join(" ");
    const notes = [deprecated ? "deprecated" : "", isLater ? "later development" : ""].filter(Boolean);
    const title = `${entry.time}: ${entry.statement} (${entry.source}${notes.length > 0 ? `; ${notes.join(", ")}` : ""})${
      entry.claims.length > 0 ? ` — used by ${entry.claims.join(", ")}` : " — used by no claim"
    }`;
    const cx = px.toFixed(1);
    let shape: string;
    if (isLater && !deprecated) {
      const r = 6.5;
      shape = `<path class="${classes}" d="M${cx} ${(cy - r).toFixed(1)}L${(px + r).toFixed(1)} ${cy}L${cx} ${(cy + r).toFixed(1)}L${(px - r).toFixed(1)} ${cy}Z"/>`;
    } else {
      shape = `<circle class="${classes}" cx="${cx}" cy="${cy}" r="5.5"/>`;
      if (deprecated) shape += `<line class="strike" x1="${(px - 6).toFixed(1)}" y1="${cy + 6}" x2="${(px + 6).toFixed(1)}" y2="${cy - 6}"/>`;
    }
    const href = entry.claims.length === 1 ? `#${claimAnchor(entry.claims[0] ?? "")}` : `#${factAnchor(entry)}`;
    out.push(`<a href="${t(href)}"><title>${t(title)}</title>${shape}</a>`);
  }
  out.push(`</svg>`);

  const legend = `<ul class="legend" aria-label="Timeline legend">
<li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5.5" fill="currentColor"/></svg>fact used by a claim</li>
<li><svg width="14" height="14" aria-hidden="true"><path d="M7 0.5L13.5 7L7 13.5L0.5 7Z" fill="currentColor"/></svg>later development (after the claim; not deciding)</li>
<li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" stroke-width="2"/><line x1="1" y1="13" x2="13" y2="1" stroke="currentColor" stroke-width="2"/></svg>deprecated statement</li>
<li><svg width="18" height="14" aria-hidden="true"><line x1="9" y1="0" x2="9" y2="14" stroke="currentColor" stroke-dasharray="3 2"/></svg>when the claims were made</li>
</ul>`;

  const rows = dated.map(({ entry }) => {
    const key = `${entry.source}/${entry.fact}`;
    const notes = [entry.rank === "deprecated" ? "deprecated" : "", later.has(key) ? "later development" : ""].filter(Boolean);
    const links = entry.claims.map((id) => `<a href="#${t(claimAnchor(id))}">${t(id)}</a>`).join(", ");
    return `<li id="${t(factAnchor(entry))}"><span class="when">${t(entry.time)}</span> ${t(entry.statement)} <span class="mono">(${t(entry.source)}/${t(entry.fact)})</span>${
      notes.length > 0 ? ` <em>${t(notes.join(", "))}</em>` : ""
    } — ${links === "" ? "used by no claim" : `used by ${links}`}</li>`;
  });

  return `<section id="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>
<div class="tl-scroll">${out.join("\n")}</div>
${legend}
<details class="more"${dated.length <= 40 ? " open" : ""}><summary>All ${dated.length} dated facts</summary><ol class="facts">
${rows.join("\n")}
</ol></details></section>`;
}
