import { describe, expect, it } from "vitest";
import { SESSION_HOURS, sessionExpired } from "./session-policy";

const H = 3600_000;
const now = Date.UTC(2026, 10, 26, 12, 0, 0);

describe("session lifetime", () => {
  it("is eight hours from login", () => expect(SESSION_HOURS).toBe(8));
  it("accepts a session up to just before eight hours after login", () => {
    expect(sessionExpired(now, now)).toBe(false);
    expect(sessionExpired(now - 7 * H, now)).toBe(false);
    expect(sessionExpired(now - 8 * H + 1, now)).toBe(false);
  });
  it("refuses it from eight hours after login", () => {
    expect(sessionExpired(now - 8 * H, now)).toBe(true);
    expect(sessionExpired(now - 30 * H, now)).toBe(true);
  });
  it("refuses tokens without a login time or from the future", () => {
    expect(sessionExpired(undefined, now)).toBe(true);
    expect(sessionExpired("2026-11-26", now)).toBe(true);
    expect(sessionExpired(now + 2 * 60_000, now)).toBe(true);
    expect(sessionExpired(now + 30_000, now)).toBe(false);
  });
});
