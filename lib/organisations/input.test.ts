import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/accounts/input";
import { evaluateNode } from "@/lib/fhir/invariants";
import { isSorCode, organisationSchema, parseOrganisationFilter, serializeOrganisationFilter } from "./input";

const errors = (input: unknown) => {
  const r = organisationSchema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
};

describe("organisation input", () => {
  it("accepts a SOR code exactly when the receiver does (dk-core min-digits-sor, published FHIRPath)", () => {
    for (const v of ["12345678901", "123456789012345", "451000016001234567", "1234567890", "45100001600A", "", " 12345678901", "１２３４５６７８９０１", "12345678901\n"])
      expect(isSorCode(v), JSON.stringify(v)).toBe(evaluateNode("min-digits-sor", v, "reference") === true);
  });

  it("trims the fields and keeps a valid mapping", () => {
    expect(organisationSchema.parse({ sorCode: " 123456789012345 ", name: "  Sundhedsplejen, Fanø Kommune ", municipalityCode: "563" })).toEqual({
      sorCode: "123456789012345", name: "Sundhedsplejen, Fanø Kommune", municipalityCode: "563",
    });
  });

  it("names every bad field in Danish", () => {
    expect(errors({ sorCode: "1234", name: "   ", municipalityCode: "" })).toEqual({
      sorCode: "SOR-koden skal bestå af mindst 11 cifre og intet andet.",
      name: "Skriv organisationens navn.",
      municipalityCode: "Vælg en kommune.",
    });
    expect(errors({ sorCode: "", name: "x".repeat(201), municipalityCode: "56" })).toEqual({
      sorCode: "Skriv SOR-koden.",
      name: "Navnet må højst have 200 tegn.",
      municipalityCode: "Kommunen skal være en 3-cifret kommunekode.",
    });
    expect(errors({ sorCode: "12345678901", name: "Sundheds\u0000plejen", municipalityCode: "563" })).toEqual({ name: "Navnet må ikke indeholde kontroltegn." });
    expect(errors({})).toEqual({ sorCode: "Skriv SOR-koden.", name: "Skriv organisationens navn.", municipalityCode: "Vælg en kommune." });
  });
});

describe("the list's URL state", () => {
  it("keeps good values, drops bad ones with the reason, takes the first of repeated ones", () => {
    expect(parseOrganisationFilter({ kommune: "563", soeg: " Fanø ", sor: "123456789012345" })).toEqual({ filter: { kommune: "563", soeg: "Fanø", sor: "123456789012345" }, problems: [] });
    const bad = parseOrganisationFilter({ kommune: "56'; --", soeg: "x".repeat(101), sor: "12" });
    expect(bad.filter).toEqual({});
    expect(bad.problems).toEqual(["Kommunen skal være en 3-cifret kommunekode.", "Søgningen må højst have 100 tegn.", "SOR-koden i adressen skal bestå af mindst 11 cifre og intet andet."]);
    expect(parseOrganisationFilter({ kommune: ["101", "751"], soeg: "" }).filter).toEqual({ kommune: "101" });
    expect(parseOrganisationFilter({ soeg: "a\u0000b" }).problems).toEqual(["Søgningen må ikke indeholde kontroltegn."]);
  });

  it("serialises in a fixed order, leaving out what is not set", () => {
    expect(serializeOrganisationFilter({ sor: "123456789012345", kommune: "563" })).toBe("kommune=563&sor=123456789012345");
    expect(serializeOrganisationFilter({})).toBe("");
  });
});
