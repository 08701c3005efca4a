import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { Topology } from "topojson-specification";
import municipalities from "@/lib/reference/municipalities.json";
import { BORNHOLM, mapGeometry, municipalityFeatures, pathData } from "./map";

const topology = JSON.parse(fs.readFileSync("lib/reference/kommuner.topo.json", "utf8")) as Topology;

describe("map geometry", () => {
  it("has exactly the 98 municipalities of the reference data, merged by code, without Christiansø", () => {
    const codes = municipalityFeatures(topology).map((f) => f.properties.code).sort();
    const reference = (municipalities as { municipalities: { code: string }[] }).municipalities.map((m) => m.code).sort();
    expect(codes).toEqual(reference);
    expect(codes).toHaveLength(98);
  });

  it("projects every municipality inside the box, Bornholm in its inset", () => {
    const g = mapGeometry(topology);
    expect(g.areas).toHaveLength(98);
    for (const a of g.areas) {
      const nums = a.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(a.d.startsWith("M")).toBe(true);
      expect(Math.min(...nums)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...nums.filter((_, i) => i % 2 === 0))).toBeLessThanOrEqual(g.width);
    }
    const bornholm = g.areas.find((a) => a.code === BORNHOLM)!;
    const xs = bornholm.d.match(/[ML](-?[\d.]+),/g)!.map((m) => Number(m.slice(1, -1)));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(g.inset.x);
    expect(Math.max(...xs)).toBeLessThanOrEqual(g.inset.x + g.inset.width);
  });

  it("fits one region into the box", () => {
    const g = mapGeometry(topology, new Set(["101", "147", "400"]));
    expect(g.areas.map((a) => a.code)).toEqual(["101", "147", "400"]);
    expect(g.inset.width).toBeGreaterThan(0);
  });

  it("thins points closer than the tolerance and drops degenerate rings", () => {
    const d = pathData({ type: "MultiPolygon", coordinates: [[[[0, 0], [0.1, 0], [10, 0], [10, 10], [0, 0]]], [[[0, 0], [0.1, 0.1], [0, 0]]]] }, (p) => [p[0], p[1]]);
    expect(d).toBe("M0,0L10,0L10,10L0,0Z");
  });
});
