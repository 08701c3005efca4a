import { describe, expect, it } from "vitest";
import { hasSessionCookie, IMMUTABLE, reportPageCacheControl, REVALIDATE } from "./cache-policy";

const facts = { anonymous: true, published: new Set(["2025/1", "2025/2"]), municipalities: new Set(["751", "825"]) };

describe("report page cache policy", () => {
  it("caches a published version's pages for a year, for anonymous readers only", () => {
    expect(reportPageCacheControl("/aarsrapport/2025/v/1", facts)).toBe(IMMUTABLE);
    expect(reportPageCacheControl("/aarsrapport/2025/v/2/kommuner/751", facts)).toBe(IMMUTABLE);
    expect(reportPageCacheControl("/aarsrapport/2025/v/1", { ...facts, anonymous: false })).toBeNull();
  });
  it("never caches what may appear later or does not exist", () => {
    for (const p of ["/aarsrapport/2025/v/3", "/aarsrapport/2024/v/1", "/aarsrapport/2025/v/1/kommuner/999", "/aarsrapport/2025/v/01", "/aarsrapport/2025/v/1/pdf", "/aarsrapport/2025/v/1/csv/LDBU-01", "/aarsrapport/abcd"])
      expect(reportPageCacheControl(p, facts), p).toBeNull();
  });
  it("lets the current-version addresses and the index be stored only with revalidation", () => {
    for (const p of ["/aarsrapport", "/aarsrapport/2025", "/aarsrapport/2025/kommuner/825"]) expect(reportPageCacheControl(p, facts), p).toBe(REVALIDATE);
  });
  it("recognises next-auth's session cookie, plain, secure and chunked", () => {
    expect(hasSessionCookie(["next-auth.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-next-auth.session-token.0"])).toBe(true);
    expect(hasSessionCookie(["next-auth.csrf-token", "next-auth.callback-url"])).toBe(false);
  });
});
