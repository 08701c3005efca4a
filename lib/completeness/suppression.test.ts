import { describe, expect, it } from "vitest";
import { VISIT } from "@/lib/indicators/codes";
import { figureSource } from "./figures";
import { figureCells, figureGroups, figureKey, suppressFigures, TYPE } from "./suppression";
import type { AreaLevel, CompletenessRow } from "./types";

const regionOf = new Map([["101", "1084"], ["147", "1084"], ["157", "1084"]]);
const V = VISIT.barsel;

function variable(level: AreaLevel, code: string, item: string, value: number, visits: number, absent: number, missing: number, reasons?: Record<string, number>): CompletenessRow {
  const slots = item === "" ? visits * 3 : visits;
  return { measure: "variable", period: "2023", areaLevel: level, areaCode: code, visitType: V, item, numerator: value, denominator: slots, value: slots ? value / slots : null, detail: { visits, absent, missing, ...(reasons ? { reasons } : {}) } };
}
const coverage = (level: AreaLevel, code: string, n: number, d: number): CompletenessRow => ({ measure: "coverage", period: "2023", areaLevel: level, areaCode: code, visitType: "", item: "", numerator: n, denominator: d, value: n / d, detail: null });

describe("suppression of completeness figures", () => {
  // Weight at Barselsbesøg: 101 has 40 visits (38 with value, 2 absent), 147 has 20 (20), 157 has 3 (3).
  const rows: CompletenessRow[] = [
    variable("nation", "DK", "weight", 61, 63, 2, 0, { unknown: 2 }),
    variable("region", "1084", "weight", 61, 63, 2, 0, { unknown: 2 }),
    variable("municipality", "101", "weight", 38, 40, 2, 0, { unknown: 2 }),
    variable("municipality", "147", "weight", 20, 20, 0, 0, {}),
    variable("municipality", "157", "weight", 3, 3, 0, 0, {}),
    variable("municipality", "101", "", 110, 40, 8, 2),
    coverage("nation", "DK", 900, 1000),
    coverage("region", "1084", 900, 1000),
    coverage("municipality", "101", 600, 650),
    coverage("municipality", "147", 298, 346),
    coverage("municipality", "157", 2, 4),
  ];
  const cells = figureCells(rows);
  const groups = figureGroups(cells, regionOf);
  const nobody = () => false;

  it("turns each row into its figures: value, absent, missing, each reason, and the visits of item \"\"", () => {
    const types = cells.filter((c) => c.code === "101").map((c) => c.type).sort();
    expect(types).toEqual([
      TYPE.coverage(""), TYPE.visits(V), TYPE.variable(V, "", "absent"), TYPE.variable(V, "", "missing"), TYPE.variable(V, "", "value"),
      TYPE.variable(V, "weight", "absent"), TYPE.variable(V, "weight", "missing"), TYPE.reason(V, "weight", "unknown"), TYPE.variable(V, "weight", "value"),
    ].sort());
    // the slots are what the share is of; the visits behind them are what suppression looks at
    expect(cells.find((c) => c.key === figureKey("municipality", "101", TYPE.variable(V, "", "value")))).toMatchObject({ numerator: 110, denominator: 40, base: 120 });
  });

  it("hides a small municipality and one more, so it cannot be recovered from the region", () => {
    const status = suppressFigures(cells, groups, nobody);
    const s = (code: string, type: string, level: AreaLevel = "municipality") => status.get(figureKey(level, code, type));
    expect(s("157", TYPE.variable(V, "weight", "value"))).toBe("primary");
    expect(s("147", TYPE.variable(V, "weight", "value"))).toBe("complementary");
    expect(s("101", TYPE.variable(V, "weight", "value"))).toBeNull();
    expect(s("157", TYPE.coverage(""))).toBe("primary");
    expect(s("147", TYPE.coverage(""))).toBe("complementary");
  });

  it("hides a small category and a second one within the area (value + absent + missing = visits)", () => {
    const status = suppressFigures(cells, groups, nobody);
    const s = (type: string) => status.get(figureKey("municipality", "101", type));
    expect(s(TYPE.variable(V, "weight", "absent"))).toBe("primary"); // 2
    expect(s(TYPE.reason(V, "weight", "unknown"))).toBe("primary"); // 2
    // absent hidden: value or missing would give it away with the visits known → one more is hidden
    expect([s(TYPE.variable(V, "weight", "value")), s(TYPE.variable(V, "weight", "missing"))]).toContain("complementary");
  });

  it("shows the viewer's own municipality in full", () => {
    const status = suppressFigures(cells, groups, (level, code) => level === "municipality" && code === "157");
    const src = figureSource(rows, cells, status);
    expect(src.figure("municipality", "157", TYPE.variable(V, "weight", "value"))).toEqual({ state: "ok", numerator: 3, denominator: 3, value: 1 });
    // the viewer knows 157, so nothing in the region needs protecting and 147 is shown too
    expect(src.figure("municipality", "147", TYPE.variable(V, "weight", "value"))).toEqual({ state: "ok", numerator: 20, denominator: 20, value: 1 });
    expect(src.figure("municipality", "999", TYPE.coverage(""))).toMatchObject({ state: "no-data" });
  });

  it("without suppression (SundK) shows everything, with the slots as the base of item \"\"", () => {
    const src = figureSource(rows, cells, null);
    expect(src.figure("municipality", "101", TYPE.variable(V, "", "value"))).toEqual({ state: "ok", numerator: 110, denominator: 120, value: 110 / 120 });
    expect(src.reasons("municipality", "101", V, "weight")).toEqual([{ reason: "unknown", figure: { state: "ok", numerator: 2, denominator: 40, value: 0.05 } }]);
  });
});
