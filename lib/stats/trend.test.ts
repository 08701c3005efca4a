import { describe, expect, it } from "vitest";
import { MIN_TREND_PERIODS, trendMarker, trendTest, type TrendPoint } from "./trend";

function series(numerators: number[], denominators: number[], firstYear = 2019): TrendPoint[] {
  return numerators.map((numerator, i) => ({ period: String(firstYear + i), numerator, denominator: denominators[i] }));
}

function expectRelClose(actual: number | undefined, expected: number, tol = 1e-12) {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

// Known answers: R's documentation example for prop.trend.test, and python3 (numpy/scipy) computing the same test by
// a different route — R's weighted least-squares formulation (slope² / Var(slope), weights n / p̄(1 − p̄)) — with
// the p-value from scipy.stats.chi2.sf(X², 1).
const KNOWN: [string, number[], number[], number, number][] = [
  // name, numerators, denominators, X², p
  ["R's prop.trend.test example (smokers)", [83, 90, 129, 70], [86, 93, 136, 82], 8.224922285197778, 0.004131897477641339],
  ["rising", [50, 55, 61, 64, 70], [200, 200, 205, 198, 201], 5.724026011866947, 0.01673431626809572],
  ["falling", [120, 115, 108, 100, 96], [400, 410, 395, 405, 400], 4.825055354459493, 0.028048964495165914],
  ["flat", [30, 33, 29, 31, 32], [100, 100, 100, 100, 100], 0.018700327255726987, 0.891229086348862],
  ["just not significant", [40, 42, 38, 44, 57], [200, 200, 200, 200, 200], 3.7639623836105156, 0.05236834051156711],
  ["just significant", [40, 42, 38, 44, 58], [200, 200, 200, 200, 200], 4.180272817804943, 0.040897116849055226],
  ["six periods", [12, 9, 15, 14, 18, 21], [150, 140, 160, 150, 155, 150], 4.919122614776594, 0.02656100264593951],
  ["small numbers", [5, 9, 7, 12, 11], [60, 70, 65, 80, 72], 1.5294238963215436, 0.21619892822150577],
];

describe("trendTest (Cochran–Armitage)", () => {
  it.each(KNOWN)("%s", (_name, x, n, chiSquare, pValue) => {
    const result = trendTest(series(x, n));
    expectRelClose(result?.chiSquare, chiSquare);
    expectRelClose(result?.pValue, pValue, 1e-10);
  });
  it("matches R's printed output for its example (X² = 8.2249, p = 0.004132)", () => {
    const r = trendTest(series([83, 90, 129, 70], [86, 93, 136, 82]))!;
    expect(r.chiSquare.toFixed(4)).toBe("8.2249");
    expect(r.pValue.toFixed(6)).toBe("0.004132");
    expect(r.z).toBeLessThan(0);
  });
  it("gives the direction in the sign of z, and z² = X²", () => {
    const up = trendTest(series([40, 42, 38, 44, 59], [200, 200, 200, 200, 200]))!;
    const down = trendTest(series([59, 44, 38, 42, 40], [200, 200, 200, 200, 200]))!;
    expectRelClose(up.chiSquare, 4.617044975789336);
    expectRelClose(down.chiSquare, 4.617044975789336);
    expect(up.z).toBeGreaterThan(0);
    expect(down.z).toBeLessThan(0);
    expectRelClose(up.z * up.z, up.chiSquare, 1e-15);
  });
  it("orders the periods itself", () => {
    const ordered = series([50, 55, 61, 64, 70], [200, 200, 205, 198, 201]);
    const shuffled = [ordered[3], ordered[0], ordered[4], ordered[2], ordered[1]];
    expect(trendTest(shuffled)).toEqual(trendTest(ordered));
    const school = ["2020/21", "2021/22", "2022/23", "2023/24", "2024/25"].map((period, i) => ({ period, numerator: 50 + 5 * i, denominator: 200 }));
    expect(trendTest([...school].reverse())).toEqual(trendTest(school));
    const numeric = [2023, 2019, 2021, 2020, 2022].map((period) => ({ period, numerator: period - 1990, denominator: 100 }));
    expect(trendTest(numeric)!.z).toBeGreaterThan(0);
  });
  it("gives no variation to test when every proportion is 0 or every one is 1", () => {
    expect(trendTest(series([0, 0, 0, 0, 0], [10, 10, 10, 10, 10]))).toEqual({ periods: 5, z: 0, chiSquare: 0, pValue: 1 });
    expect(trendTest(series([10, 12, 9, 10, 11], [10, 12, 9, 10, 11]))).toEqual({ periods: 5, z: 0, chiSquare: 0, pValue: 1 });
  });
  it("needs two periods with data", () => {
    expect(trendTest([])).toBeNull();
    expect(trendTest(series([3], [10]))).toBeNull();
    expect(trendTest(series([3, 0], [10, 0]))).toBeNull();
  });
  it("keeps an empty period's place in the scoring", () => {
    // 2021 has no data: scores 1, 2, 4, 5, 6 — the same as leaving a gap, unlike renumbering 1–5
    const withGap = series([10, 12, 0, 16, 18, 20], [100, 100, 0, 100, 100, 100]);
    const withoutGap = withGap.filter((p) => p.denominator > 0);
    // python3: scores [1, 2, 4, 5, 6] → X² 5.337636544190669; scores [1, 2, 3, 4, 5] → 5.244538232373391
    expect(trendTest(withGap)!.periods).toBe(5);
    expectRelClose(trendTest(withGap)!.chiSquare, 5.337636544190669);
    expectRelClose(trendTest(withoutGap)!.chiSquare, 5.244538232373391);
  });
  it("rejects bad input", () => {
    expect(() => trendTest(series([5, 3], [4, 10]))).toThrow(RangeError);
    expect(() => trendTest([{ period: "2020", numerator: 1, denominator: 5 }, { period: "2020", numerator: 2, denominator: 5 }])).toThrow(RangeError);
  });
});

describe("trendMarker", () => {
  it("requires at least five periods with data", () => {
    expect(MIN_TREND_PERIODS).toBe(5);
    // R's example is highly significant but has only four periods
    expect(trendMarker(series([83, 90, 129, 70], [86, 93, 136, 82]))).toBe("not-enough-data");
    expect(trendMarker(series([50, 55, 61, 64, 0, 0], [200, 200, 205, 198, 0, 0]))).toBe("not-enough-data");
    expect(trendMarker([])).toBe("not-enough-data");
  });
  it("marks a significant rise or fall at 5 %", () => {
    expect(trendMarker(series([50, 55, 61, 64, 70], [200, 200, 205, 198, 201]))).toBe("increasing");
    expect(trendMarker(series([120, 115, 108, 100, 96], [400, 410, 395, 405, 400]))).toBe("decreasing");
    expect(trendMarker(series([40, 42, 38, 44, 58], [200, 200, 200, 200, 200]))).toBe("increasing"); // p = 0.0409
    expect(trendMarker(series([12, 9, 15, 14, 18, 21], [150, 140, 160, 150, 155, 150]))).toBe("increasing");
  });
  it("says no significant change otherwise", () => {
    expect(trendMarker(series([40, 42, 38, 44, 57], [200, 200, 200, 200, 200]))).toBe("no-significant-change"); // p = 0.0524
    expect(trendMarker(series([30, 33, 29, 31, 32], [100, 100, 100, 100, 100]))).toBe("no-significant-change");
    expect(trendMarker(series([0, 0, 0, 0, 0], [10, 10, 10, 10, 10]))).toBe("no-significant-change");
  });
});
