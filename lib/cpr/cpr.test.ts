import { describe, expect, it } from "vitest";
import { birthYear, cprFacts, isCprSyntax } from "./index";

describe("CPR", () => {
  it("derives the guide's examples", () => {
    expect(cprFacts("0505209996")).toEqual({ birthDate: "2020-05-05", sex: "female" });
    expect(cprFacts("0505159995")).toEqual({ birthDate: "2015-05-05", sex: "male" });
  });
  it("applies the century rules of the 7th digit", () => {
    expect(birthYear(99, 0)).toBe(1999);
    expect(birthYear(36, 4)).toBe(2036);
    expect(birthYear(37, 4)).toBe(1937);
    expect(birthYear(10, 9)).toBe(2010);
    expect(birthYear(57, 5)).toBe(2057);
    expect(birthYear(58, 8)).toBe(1858);
  });
  it("rejects impossible syntax and impossible dates", () => {
    expect(isCprSyntax("3102201234")).toBe(false); // 31 February fails the invariant
    expect(isCprSyntax("0505-209996")).toBe(false);
    expect(isCprSyntax("050520999")).toBe(false);
    expect(cprFacts("2902214000")).toBeNull(); // 2021 is not a leap year
    expect(cprFacts("2902204000")).toEqual({ birthDate: "2020-02-29", sex: "female" });
  });
});
