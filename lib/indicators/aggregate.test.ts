import { describe, expect, it } from "vitest";
import { applyChanges, type Counts } from "./aggregate";

const c = (areaCode: string, numerator: number, denominator: number, uoplyst: number, breakdown = "all", breakdownValue = ""): Counts => ({
  areaLevel: areaCode === "DK" ? "nation" : "municipality", areaCode, breakdown, breakdownValue, numerator, denominator, uoplyst,
});

describe("applyChanges (incremental refresh: stored counts + facts written − facts removed)", () => {
  it("adds signed changes to the stored counts", () => {
    // Aarhus 3 of 10, 1 uoplyst; one child moves from numerator to denominator-only, another from uoplyst to numerator.
    expect(applyChanges([c("751", 3, 10, 1), c("DK", 5, 20, 2)], [c("751", -1 + 1, 1, -1), c("DK", 0, 1, -1)])).toEqual([c("751", 3, 11, 0), c("DK", 5, 21, 1)]);
  });
  it("adds areas and breakdown values that had no children, and drops those left with none", () => {
    // Læsø's only child (uoplyst) moves to Aarhus and is now in the numerator.
    expect(applyChanges([c("751", 3, 10, 0), c("825", 0, 0, 1), c("825", 0, 0, 1, "koen", "female")], [c("825", 0, 0, -1), c("825", 0, 0, -1, "koen", "female"), c("751", 1, 1, 0), c("751", 1, 1, 0, "koen", "female")]))
      .toEqual([c("751", 4, 11, 0), c("751", 1, 1, 0, "koen", "female")]);
  });
  it("refuses changes that would make a count negative (stored counts and facts out of step)", () => {
    expect(() => applyChanges([c("751", 0, 1, 0)], [c("751", -1, -1, 0)])).toThrow(/fuld genberegning/);
  });
});
