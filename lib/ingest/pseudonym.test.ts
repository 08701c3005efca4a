import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

describe("pseudonymise", () => {
  it("is the HMAC-SHA256 of the CPR under the environment's key, stable and key-dependent", async () => {
    vi.stubEnv("LDBU_PSEUDONYM_KEY", "k".repeat(40));
    vi.resetModules();
    const { pseudonymise } = await import("./pseudonym");
    const p = pseudonymise("0505209996");
    expect(p).toBe(createHmac("sha256", "k".repeat(40)).update("0505209996").digest("hex"));
    expect(pseudonymise("0505209996")).toBe(p);
    expect(p).not.toContain("0505209996");
    vi.stubEnv("LDBU_PSEUDONYM_KEY", "m".repeat(40));
    vi.resetModules();
    const other = await import("./pseudonym");
    expect(other.pseudonymise("0505209996")).not.toBe(p);
    vi.unstubAllEnvs();
  });
  it("refuses to run without a key", async () => {
    vi.stubEnv("LDBU_PSEUDONYM_KEY", "");
    vi.resetModules();
    const { pseudonymise } = await import("./pseudonym");
    expect(() => pseudonymise("0505209996")).toThrow(/LDBU_PSEUDONYM_KEY/);
    vi.unstubAllEnvs();
  });
});
