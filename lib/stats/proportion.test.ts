import { describe, expect, it } from "vitest";
import { CONFIDENCE_998, wilson } from "./proportion";

function expectClose(actual: number | undefined, expected: number, tol = 1e-13) {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol);
}

// Known answers: Newcombe (1998), Stat Med 17:857–872, table I, example 81/263 → 0.2553–0.3662 (Wilson, 95 %);
// every row below was recomputed independently in python3 with mpmath at 40 digits.
const CASES: [number, number, number, number, number, number][] = [
  // numerator, denominator, confidence, value, low, high
  [81, 263, 0.95, 0.30798479087452471, 0.25528851987827424, 0.36620957698280006],
  [15, 148, 0.95, 0.10135135135135135, 0.062386399530736286, 0.16048724172330803],
  [0, 10, 0.95, 0, 0, 0.27753279986288917],
  [10, 10, 0.95, 1, 0.72246720013711083, 1],
  [1, 1, 0.95, 1, 0.20654931437723745, 1],
  [0, 1, 0.95, 0, 0, 0.79345068562276255],
  [81, 263, 0.998, 0.30798479087452471, 0.22803574024200476, 0.4013894219093696],
  [3, 4, 0.998, 0.75, 0.16983193302543085, 0.97777460076170651],
  [33630, 57000, 0.95, 0.59, 0.58595641711549917, 0.59403145277940564],
  [1, 1_000_000, 0.95, 1e-6, 1.7652457674537151e-7, 5.6649118043114414e-6],
];

describe("wilson", () => {
  it("reproduces Newcombe's published example to four decimals", () => {
    const ci = wilson(81, 263)!;
    expect(ci.low.toFixed(4)).toBe("0.2553");
    expect(ci.high.toFixed(4)).toBe("0.3662");
  });
  it.each(CASES)("%d/%d at %d matches the high-precision value", (x, n, conf, value, low, high) => {
    const ci = wilson(x, n, conf);
    expect(ci).not.toBeNull();
    expectClose(ci?.value, value);
    expectClose(ci?.low, low);
    expectClose(ci?.high, high);
  });
  it("has exact boundaries at 0/n and n/n", () => {
    for (const n of [1, 2, 5, 37, 1000, 123_456]) {
      expect(wilson(0, n)!.low).toBe(0);
      expect(wilson(n, n)!.high).toBe(1);
      expect(wilson(0, n, CONFIDENCE_998)!.low).toBe(0);
      expect(wilson(n, n, CONFIDENCE_998)!.high).toBe(1);
    }
  });
  it("is symmetric: x/n mirrors (n − x)/n", () => {
    const a = wilson(7, 31)!;
    const b = wilson(24, 31)!;
    expectClose(a.low, 1 - b.high, 1e-15);
    expectClose(a.high, 1 - b.low, 1e-15);
  });
  it("widens with the confidence level and always contains the estimate", () => {
    for (const [x, n] of [[0, 3], [2, 9], [50, 100], [99, 100]]) {
      const c95 = wilson(x, n)!;
      const c998 = wilson(x, n, CONFIDENCE_998)!;
      expect(c998.low).toBeLessThanOrEqual(c95.low);
      expect(c998.high).toBeGreaterThanOrEqual(c95.high);
      expect(c95.low).toBeLessThanOrEqual(c95.value);
      expect(c95.high).toBeGreaterThanOrEqual(c95.value);
    }
  });
  it("gives no interval for denominator 0", () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(0, 0, CONFIDENCE_998)).toBeNull();
  });
  it("rejects impossible input", () => {
    expect(() => wilson(5, 4)).toThrow(RangeError);
    expect(() => wilson(1, 0)).toThrow(RangeError);
    expect(() => wilson(-1, 4)).toThrow(RangeError);
    expect(() => wilson(Number.NaN, 4)).toThrow(RangeError);
    expect(() => wilson(1, Infinity)).toThrow(RangeError);
    expect(() => wilson(1, 4, 1)).toThrow(RangeError);
    expect(() => wilson(1, 4, 95)).toThrow(RangeError);
  });
});
