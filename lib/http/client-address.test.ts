import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, parseTrustedProxies, throttleKey } from "./client-address";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8");

describe("normalizeAddress", () => {
  it("unwraps IPv4-mapped IPv6, brackets and ports; rejects garbage", () => {
    expect(normalizeAddress("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("192.0.2.7:5000")).toBe("192.0.2.7");
    expect(normalizeAddress(" 2001:DB8::A ")).toBe("2001:db8::a");
    expect(normalizeAddress("unknown")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("matches addresses and CIDR ranges of both families", () => {
    expect(proxies.check("127.0.0.1")).toBe(true);
    expect(proxies.check("10.200.3.4")).toBe(true);
    expect(proxies.check("11.0.0.1")).toBe(false);
    expect(proxies.check("fd12::1")).toBe(true);
    expect(proxies.check("2001:db8::1")).toBe(false);
    expect(none.check("127.0.0.1")).toBe(false);
  });
  it("refuses malformed entries with a Danish message", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/LDBU_TRUSTED_PROXIES: "10.0.0.0\/33"/);
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/hverken en IP-adresse/);
    expect(() => parseTrustedProxies("10.0.0.1/8/2")).toThrow();
  });
});

describe("clientAddress", () => {
  it("is the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.9", "203.0.113.1", none)).toBe("198.51.100.9");
    expect(clientAddress("127.0.0.1", "203.0.113.1", none)).toBe("127.0.0.1");
  });
  it("takes the entry a trusted proxy appended, skipping further trusted hops, never a client-sent one", () => {
    // client 203.0.113.5 sent a forged "1.2.3.4"; the proxy appended what it saw
    expect(clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.5", proxies)).toBe("203.0.113.5");
    // two proxies in a row (10.1.1.1 forwarded to 127.0.0.1)
    expect(clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.5, 10.1.1.1", proxies)).toBe("203.0.113.5");
    // an untrusted peer cannot forward for anyone
    expect(clientAddress("198.51.100.9", "203.0.113.5", proxies)).toBe("198.51.100.9");
  });
  it("stops at the proxy itself when the forwarded entry is missing or garbage", () => {
    expect(clientAddress("10.0.0.2", "", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "nonsense", proxies)).toBe("10.0.0.2");
    expect(clientAddress("::ffff:10.0.0.2", "[2001:db8::7]:1234", proxies)).toBe("2001:db8::7");
  });
  it("is null without a socket address", () => {
    expect(clientAddress(undefined, "203.0.113.5", proxies)).toBeNull();
  });
});

describe("throttleKey", () => {
  it("keeps IPv4 addresses and groups IPv6 by /64", () => {
    expect(throttleKey("192.0.2.7")).toBe("192.0.2.7");
    expect(throttleKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttleKey("::1")).toBe("0:0:0:0::/64");
    expect(throttleKey("2001:0db8:0001:0002::")).toBe("2001:db8:1:2::/64");
  });
});
