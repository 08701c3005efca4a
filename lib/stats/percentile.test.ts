import { describe, expect, it } from "vitest";
import { percentile, percentileInPlace } from "./percentile";

describe("percentile", () => {
  it("interpolates between the closest ranks (R type 7)", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3], 0.5)).toBe(2);
    expect(percentile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(percentile([7], 0.95)).toBe(7);
    expect(() => percentile([], 0.5)).toThrow(RangeError);
  });
});

describe("percentileInPlace", () => {
  it("gives the sorted percentile's known answers", () => {
    expect(percentileInPlace(Float64Array.from([4, 1, 3, 2]), 0.5)).toBe(2.5);
    expect(percentileInPlace(Float64Array.from([3, 1, 2]), 0.5)).toBe(2);
    expect(percentileInPlace(Float64Array.from([50, 10, 40, 20, 30]), 0.25)).toBe(20);
    expect(percentileInPlace(Float64Array.from([5, 5, 5, 5]), 0.5)).toBe(5);
    expect(() => percentileInPlace(new Float64Array(0), 0.5)).toThrow(RangeError);
  });

  it("equals the percentile of the sorted values, bit for bit, on random data with ties", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 500; run++) {
      const n = 1 + Math.floor(random() * 300);
      const coarse = random() < 0.3; // many equal values
      const values = Array.from({ length: n }, () => (coarse ? Math.floor(random() * 5) : random() * 1e6 - 5e5));
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0, 0.1, 0.25, 0.5, 0.75, 0.95, 1])
        expect(percentileInPlace(Float64Array.from(values), p)).toBe(percentile(sorted, p));
    }
  });
});
