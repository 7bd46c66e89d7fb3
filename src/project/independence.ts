import type { GroupLink } from "../model/result.js";
import type { ProjectIndex, SourceRecord } from "./types.js";

/** Sources that are not independent of each other: one group counts as one source. */
export interface IndependenceGroup {
  /** Source ids, in the order they were given. */
  sources: string[];
  /** The outlets whose text the group's sources carry, as the records spell them. */
  outlets: string[];
  /** What ties the sources together; empty for a group of one source. */
  links: GroupLink[];
}

/**
 * Sorts sources into groups of sources that are not independent of each other. Two sources
 * are not independent when they carry one outlet's text (the same container-title, or one
 * is a `mirror-of` the other, by outlet name or by source id), when they share a `network`,
 * or when both are `state-affiliated` with the same state. The relation is closed
 * transitively: a mirror of RT and a TASS report are one group, both being Russian state
 * media. Ids that name no source are left out. Groups come in the order of their first source.
 */
export function independenceGroups(sourceIds: readonly string[], index: ProjectIndex): IndependenceGroup[] {
  const ids = [...new Set(sourceIds)].filter((id) => index.sources.has(id));
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Each key names something a source shares with others; the first source holding a key adopts the rest.
  const holders = new Map<string, number[]>();
  const shown = new Map<string, GroupLink>();
  ids.forEach((id, i) => {
    const own = new Set<string>();
    for (const { key, link } of keysOf(index.sources.get(id)!.data)) {
      if (own.has(key)) continue; // a mirror's container-title and mirror-of usually name one outlet
      own.add(key);
      const list = holders.get(key);
      if (list) {
        list.push(i);
        const a = find(list[0]!);
        const b = find(i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      } else holders.set(key, [i]);
      if (!shown.has(key)) shown.set(key, link);
    }
  });
  const groups = new Map<number, { members: number[]; links: GroupLink[] }>();
  ids.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root) ?? { members: [], links: [] };
    group.members.push(i);
    groups.set(root, group);
  });
  for (const [key, list] of holders) {
    if (list.length < 2) continue;
    groups.get(find(list[0]!))!.links.push(shown.get(key)!);
  }
  return [...groups.values()].map(({ members, links }) => {
    const outlets = new Map<string, string>();
    for (const i of members) {
      const outlet = outletOf(index.sources.get(ids[i]!)!.data, index);
      const key = normalise(outlet);
      if (!outlets.has(key)) outlets.set(key, outlet);
    }
    return { sources: members.map((i) => ids[i]!), outlets: [...outlets.values()], links: dedupeLinks(links) };
  });
}

/**
 * The outlet whose text a source carries: the original of a mirror (the original record's
 * outlet when `mirror-of` names a source id), else its container-title, else its site.
 */
export function outletOf(record: SourceRecord, index?: ProjectIndex): string {
  const original = record["mirror-of"];
  const originalRecord = original === undefined ? undefined : index?.sources.get(original);
  // One step only: an original that is itself a copy names its own original, with no further lookup.
  if (originalRecord && originalRecord.data !== record) return outletOf(originalRecord.data);
  return original ?? record["container-title"] ?? record.publisher ?? hostOf(record.URL) ?? record.id;
}

/** Each record's keys, worked out once: a source is cited by many claims, and each asks. */
const keysByRecord = new WeakMap<SourceRecord, ReadonlyArray<{ key: string; link: GroupLink }>>();

function keysOf(record: SourceRecord): ReadonlyArray<{ key: string; link: GroupLink }> {
  let keys = keysByRecord.get(record);
  if (!keys) keysByRecord.set(record, (keys = keysOfOnce(record)));
  return keys;
}

function keysOfOnce(record: SourceRecord): Array<{ key: string; link: GroupLink }> {
  const keys: Array<{ key: string; link: GroupLink }> = [];
  const outlet = (name: string, by: GroupLink["by"]) => keys.push({ key: `outlet:${normalise(name)}`, link: { by, value: name } });
  const container = record["container-title"];
  if (container !== undefined) outlet(container, "outlet");
  else {
    const host = hostOf(record.URL);
    if (host !== undefined) outlet(host, "outlet");
  }
  const original = record["mirror-of"];
  if (original !== undefined) {
    outlet(original, "mirror-of");
    // mirror-of may name the original's source record by id.
    keys.push({ key: `id:${original}`, link: { by: "mirror-of", value: original } });
  }
  keys.push({ key: `id:${record.id}`, link: { by: "mirror-of", value: record.id } });
  if (record.network !== undefined) keys.push({ key: `network:${record.network}`, link: { by: "network", value: record.network } });
  const state = record["state-affiliated"];
  if (state !== undefined) keys.push({ key: `state:${state}`, link: { by: "state", value: state } });
  return keys;
}

/** Outlet names already normalised: a project names few outlets, and each many times. */
const normalisedNames = new Map<string, string>();

/** Outlet names compare without regard to case, width or runs of spaces: "The  Moscow Times" = "the moscow times". */
function normalise(name: string): string {
  let out = normalisedNames.get(name);
  if (out === undefined) {
    out = name.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
    if (normalisedNames.size < 100_000) normalisedNames.set(name, out);
  }
  return out;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

/** One link per value: a mirror and its original named once, as mirror-of rather than as a shared outlet. */
function dedupeLinks(links: GroupLink[]): GroupLink[] {
  const byValue = new Map<string, GroupLink>();
  for (const link of links) {
    const key = link.by === "network" || link.by === "state" ? `${link.by}\u0000${link.value}` : `outlet\u0000${normalise(link.value)}`;
    const kept = byValue.get(key);
    if (!kept || (kept.by === "outlet" && link.by === "mirror-of")) byValue.set(key, link);
  }
  const out = [...byValue.values()];
  return out.sort((a, b) => (a.by !== b.by ? (a.by < b.by ? -1 : 1) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
