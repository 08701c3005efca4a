import { describe, expect, it } from "vitest";
import { changeUserSchema, fieldErrors, newUserSchema, parseUserFilter } from "./input";

const errors = (input: unknown) => {
  const r = newUserSchema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
};

describe("new user input", () => {
  it("accepts a leder with a municipality, normalising the username", () => {
    expect(newUserSchema.parse({ username: "  Jens.Hansen ", name: " Jens Hansen ", role: "leder", municipalityCode: "101" })).toEqual({
      username: "jens.hansen", name: "Jens Hansen", role: "leder", municipalityCode: "101",
    });
  });
  it("accepts a SundK user without a municipality (empty field means none)", () => {
    expect(newUserSchema.parse({ username: "signe", name: "Signe", role: "sundk", municipalityCode: "" }).municipalityCode).toBeNull();
    expect(newUserSchema.parse({ username: "signe", name: "Signe", role: "sundk" }).municipalityCode).toBeNull();
  });
  it("requires a municipality for every other role, and refuses one for SundK", () => {
    for (const role of ["leder", "sundhedsplejerske", "politiker"])
      expect(errors({ username: "abc", name: "A", role, municipalityCode: "" })).toEqual({ municipalityCode: "Vælg brugerens kommune (kræves for alle roller undtagen SundK)." });
    expect(errors({ username: "abc", name: "A", role: "sundk", municipalityCode: "751" })).toEqual({ municipalityCode: "En SundK-bruger hører ikke til en kommune. Vælg ingen kommune." });
  });
  it("names every bad field in Danish", () => {
    expect(errors({ username: "a b", name: "", role: "admin", municipalityCode: "75" })).toEqual({
      username: "Brugernavnet skal have 3-64 tegn og må kun indeholde a-z, 0-9, punktum, bindestreg og understregning.",
      name: "Skriv brugerens fulde navn.",
      role: "Vælg en rolle.",
      municipalityCode: "Kommunen skal være en 3-cifret kommunekode.",
    });
    expect(Object.keys(errors({ username: "x".repeat(65), name: "y".repeat(201), role: "leder", municipalityCode: "751" }))).toEqual(["username", "name"]);
  });
  it("a change has no username", () => {
    expect(changeUserSchema.parse({ username: "ignored", name: "B", role: "politiker", municipalityCode: "751" })).toEqual({ name: "B", role: "politiker", municipalityCode: "751" });
  });
});

describe("user list filter", () => {
  it("reads role, municipality, status and search; ignores unknown values", () => {
    expect(parseUserFilter({ rolle: "leder", kommune: "751", status: "alle", soeg: " lene " })).toEqual({ rolle: "leder", kommune: "751", status: "alle", soeg: "lene" });
    expect(parseUserFilter({ rolle: "konge", kommune: "7510", status: "slettede" })).toEqual({ rolle: null, kommune: null, status: "aktive", soeg: null });
    expect(parseUserFilter({ rolle: ["sundk", "leder"] }).rolle).toBe("sundk");
  });
});
