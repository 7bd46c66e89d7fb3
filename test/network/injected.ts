/**
 * What network tests inject so that nothing can leave the machine: a resolver that knows a
 * few names and never asks DNS, and a connector that sends the one "public" test address to
 * the fixture server on 127.0.0.1, refuses every other address, and records each address it
 * was asked for, so a test fails if a refused address ever got as far as connecting.
 */
import { buildConnector } from "undici";
import { judgeAddress, refusal } from "../../src/net/address-policy.js";
import type { Connector, Resolver } from "../../src/net/guarded-agent.js";

/** A public address (as the policy judges it) that the test connector routes to the fixture server. */
export const PUBLIC_TEST_ADDRESS = "93.184.215.14";

const NAMES: Record<string, string[]> = {
  "news.example": [PUBLIC_TEST_ADDRESS],
  "metadata.example": ["169.254.169.254"],
  "intranet.example": ["10.1.2.3"],
  "split.example": [PUBLIC_TEST_ADDRESS, "169.254.169.254"],
};

export const testResolver: Resolver = async (name) => {
  const addresses = NAMES[name];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: "ENOTFOUND" });
  return addresses.map((address) => ({ address }));
};

/** A connector that reaches only the fixture server, and records what it was asked for. */
export function loopbackOnlyConnector(port: () => number, allowPrivate: boolean): { connect: Connector; asked: string[]; violations: string[] } {
  const real = buildConnector({});
  const asked: string[] = [];
  const violations: string[] = [];
  const connect: Connector = (options, callback) => {
    asked.push(options.hostname);
    if (refusal(judgeAddress(options.hostname), allowPrivate) !== undefined) {
      violations.push(options.hostname);
      callback(new Error(`the connector was asked for refused address ${options.hostname}`), null);
      return;
    }
    if (options.hostname === PUBLIC_TEST_ADDRESS || options.hostname === "127.0.0.1") {
      real({ ...options, hostname: "127.0.0.1", port: String(port()) }, callback);
      return;
    }
    callback(new Error(`the test connector has no route to ${options.hostname}`), null);
  };
  return { connect, asked, violations };
}
