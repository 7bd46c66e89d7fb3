import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { Agent, buildConnector } from "undici";
import { judgeAddress, refusal } from "./address-policy.js";

/** Resolves a host name to its addresses (the default asks the system's resolver). */
export type Resolver = (hostname: string) => Promise<ReadonlyArray<{ address: string }>>;

/** Opens a connection to `options.hostname`, which the guard has set to a checked address. */
export type Connector = buildConnector.connector;

/** A connection the address policy refused; nothing was sent. */
export class AddressRefusedError extends Error {
  readonly code = "CLAIMCHECK_ADDRESS_REFUSED";
  constructor(
    readonly host: string,
    /** The whole reason, naming the host and the address (`127.0.0.1 is a loopback address, …`). */
    readonly reason: string,
  ) {
    super(reason);
    this.name = "AddressRefusedError";
  }
}

export interface GuardOptions {
  /** Let loopback and private addresses through (never link-local or metadata ones). */
  allowPrivate: boolean;
  /** Longest wait for a connection, headers, or the next piece of a body, in milliseconds. */
  timeoutMs: number;
  /** Replaces the system resolver (tests map names to addresses without DNS). */
  resolve?: Resolver;
  /** Replaces undici's connector (tests watch which addresses would be connected to). */
  connect?: Connector;
}

const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * An undici dispatcher that resolves every host itself, judges every address it resolves
 * to, and connects only to an address it has judged: a name cannot resolve to one address
 * for the check and another for the connection. A host with any refused address is refused
 * as a whole (a name that also points inside the network is not one to trust). Redirects
 * are followed by the caller, one request per hop, so every hop passes through here again.
 */
export function guardedAgent(options: GuardOptions): Agent {
  const resolve = options.resolve ?? systemResolver;
  const inner = options.connect ?? buildConnector({ timeout: options.timeoutMs });
  const connect: Connector = (connectOptions, callback) => {
    checkedAddresses(connectOptions.hostname, resolve, options.allowPrivate).then(
      (addresses) => connectToFirst(inner, connectOptions, addresses, callback),
      (error: Error) => callback(error, null),
    );
  };
  return new Agent({ connect, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs, connectTimeout: options.timeoutMs });
}

/** Every address the host stands for, each judged; throws when any of them is refused. */
export async function checkedAddresses(hostname: string, resolve: Resolver, allowPrivate: boolean): Promise<string[]> {
  const host = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  const addresses = isIP(host) ? [host] : (await resolve(host)).map((a) => a.address);
  if (addresses.length === 0) throw Object.assign(new Error(`${host} has no address`), { code: "ENOTFOUND" });
  for (const address of addresses) {
    const why = refusal(judgeAddress(address), allowPrivate);
    if (why !== undefined) throw new AddressRefusedError(host, address === host ? `${address} is ${why}` : `${host} resolves to ${address}, ${why}`);
  }
  return addresses;
}

/** Tries the checked addresses in the resolver's order until one connects. */
function connectToFirst(inner: Connector, options: buildConnector.Options, addresses: string[], callback: buildConnector.Callback): void {
  const [address, ...rest] = addresses;
  // `host` keeps the name, so TLS still sends it (SNI) and checks the certificate against it.
  inner({ ...options, hostname: address! }, (error, socket) => {
    if (error && rest.length > 0) connectToFirst(inner, options, rest, callback);
    else if (error) callback(error, null);
    else callback(null, socket!);
  });
}
