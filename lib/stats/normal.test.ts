import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile, zForConfidence } from "./normal";

/** |actual − expected| ≤ tol · |expected| */
function expectRelClose(actual: number, expected: number, tol: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

// Known answers computed independently with mpmath (python3, 50–420 significant digits):
//   quantile: sqrt(2)·erfinv(2p − 1) of the double p;  cdf: mpmath.ncdf(x).
const QUANTILES: [number, number][] = [
  [1e-300, -37.047096299361199],
  [1e-100, -21.273453560965324],
  [1e-20, -9.2623400897984076],
  [1e-10, -6.3613409024040562],
  [1e-5, -4.2648907939228246],
  [0.001, -3.0902323061678135],
  [0.02, -2.053748910631823],
  [0.02425, -1.9729610513118848], // Acklam's region boundary
  [0.025, -1.9599639845400542],
  [0.05, -1.6448536269514727],
  [0.1, -1.2815515655446004],
  [0.3, -0.52440051270804082],
  [0.45, -0.12566134685507401],
];

const CDF: [number, number][] = [
  [-38, 2.8854283600687843e-316],
  [-30, 4.9067139271481871e-198],
  [-20, 2.7536241186062337e-89],
  [-10, 7.6198530241605261e-24],
  [-7.5, 3.1908916729108962e-14],
  [-5.657, 7.7020881721776008e-9], // just beyond √32, Cody's region boundary
  [-5, 2.8665157187919391e-7],
  [-3, 0.0013498980316300945],
  [-1.96, 0.024997895148220436],
  [-1, 0.15865525393145705],
  [-0.674, 0.25015565684032258],
  [-0.5, 0.3085375387259869],
  [-0.1, 0.46017216272297102],
  [0, 0.5],
  [0.1, 0.53982783727702898],
  [0.6744, 0.74997147862705939],
  [0.7, 0.75803634777692697],
  [1, 0.84134474606854295],
  [2, 0.97724986805182079],
  [3, 0.99865010196836991],
  [5, 0.99999971334842812],
  [8, 0.99999999999999938],
];

describe("normalCdf", () => {
  it.each(CDF)("Φ(%d) matches mpmath", (x, expected) => {
    expectRelClose(normalCdf(x), expected, 1e-14);
  });
  it("is symmetric: Φ(−x) = 1 − Φ(x)", () => {
    for (const x of [0.3, 1.2, 2.5, 4]) expect(normalCdf(-x)).toBeCloseTo(1 - normalCdf(x), 15);
  });
  it("handles the extremes", () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-50)).toBe(0);
    expect(normalCdf(50)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe("normalQuantile", () => {
  it.each(QUANTILES)("Φ⁻¹(%d) matches mpmath to 1e-14 (far better than the required 1e-9)", (p, expected) => {
    expectRelClose(normalQuantile(p), expected, 1e-14);
  });
  it("computes the upper half by exact symmetry", () => {
    for (const q of [0.5000001, 0.7, 0.9, 0.975, 0.97575, 0.999, 0.999999]) expect(normalQuantile(q)).toBe(-normalQuantile(1 - q));
    expectRelClose(normalQuantile(0.9), 1.2815515655446004, 1e-14);
    expectRelClose(normalQuantile(0.7), 0.52440051270804082, 1e-14);
  });
  it("is 0 at the median and ±∞ at the ends", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
  it("inverts normalCdf", () => {
    // above 0 the round trip is limited by 1 − Φ(x) in double precision, not by the algorithms
    for (let x = -12; x <= 5; x += 0.37) expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, x < 0 ? 12 : 8);
  });
  it("rejects probabilities outside [0, 1]", () => {
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe("zForConfidence", () => {
  it("gives the standard critical values exactly", () => {
    expect(zForConfidence(0.95)).toBe(1.959963984540054);
    expect(zForConfidence(0.998)).toBe(3.090232306167813);
    expectRelClose(zForConfidence(0.9), 1.6448536269514727, 1e-14);
    expectRelClose(zForConfidence(0.99), 2.5758293035489005, 1e-14);
  });
  it("rejects levels outside (0, 1)", () => {
    for (const c of [0, 1, -0.5, 95]) expect(() => zForConfidence(c)).toThrow(RangeError);
  });
});
