import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password";
import { oneTimePassword, PASSWORD_ALPHABET, PASSWORD_LENGTH } from "./one-time-password";

describe("one-time passwords", () => {
  it("are 20 characters from the unambiguous alphabet, in groups of five, meeting the password policy", () => {
    const p = oneTimePassword();
    expect(p).toMatch(/^[^-]{5}-[^-]{5}-[^-]{5}-[^-]{5}$/);
    const chars = p.replaceAll("-", "");
    expect(chars).toHaveLength(PASSWORD_LENGTH);
    for (const c of chars) expect(PASSWORD_ALPHABET).toContain(c);
    expect(passwordProblem(p)).toBeNull();
    expect(PASSWORD_ALPHABET).not.toMatch(/[0O1lI]/);
  });
  it("carry about 115 bits and use the whole alphabet evenly", () => {
    expect(PASSWORD_LENGTH * Math.log2(PASSWORD_ALPHABET.length)).toBeGreaterThan(115);
    const counts = new Map<string, number>();
    const n = 2000;
    for (let i = 0; i < n; i++) for (const c of oneTimePassword().replaceAll("-", "")) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(PASSWORD_ALPHABET.length);
    const expected = (n * PASSWORD_LENGTH) / PASSWORD_ALPHABET.length; // ≈ 702
    for (const c of counts.values()) expect(Math.abs(c - expected)).toBeLessThan(expected * 0.25);
  });
  it("never repeat", () => {
    expect(new Set(Array.from({ length: 1000 }, oneTimePassword)).size).toBe(1000);
  });
});
