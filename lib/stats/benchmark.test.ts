import { describe, expect, it } from "vitest";
import { compareWithNation, standardStatus, type BenchmarkResult, type Polarity } from "./benchmark";
import { wilson } from "./proportion";

describe("compareWithNation (Fingertips method)", () => {
  const ci = { areaLow: 0.25, areaHigh: 0.35 };
  it.each<[number, Polarity, BenchmarkResult]>([
    // nation inside the area's CI → similar, whatever the polarity
    [0.3, "higher", "similar"],
    [0.3, "lower", "similar"],
    [0.3, "none", "similar"],
    // limits are inclusive
    [0.25, "higher", "similar"],
    [0.35, "lower", "similar"],
    // nation below the whole CI: the area is significantly higher
    [0.2, "higher", "better"],
    [0.2, "lower", "worse"],
    [0.2, "none", "higher"],
    // nation above the whole CI: the area is significantly lower
    [0.4, "higher", "worse"],
    [0.4, "lower", "better"],
    [0.4, "none", "lower"],
  ])("nation %d, polarity %s → %s", (nationValue, polarity, expected) => {
    expect(compareWithNation({ ...ci, nationValue, polarity })).toBe(expected);
  });
  it("never compares the nation with itself", () => {
    expect(compareWithNation({ ...ci, nationValue: 0.1, polarity: "higher", isNation: true })).toBe("not-compared");
  });
  it("does not compare without an interval or a national value", () => {
    expect(compareWithNation({ areaLow: null, areaHigh: null, nationValue: 0.3, polarity: "higher" })).toBe("not-compared");
    expect(compareWithNation({ areaLow: 0.2, areaHigh: undefined, nationValue: 0.3, polarity: "higher" })).toBe("not-compared");
    expect(compareWithNation({ ...ci, nationValue: null, polarity: "higher" })).toBe("not-compared");
    expect(compareWithNation({ ...ci, nationValue: Number.NaN, polarity: "lower" })).toBe("not-compared");
  });
  it("works on real Wilson intervals", () => {
    // weight loss ≥ 10 % (lower is better); nation 8 %
    const small = wilson(3, 40)!; // 7.5 %, wide interval
    const high = wilson(40, 250)!; // 16 %, 95 % CI 0.1198–0.2105
    expect(compareWithNation({ areaLow: small.low, areaHigh: small.high, nationValue: 0.08, polarity: "lower" })).toBe("similar");
    expect(compareWithNation({ areaLow: high.low, areaHigh: high.high, nationValue: 0.08, polarity: "lower" })).toBe("worse");
  });
  it("rejects a reversed interval", () => {
    expect(() => compareWithNation({ areaLow: 0.4, areaHigh: 0.3, nationValue: 0.2, polarity: "higher" })).toThrow(RangeError);
  });
});

describe("standardStatus", () => {
  it("higher is better: met when value ≥ target", () => {
    expect(standardStatus({ value: 0.9, low: 0.85, high: 0.94, target: 0.8, polarity: "higher" })).toEqual({ met: true, ciSide: "entirely-met" });
    expect(standardStatus({ value: 0.82, low: 0.75, high: 0.88, target: 0.8, polarity: "higher" })).toEqual({ met: true, ciSide: "straddles" });
    expect(standardStatus({ value: 0.78, low: 0.7, high: 0.85, target: 0.8, polarity: "higher" })).toEqual({ met: false, ciSide: "straddles" });
    expect(standardStatus({ value: 0.6, low: 0.55, high: 0.65, target: 0.8, polarity: "higher" })).toEqual({ met: false, ciSide: "entirely-not-met" });
  });
  it("lower is better: met when value ≤ target", () => {
    expect(standardStatus({ value: 0.05, low: 0.03, high: 0.07, target: 0.08, polarity: "lower" })).toEqual({ met: true, ciSide: "entirely-met" });
    expect(standardStatus({ value: 0.07, low: 0.05, high: 0.1, target: 0.08, polarity: "lower" })).toEqual({ met: true, ciSide: "straddles" });
    expect(standardStatus({ value: 0.12, low: 0.09, high: 0.15, target: 0.08, polarity: "lower" })).toEqual({ met: false, ciSide: "entirely-not-met" });
  });
  it("treats the target itself as met, for the point and for the interval ends", () => {
    expect(standardStatus({ value: 0.8, low: 0.8, high: 0.9, target: 0.8, polarity: "higher" })).toEqual({ met: true, ciSide: "entirely-met" });
    expect(standardStatus({ value: 0.7, low: 0.6, high: 0.8, target: 0.8, polarity: "higher" })).toEqual({ met: false, ciSide: "straddles" });
    expect(standardStatus({ value: 0.08, low: 0.05, high: 0.08, target: 0.08, polarity: "lower" })).toEqual({ met: true, ciSide: "entirely-met" });
  });
  it("is not applicable without judgement, target or value", () => {
    expect(standardStatus({ value: 0.5, low: 0.4, high: 0.6, target: 0.5, polarity: "none" })).toEqual({ met: null, ciSide: null });
    expect(standardStatus({ value: 0.5, low: 0.4, high: 0.6, target: null, polarity: "higher" })).toEqual({ met: null, ciSide: null });
    expect(standardStatus({ value: null, low: null, high: null, target: 0.5, polarity: "higher" })).toEqual({ met: null, ciSide: null });
  });
  it("gives the point judgement even without an interval", () => {
    expect(standardStatus({ value: 0.9, low: null, high: null, target: 0.8, polarity: "higher" })).toEqual({ met: true, ciSide: null });
  });
});
