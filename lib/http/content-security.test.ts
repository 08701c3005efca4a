import { describe, expect, it } from "vitest";
import { cameOverHttps, contentSecurityPolicy, formTargets, newNonce } from "./content-security";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  const csp = contentSecurityPolicy("abc123");
  it("allows scripts by nonce only, never inline or eval in production", () => {
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, "style-src")).toBe("style-src 'self' 'nonce-abc123'");
    expect(directive(csp, "style-src-attr")).toBe("style-src-attr 'none'");
    expect(csp).not.toMatch(/unsafe/);
  });
  it("forbids framing, plugins, foreign bases and foreign form targets", () => {
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "base-uri")).toBe("base-uri 'self'");
    expect(directive(csp, "form-action")).toBe("form-action 'self'");
  });
  it("adds eval and inline styles only in development, and the sign-on issuer to form-action", () => {
    const dev = contentSecurityPolicy("n", { dev: true, formTargets: ["https://login.kommune.dk"] });
    expect(directive(dev, "script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(dev, "style-src-attr")).toBe("style-src-attr 'unsafe-inline'");
    expect(directive(dev, "form-action")).toBe("form-action 'self' https://login.kommune.dk");
  });
});

describe("formTargets", () => {
  it("is the origin of the configured issuer", () => {
    expect(formTargets({ LDBU_OIDC_ISSUER: "https://login.kommune.dk/realms/ldbu" })).toEqual(["https://login.kommune.dk"]);
    expect(formTargets({})).toEqual([]);
    expect(formTargets({ LDBU_OIDC_ISSUER: "not a url" })).toEqual([]);
  });
});

describe("newNonce", () => {
  it("is 128 random bits, new every time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe("cameOverHttps", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(cameOverHttps({}, "https", true)).toBe(true);
    expect(cameOverHttps({}, "https", false)).toBe(false);
    expect(cameOverHttps({}, "http", true)).toBe(false);
    expect(cameOverHttps({}, "HTTPS, http", true)).toBe(true);
    expect(cameOverHttps({}, null, true)).toBe(false);
  });
  it("is always true with LDBU_HTTPS=1", () => {
    expect(cameOverHttps({ LDBU_HTTPS: "1" }, null, false)).toBe(true);
  });
});
