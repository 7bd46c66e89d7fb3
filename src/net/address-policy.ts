import ipaddr from "ipaddr.js";

/**
 * Which addresses `capture` and `recheck` may connect to. Source URLs come from pull
 * requests by strangers, so a URL must never make the tool reach into the machine or the
 * network it runs in.
 *
 * - `public`: a globally routable unicast address. Always allowed.
 * - `private`: loopback, RFC 1918, unique-local, carrier-grade NAT and the other special
 *   ranges a site on the internet never has. Refused unless `--allow-private` (the tests use
 *   it with a local server).
 * - `forbidden`: link-local (where cloud metadata services answer), the known metadata
 *   addresses, unspecified, multicast, broadcast and reserved ranges. Refused always.
 *
 * Addresses are parsed by ipaddr.js, never compared as strings, so `127.1`, `2130706433`,
 * `0x7f.0.0.1` and `::ffff:127.0.0.1` all land in the range they really are in. An IPv6
 * address that carries an IPv4 address (mapped, NAT64, 6to4, Teredo) is judged by the
 * stricter of the two.
 */
export type AddressClass = "public" | "private" | "forbidden";

export interface AddressJudgement {
  /** The address as ipaddr.js writes it. */
  address: string;
  class: AddressClass;
  /** The named range it falls in (`loopback`, `linkLocal`, `metadata`, `unicast`, …). */
  range: string;
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
const v4 = (text: string, bits: number): Range => [ipaddr.IPv4.parse(text), bits];
const v6 = (text: string, bits: number): Range => [ipaddr.IPv6.parse(text), bits];

/**
 * Cloud metadata and host-only service addresses outside the link-local ranges (which are
 * forbidden as a whole): AWS's IPv6 instance metadata and services (fd00:ec2::/32),
 * Alibaba Cloud's metadata (100.100.100.200), Azure's WireServer (168.63.129.16), Oracle
 * Cloud's older metadata address (192.0.0.192).
 */
const METADATA: Record<string, Range[]> = {
  metadata: [v6("fd00:ec2::", 32), v4("100.100.100.200", 32), v4("168.63.129.16", 32), v4("192.0.0.192", 32)],
};

/** ipaddr.js range names that are refused always. */
const FORBIDDEN_RANGES = new Set(["unspecified", "broadcast", "multicast", "linkLocal", "reserved", "discard"]);

const ORDER: Record<AddressClass, number> = { public: 0, private: 1, forbidden: 2 };

/** Judges one IP address (v4 or v6, any form ipaddr.js reads). Something that is not an address is forbidden. */
export function judgeAddress(text: string): AddressJudgement {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(bare);
  } catch {
    return { address: text, class: "forbidden", range: "not-an-address" };
  }
  const own = judgeParsed(parsed);
  if (parsed.kind() !== "ipv6") return own;
  const ipv6 = parsed as ipaddr.IPv6;
  const embedded = embeddedIPv4(ipv6).map(judgeParsed);
  // A mapped or NAT64 address is the IPv4 address it carries; a tunnel (6to4, Teredo) is
  // judged by the stricter of itself and the addresses it leads to.
  const tunnel = ipv6.range() === "6to4" || ipv6.range() === "teredo";
  let verdict: AddressJudgement = tunnel || embedded.length === 0 ? own : { ...own, class: "public", range: "unicast" };
  for (const inner of embedded) {
    if (ORDER[inner.class] >= ORDER[verdict.class]) verdict = { address: own.address, class: inner.class, range: `${inner.range} via ${own.range}` };
  }
  return verdict;
}

function judgeParsed(parsed: ipaddr.IPv4 | ipaddr.IPv6): AddressJudgement {
  const address = parsed.toString();
  if (ipaddr.subnetMatch(parsed, METADATA, "none") === "metadata") return { address, class: "forbidden", range: "metadata" };
  const range = parsed.range();
  if (range === "unicast") return { address, class: "public", range };
  return { address, class: FORBIDDEN_RANGES.has(range) ? "forbidden" : "private", range };
}

/**
 * IPv4 addresses an IPv6 address leads to: IPv4-mapped and -translated (`::ffff:a.b.c.d`),
 * NAT64 (`64:ff9b::a.b.c.d`), 6to4 (`2002:aabb:ccdd::`) and Teredo (server and client).
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const parts = address.parts;
  const fromWords = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (address.range()) {
    case "ipv4Mapped":
    case "rfc6145":
    case "rfc6052":
      return [fromWords(parts[6]!, parts[7]!)];
    case "6to4":
      return [fromWords(parts[1]!, parts[2]!)];
    case "teredo":
      return [fromWords(parts[2]!, parts[3]!), fromWords(parts[6]! ^ 0xffff, parts[7]! ^ 0xffff)];
    default:
      // `::a.b.c.d` (IPv4-compatible, deprecated) is read by ipaddr.js as mapped; nothing else embeds one.
      return [];
  }
}

/** Why an address is refused (`a loopback address, refused without --allow-private`), or undefined when it may be connected to. */
export function refusal(judgement: AddressJudgement, allowPrivate: boolean): string | undefined {
  if (judgement.class === "public") return undefined;
  if (judgement.class === "private" && allowPrivate) return undefined;
  return `a ${describeRange(judgement.range)} address, refused ${judgement.class === "forbidden" ? "always" : "without --allow-private"}`;
}

function describeRange(range: string): string {
  const words: Record<string, string> = {
    metadata: "cloud metadata",
    linkLocal: "link-local (cloud metadata)",
    loopback: "loopback",
    private: "private",
    uniqueLocal: "unique-local (private)",
    carrierGradeNat: "carrier-grade NAT (private)",
    unspecified: "unspecified",
    multicast: "multicast",
    broadcast: "broadcast",
  };
  const base = range.split(" via ")[0]!;
  return words[base] ?? `special-purpose (${range})`;
}
