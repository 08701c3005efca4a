import { describe, expect, it } from "vitest";
import { etagOf, notModified } from "./http";
import { wantsCsv } from "./results";

const req = (ifNoneMatch?: string) => new Request("http://x/", { headers: ifNoneMatch ? { "if-none-match": ifNoneMatch } : {} });

describe("conditional requests", () => {
  it("gives a strong ETag that depends on every part", () => {
    const a = etagOf("resultater", "2025-v1", { indicator: "LDBU-01" }, "public");
    expect(a).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(etagOf("resultater", "2025-v1", { indicator: "LDBU-01" }, "public")).toBe(a);
    expect(etagOf("resultater", "2025-v2", { indicator: "LDBU-01" }, "public")).not.toBe(a);
    expect(etagOf("resultater", "2025-v1", { indicator: "LDBU-01" }, "user:1")).not.toBe(a);
  });
  it("matches If-None-Match by weak comparison, in lists and for *", () => {
    const e = etagOf("x");
    expect(notModified(req(), e)).toBe(false);
    expect(notModified(req(e), e)).toBe(true);
    expect(notModified(req(`"other", W/${e}`), e)).toBe(true);
    expect(notModified(req("*"), e)).toBe(true);
    expect(notModified(req(`"other"`), e)).toBe(false);
  });
});

describe("content negotiation", () => {
  it("lets format decide, then the Accept header's preference", () => {
    expect(wantsCsv("text/csv", "json")).toBe(false);
    expect(wantsCsv(null, "csv")).toBe(true);
    expect(wantsCsv(null, undefined)).toBe(false);
    expect(wantsCsv("*/*", undefined)).toBe(false);
    expect(wantsCsv("text/csv", undefined)).toBe(true);
    expect(wantsCsv("application/json, text/csv", undefined)).toBe(false);
    expect(wantsCsv("application/json;q=0.5, text/csv", undefined)).toBe(true);
    expect(wantsCsv("text/csv;q=0, */*", undefined)).toBe(false);
  });
});
