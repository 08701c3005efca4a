import { describe, expect, it } from "vitest";
import { crossSiteReason, ownHosts } from "./csrf";

const hosts = ownHosts("ldbu.example:3000", "https://ldbu.sundk.dk");
const req = (h: Record<string, string>) => new Headers(h);

describe("ownHosts", () => {
  it("is the Host header and the public URL's host", () => {
    expect(hosts).toEqual(["ldbu.example:3000", "ldbu.sundk.dk"]);
    expect(ownHosts(null, "not a url")).toEqual([]);
  });
});

describe("crossSiteReason", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(crossSiteReason("GET", req({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), hosts)).toBeNull();
    expect(crossSiteReason("HEAD", req({ "sec-fetch-site": "cross-site" }), hosts)).toBeNull();
  });
  it("lets same-origin browser requests and non-browser clients through", () => {
    expect(crossSiteReason("POST", req({ origin: "http://ldbu.example:3000", "sec-fetch-site": "same-origin" }), hosts)).toBeNull();
    expect(crossSiteReason("DELETE", req({ origin: "https://ldbu.sundk.dk" }), hosts)).toBeNull();
    expect(crossSiteReason("POST", req({}), hosts)).toBeNull();
    expect(crossSiteReason("POST", req({ "sec-fetch-site": "none" }), hosts)).toBeNull();
  });
  it("refuses cross-site and same-site (sibling subdomain) requests by Sec-Fetch-Site", () => {
    expect(crossSiteReason("POST", req({ "sec-fetch-site": "cross-site" }), hosts)).toBe("Sec-Fetch-Site: cross-site");
    expect(crossSiteReason("PUT", req({ "sec-fetch-site": "same-site", origin: "https://ldbu.sundk.dk" }), hosts)).toBe("Sec-Fetch-Site: same-site");
  });
  it("refuses a foreign, opaque or malformed Origin", () => {
    expect(crossSiteReason("POST", req({ origin: "https://evil.example" }), hosts)).toBe("Origin: https://evil.example");
    expect(crossSiteReason("PATCH", req({ origin: "http://ldbu.example:3001" }), hosts)).toBe("Origin: http://ldbu.example:3001");
    expect(crossSiteReason("POST", req({ origin: "null" }), hosts)).toBe("Origin: null");
    expect(crossSiteReason("post", req({ origin: "https://ldbu.sundk.dk.evil.example" }), hosts)).toBe("Origin: https://ldbu.sundk.dk.evil.example");
  });
});
