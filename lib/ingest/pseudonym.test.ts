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
  it("chains the rotation keys in order: HMAC(K2, HMAC(K1, HMAC(K0, CPR)))", async () => {
    const [k0, k1, k2] = ["a".repeat(32), "b".repeat(40), "c".repeat(33)];
    vi.stubEnv("LDBU_PSEUDONYM_KEY", k0);
    vi.stubEnv("LDBU_PSEUDONYM_ROTATION_KEYS", ` ${k1}, ${k2} `);
    vi.resetModules();
    const { pseudonymise, chainPseudonym, keyChain } = await import("./pseudonym");
    const h = (k: string, v: string) => createHmac("sha256", k).update(v).digest("hex");
    expect(pseudonymise("0505209996")).toBe(h(k2, h(k1, h(k0, "0505209996"))));
    expect(chainPseudonym("0505209996", keyChain(), 1)).toBe(h(k0, "0505209996"));
    vi.stubEnv("LDBU_PSEUDONYM_ROTATION_KEYS", "for-kort");
    expect(() => pseudonymise("0505209996")).toThrow(/mindst 32 tegn/);
    vi.stubEnv("LDBU_PSEUDONYM_ROTATION_KEYS", k0);
    expect(() => pseudonymise("0505209996")).toThrow(/forskellige/);
    vi.unstubAllEnvs();
  });
});
