import { describe, expect, it } from "vitest";
import { cellsForViewer, type StoredResult } from "./viewer-cells";

const row = (areaLevel: StoredResult["areaLevel"], areaCode: string, numerator: number, denominator: number, uoplyst = 0, breakdown = "all", breakdownValue = ""): StoredResult => ({
  indicatorId: "LDBU-01", period: "2024", areaLevel, areaCode, breakdown, breakdownValue, numerator, denominator, uoplyst,
  value: denominator ? numerator / denominator : null, ciLow: null, ciHigh: null, benchmark: "similar", standardMet: null, standardCiSide: null,
});

const regionOf = new Map([["101", "1084"], ["147", "1084"], ["157", "1084"]]);
const nobody = () => false;

describe("cellsForViewer", () => {
  const rows = [
    row("nation", "DK", 60, 600, 12),
    row("region", "1084", 60, 600, 12),
    row("municipality", "101", 40, 400, 3),
    row("municipality", "147", 18, 197, 7),
    row("municipality", "157", 2, 3, 2),
  ];

  it("hides a small cell and one more so it cannot be recovered from the region", () => {
    const cells = cellsForViewer(rows, regionOf, nobody);
    const byCode = new Map(cells.map((c) => [c.areaCode, c]));
    expect(byCode.get("157")).toMatchObject({ state: "suppressed", suppression: "primary", numerator: null, denominator: null, value: null, uoplyst: null });
    expect(byCode.get("147")).toMatchObject({ state: "suppressed", suppression: "complementary" });
    expect(byCode.get("101")).toMatchObject({ state: "ok", numerator: 40, denominator: 400 });
  });

  it("hides small uoplyst counts with a complement, and keeps the figures of that cell", () => {
    const cells = cellsForViewer(rows, regionOf, nobody);
    const c101 = cells.find((c) => c.areaCode === "101")!;
    expect(c101).toMatchObject({ state: "ok", numerator: 40, uoplyst: null, uoplystSuppressed: true });
    // region uoplyst 12 = 3 (hidden) + 7 (hidden with the cell) + 2 (hidden with the cell): nothing left to hide
    const region = cells.find((c) => c.areaLevel === "region")!;
    expect(region).toMatchObject({ state: "ok", uoplyst: 12, uoplystSuppressed: false });
  });

  it("shows the viewer's own municipality in full", () => {
    const cells = cellsForViewer(rows, regionOf, (level, code) => level === "municipality" && code === "157");
    expect(cells.find((c) => c.areaCode === "157")).toMatchObject({ state: "ok", numerator: 2, denominator: 3, uoplyst: 2, uoplystSuppressed: false });
  });

  it("suppresses each indicator × period on its own and keeps the order of the rows", () => {
    const other = rows.map((r) => ({ ...r, period: "2023", numerator: r.numerator + 10, denominator: r.denominator + 10, uoplyst: 0 }));
    const cells = cellsForViewer([...other, ...rows], regionOf, nobody);
    expect(cells.map((c) => c.period)).toEqual([...other, ...rows].map((r) => r.period));
    expect(cells.filter((c) => c.period === "2023").every((c) => c.state === "ok" && c.uoplyst === 0)).toBe(true);
  });

  it("marks an empty denominator as no data", () => {
    const cells = cellsForViewer([row("nation", "DK", 0, 0), row("region", "1084", 0, 0), row("municipality", "101", 0, 0)], regionOf, nobody);
    expect(cells.every((c) => c.state === "no-data")).toBe(true);
  });
});
