import { describe, expect, it } from "vitest";
import { percentile } from "@/lib/stats/percentile";
import { spineGeometry } from "./spine";
import { sparkline } from "./sparkline";

describe("spine chart", () => {
  it("percentiles by linear interpolation (type 7)", () => {
    expect(percentile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(percentile([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25);
    expect(percentile([5], 0.5)).toBe(5);
  });

  it("puts the nation in the middle and the farthest value at an end", () => {
    const g = spineGeometry([0.4, 0.5, 0.6, 0.8], 0.6, 0.5, "higher")!;
    expect(g.nation).toBe(0.5);
    expect(g.left).toBeCloseTo(0.5 - 0.2 / 0.4); // 0.4 is 0.2 below; half-width 0.2 → left end at 0
    expect(g.right).toBeCloseTo(1);
    expect(g.area).toBeCloseTo(0.25);
    expect(g.leftValue).toBe(0.4);
  });

  it("reverses lower-is-better so better is on the right", () => {
    const g = spineGeometry([0.05, 0.1, 0.2], 0.1, 0.05, "lower")!;
    expect(g.reversed).toBe(true);
    expect(g.area).toBeGreaterThan(0.5);
    expect(g.leftValue).toBe(0.2);
    expect(g.rightValue).toBe(0.05);
    expect(g.q1Left).toBeLessThan(g.q3Right);
  });

  it("has nothing to draw without a national value or with fewer than two municipalities", () => {
    expect(spineGeometry([0.1, 0.2], null, 0.1, "higher")).toBeNull();
    expect(spineGeometry([0.1], 0.1, 0.1, "higher")).toBeNull();
  });
});

describe("sparkline", () => {
  it("scales into the box and breaks the line at gaps", () => {
    const s = sparkline([0.1, 0.2, null, 0.3, 0.2], 100, 20, 0)!;
    expect(s.paths).toEqual(["M0 20 L25 10", "M75 0 L100 10"]);
    expect(s.points).toHaveLength(4);
  });
  it("draws a flat series in the middle and nothing without values", () => {
    expect(sparkline([0.5, 0.5], 10, 10, 0)!.paths).toEqual(["M0 5 L10 5"]);
    expect(sparkline([null, null], 10, 10)).toBeNull();
  });
});
