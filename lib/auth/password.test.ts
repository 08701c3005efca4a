import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const h = await hashPassword("korrekt-hest-batteri");
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("korrekt-hest-batteri", h)).toBe(true);
    expect(await verifyPassword("korrekt-hest-batterI", h)).toBe(false);
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });
  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("samme-adgangskode")).not.toBe(await hashPassword("samme-adgangskode"));
  });
  it("requires 12 characters", () => {
    expect(passwordProblem("kort")).not.toBeNull();
    expect(passwordProblem("lang-nok-adgangskode")).toBeNull();
  });
});
