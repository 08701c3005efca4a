import { describe, expect, it } from "vitest";
import { compareWithNation } from "./benchmark";
import { funnelLimits, funnelPosition, funnelSeries, type FunnelLimits } from "./funnel";
import { wilson } from "./proportion";

function expectLimits(actual: FunnelLimits, expected: [number, number, number, number], tol = 1e-13) {
  const got = [actual.lower95, actual.upper95, actual.lower998, actual.upper998];
  got.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(tol));
}

// Known answers: PHEindicatormethods' `sigma_adjustment` quadratic (R/Funnels.R), transcribed to python3 and
// evaluated with mpmath at 50 digits with exact z — an independent route to the same limits.
const CASES: [number, number, [number, number, number, number]][] = [
  [0.3, 50, [0.1729798163797764, 0.4270201836202236, 0.09973005725883472, 0.5002699427411653]],
  [0.3, 1000, [0.2715974234910675, 0.3284025765089325, 0.2552182794180764, 0.3447817205819236]],
  [0.05, 20, [0, 0.1455168294027212, 0, 0.200599293829512]], // lower limits clipped at 0
  [0.59, 57000, [0.5859623506736084, 0.5940376493263916, 0.5836339267007908, 0.5963660732992092]],
  [0.08, 150, [0.03658484372149226, 0.1234151562785077, 0.01154827355633624, 0.1484517264436638]],
  [0.97, 30, [0.9089572686057275, 1, 0.8737552617807043, 1]], // upper limits clipped at 1
  [0.5, 1, [0, 1, 0, 1]],
];

describe("funnelLimits", () => {
  it.each(CASES)("p0 %d, n %d matches PHE's formula", (p0, n, expected) => {
    expectLimits(funnelLimits(p0, n), expected);
  });
  it("collapses onto a centre of 0 or 1", () => {
    expectLimits(funnelLimits(0, 100), [0, 0, 0, 0], 0);
    expectLimits(funnelLimits(1, 100), [1, 1, 1, 1], 0);
  });
  it("narrows as n grows, and the 99.8 % limits lie outside the 95 % ones", () => {
    let previous = funnelLimits(0.4, 10);
    for (const n of [20, 50, 100, 1000, 10_000]) {
      const l = funnelLimits(0.4, n);
      expect(l.lower95).toBeGreaterThan(previous.lower95);
      expect(l.upper95).toBeLessThan(previous.upper95);
      expect(l.lower998).toBeLessThan(l.lower95);
      expect(l.upper998).toBeGreaterThan(l.upper95);
      previous = l;
    }
  });
  it("rejects a bad centre or denominator", () => {
    expect(() => funnelLimits(1.2, 10)).toThrow(RangeError);
    expect(() => funnelLimits(-0.1, 10)).toThrow(RangeError);
    expect(() => funnelLimits(0.3, 0)).toThrow(RangeError);
    expect(() => funnelLimits(0.3, Infinity)).toThrow(RangeError);
  });
});

describe("funnelSeries", () => {
  it("spans nMin to nMax on a logarithmic scale", () => {
    const s = funnelSeries(0.3, 10, 10_000, 4);
    expect(s.map((p) => p.n)).toHaveLength(4);
    expect(s[0].n).toBe(10);
    expect(s[3].n).toBe(10_000);
    expect(s[1].n).toBeCloseTo(100, 9);
    expect(s[2].n).toBeCloseTo(1000, 9);
    expectLimits(s[2], [0.2715974234910675, 0.3284025765089325, 0.2552182794180764, 0.3447817205819236], 1e-12);
  });
  it("defaults to 100 points and gives one point when nMin = nMax", () => {
    expect(funnelSeries(0.3, 5, 5000)).toHaveLength(100);
    expect(funnelSeries(0.3, 50, 50, 10)).toEqual([{ n: 50, ...funnelLimits(0.3, 50) }]);
  });
  it("rejects bad ranges", () => {
    expect(() => funnelSeries(0.3, 0, 100)).toThrow(RangeError);
    expect(() => funnelSeries(0.3, 100, 10)).toThrow(RangeError);
    expect(() => funnelSeries(0.3, 1, 100, 1)).toThrow(RangeError);
    expect(() => funnelSeries(0.3, 1, 100, 2.5)).toThrow(RangeError);
  });
});

describe("funnelPosition", () => {
  it("classifies against both limits", () => {
    // p0 0.3, n 1000: 95 % 0.2716–0.3284, 99.8 % 0.2552–0.3448
    expect(funnelPosition(300, 1000, 0.3)).toBe("within");
    expect(funnelPosition(330, 1000, 0.3)).toBe("above-95");
    expect(funnelPosition(350, 1000, 0.3)).toBe("above-998");
    expect(funnelPosition(270, 1000, 0.3)).toBe("below-95");
    expect(funnelPosition(250, 1000, 0.3)).toBe("below-998");
    expect(funnelPosition(0, 0, 0.3)).toBeNull();
  });
  it("always agrees with the Wilson benchmark against the same centre", () => {
    // An area is outside the 95 % funnel exactly when its Wilson 95 % CI excludes p0.
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const n = 1 + Math.floor(random() * 3000);
      const x = Math.floor(random() * (n + 1));
      const p0 = Math.round(random() * 1000) / 1000;
      const ci = wilson(x, n)!;
      const bench = compareWithNation({ areaLow: ci.low, areaHigh: ci.high, nationValue: p0, polarity: "none" });
      const position = funnelPosition(x, n, p0)!;
      const expected = bench === "similar" ? "within" : bench === "higher" ? "above" : "below";
      expect(position.split("-")[0], `${x}/${n} around ${p0}`).toBe(expected);
    }
  });
});
