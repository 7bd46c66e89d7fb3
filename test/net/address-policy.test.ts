import { describe, expect, it } from "vitest";
import { judgeAddress, refusal } from "../../src/net/address-policy.js";

/** How a URL's host reaches the guard: the WHATWG URL parser's canonical form. */
const hostOf = (url: string) => new URL(url).hostname;

describe("judgeAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["93.184.215.14", "public"],
    ["2606:4700:4700::1111", "public"],
    ["127.0.0.1", "private"],
    ["127.8.9.10", "private"],
    ["::1", "private"],
    ["10.20.30.40", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.169.254", "forbidden"],
    ["169.254.0.23", "forbidden"],
    ["169.254.170.2", "forbidden"],
    ["fe80::1", "forbidden"],
    ["fd00:ec2::254", "forbidden"],
    ["fd00:ec2::123", "forbidden"],
    ["100.100.100.200", "forbidden"],
    ["168.63.129.16", "forbidden"],
    ["192.0.0.192", "forbidden"],
    ["0.0.0.0", "forbidden"],
    ["::", "forbidden"],
    ["224.0.0.1", "forbidden"],
    ["255.255.255.255", "forbidden"],
    ["240.0.0.1", "forbidden"],
    ["not an address", "forbidden"],
  ])("%s is %s", (address, expected) => {
    expect(judgeAddress(address).class).toBe(expected);
  });

  it("judges an IPv6 address by the IPv4 address it carries", () => {
    expect(judgeAddress("::ffff:127.0.0.1")).toMatchObject({ class: "private", range: "loopback via ipv4Mapped" });
    expect(judgeAddress("::ffff:7f00:1").class).toBe("private");
    expect(judgeAddress("::ffff:169.254.169.254").class).toBe("forbidden");
    expect(judgeAddress("::ffff:a9fe:a9fe").class).toBe("forbidden");
    expect(judgeAddress("::ffff:8.8.8.8").class).toBe("public");
    // NAT64 reaches the address it embeds; 6to4 and Teredo tunnels are never public, and never lead to metadata.
    expect(judgeAddress("64:ff9b::a9fe:a9fe").class).toBe("forbidden");
    expect(judgeAddress("64:ff9b::808:808").class).toBe("public");
    expect(judgeAddress("2002:a9fe:a9fe::1").class).toBe("forbidden");
    expect(judgeAddress("2002:808:808::1").class).toBe("private");
    // Teredo: the client address is stored inverted (169.254.169.254 → 5601:5601).
    expect(judgeAddress("2001:0:4136:e378:8000:63bf:5601:5601").class).toBe("forbidden");
    expect(judgeAddress("[::1]").class).toBe("private");
  });

  it("reads every spelling of an IPv4 address as the address it is", () => {
    for (const spelling of ["127.1", "0x7f.1", "2130706433", "017700000001", "0x7f000001", "127.0.1"]) {
      expect(judgeAddress(spelling), spelling).toMatchObject({ address: "127.0.0.1", class: "private", range: "loopback" });
    }
    for (const spelling of ["169.254.43518", "2852039166", "0xa9fea9fe", "0251.0376.0251.0376"]) {
      expect(judgeAddress(spelling), spelling).toMatchObject({ address: "169.254.169.254", class: "forbidden", range: "linkLocal" });
    }
  });

  it("gets the same answers for the host names URLs give it", () => {
    expect(hostOf("http://127.1/")).toBe("127.0.0.1");
    expect(hostOf("http://2852039166/")).toBe("169.254.169.254");
    expect(hostOf("http://0xa9.0xfe.0xa9.0xfe/")).toBe("169.254.169.254");
    expect(judgeAddress(hostOf("http://[::ffff:169.254.169.254]/")).class).toBe("forbidden");
    expect(judgeAddress(hostOf("http://0177.0.0.1/")).class).toBe("private");
  });
});

describe("refusal", () => {
  it("lets public addresses through, private ones only with --allow-private, forbidden ones never", () => {
    expect(refusal(judgeAddress("8.8.8.8"), false)).toBeUndefined();
    expect(refusal(judgeAddress("127.0.0.1"), false)).toMatch(/loopback address, refused without --allow-private/);
    expect(refusal(judgeAddress("127.0.0.1"), true)).toBeUndefined();
    expect(refusal(judgeAddress("169.254.169.254"), true)).toMatch(/link-local \(cloud metadata\) address, refused always/);
    expect(refusal(judgeAddress("fd00:ec2::254"), true)).toMatch(/cloud metadata address, refused always/);
  });
});
