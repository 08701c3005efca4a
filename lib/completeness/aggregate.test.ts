import { describe, expect, it } from "vitest";
import { VISIT } from "@/lib/indicators/codes";
import { areaOf, assembleVisitRows, type ItemCount, type VisitCount } from "./aggregate";

const AARHUS = { level: "municipality" as const, code: "751" };

describe("areaOf", () => {
  it("maps GROUPING(region, kommune) to the area, dropping facts without one", () => {
    expect(areaOf(0, "1082", "751")).toEqual(AARHUS);
    expect(areaOf(0, null, null)).toBeNull();
    expect(areaOf(1, "1082", null)).toEqual({ level: "region", code: "1082" });
    expect(areaOf(1, null, null)).toBeNull();
    expect(areaOf(3, null, null)).toEqual({ level: "nation", code: "DK" });
  });
});

describe("assembleVisitRows", () => {
  // Barselsbesøg (relationship, weight, nutrition): 4 visits, 3 face to face; relationship missing once and sent
  // without value once (unknown); weight without value twice (not-asked, unknown).
  const visits: VisitCount[] = [
    { area: AARHUS, visitType: VISIT.barsel, visits: 4, timely: 2, medianHours: 48, faceToFace: 3 },
    { area: AARHUS, visitType: "", visits: 4, timely: 2, medianHours: 48, faceToFace: 3 },
  ];
  const items: ItemCount[] = [
    { area: AARHUS, visitType: VISIT.barsel, item: "relationship", reason: null, n: 1 },
    { area: AARHUS, visitType: VISIT.barsel, item: "relationship", reason: "unknown", n: 1 },
    { area: AARHUS, visitType: VISIT.barsel, item: "weight", reason: "not-asked", n: 1 },
    { area: AARHUS, visitType: VISIT.barsel, item: "weight", reason: "unknown", n: 1 },
  ];
  const rows = assembleVisitRows("2023", visits, items);
  const find = (measure: string, visitType: string, item = "") => rows.find((r) => r.measure === measure && r.visitType === visitType && r.item === item);

  it("counts an observation with a value as the face-to-face visits minus missing and absent", () => {
    expect(find("variable", VISIT.barsel, "relationship")).toMatchObject({ numerator: 1, denominator: 3, detail: { visits: 3, absent: 1, missing: 1, reasons: { unknown: 1 } } });
    expect(find("variable", VISIT.barsel, "weight")).toMatchObject({ numerator: 1, denominator: 3, detail: { absent: 2, missing: 0, reasons: { "not-asked": 1, unknown: 1 } } });
    expect(find("variable", VISIT.barsel, "nutrition")).toMatchObject({ numerator: 3, denominator: 3, value: 1 });
  });
  it("sums the observation slots of a visit type and of all visit types", () => {
    expect(find("variable", VISIT.barsel)).toMatchObject({ numerator: 5, denominator: 9, detail: { visits: 3, absent: 3, missing: 1 } });
    expect(find("variable", "")).toMatchObject({ numerator: 5, denominator: 9, detail: { visits: 3, absent: 3, missing: 1 } });
  });
  it("keeps timeliness per visit type and for all visits, with the median", () => {
    expect(find("timeliness", VISIT.barsel)).toMatchObject({ numerator: 2, denominator: 4, value: 0.5, detail: { medianHours: 48 } });
    expect(find("timeliness", "")).toMatchObject({ numerator: 2, denominator: 4 });
  });
  it("gives no share when there is nothing to count", () => {
    const none = assembleVisitRows("2023", [{ area: AARHUS, visitType: VISIT.mellemtrin, visits: 1, timely: 1, medianHours: 2, faceToFace: 0 }], []);
    expect(none.find((r) => r.measure === "variable" && r.item === "")).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
});
