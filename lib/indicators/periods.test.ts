import { describe, expect, it } from "vitest";
import { birthYearsForPeriod, parsePeriod, periodsForBirthYear, schoolYearLabel } from "./periods";

describe("periods", () => {
  it("parses birth cohorts and school years", () => {
    expect(parsePeriod("2024")).toEqual({ kind: "birth-cohort", year: 2024, label: "2024" });
    expect(parsePeriod("2024/25")).toEqual({ kind: "school-year", startYear: 2024, label: "2024/25" });
    expect(parsePeriod("2099/00")).toEqual({ kind: "school-year", startYear: 2099, label: "2099/00" });
    expect(() => parsePeriod("2024/26")).toThrow();
    expect(() => parsePeriod("24")).toThrow();
  });
  it("maps school years to the register birth cohorts and back", () => {
    expect(birthYearsForPeriod("LDBU-10", parsePeriod("2024/25"))).toBe(2018);
    expect(birthYearsForPeriod("LDBU-11", parsePeriod("2024/25"))).toBe(2009);
    expect(birthYearsForPeriod("LDBU-05", parsePeriod("2023"))).toBe(2023);
    expect(periodsForBirthYear("LDBU-10", 2018, "school-year")).toBe("2024/25");
    expect(periodsForBirthYear("LDBU-11", 2009, "school-year")).toBe("2024/25");
    expect(schoolYearLabel(2009)).toBe("2009/10");
  });
});
