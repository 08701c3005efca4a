import { describe, expect, it } from "vitest";
import { VISIT } from "@/lib/indicators/codes";
import { areaOf, assembleVisitRows, delaysFromBytes, visitCounts, type ItemCount, type VisitCount, type VisitGroup } from "./aggregate";

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

describe("visitCounts", () => {
  const H = 3_600_000; // ms per hour
  // Aarhus (region 1082): barsel 3 visits reported after 1, 2 and 10 hours; graviditet 1 visit after 4 hours.
  // Skive (1082 too): barsel 2 visits after 3 and 5 hours, one face to face. A custodian of no municipality: 1 barsel
  // visit of unknown delay, which counts for the nation only.
  const groups: VisitGroup[] = [
    { visitType: VISIT.barsel, region: "1082", kommune: "751", visits: 3, timely: 3, faceToFace: 3, delays: Float64Array.from([10 * H, 1 * H, 2 * H]) },
    { visitType: VISIT.graviditet, region: "1082", kommune: "751", visits: 1, timely: 1, faceToFace: 1, delays: Float64Array.from([4 * H]) },
    { visitType: VISIT.barsel, region: "1082", kommune: "779", visits: 2, timely: 2, faceToFace: 1, delays: Float64Array.from([5 * H, 3 * H]) },
    { visitType: VISIT.barsel, region: null, kommune: null, visits: 1, timely: 0, faceToFace: 0, delays: new Float64Array() },
  ];
  const counts = visitCounts(groups);
  const at = (level: string, code: string, visitType: string) => counts.find((c) => c.area.level === level && c.area.code === code && c.visitType === visitType);

  it("gives every municipality, region and the nation per visit type and over all types", () => {
    expect(counts).toHaveLength(3 + 2 + 2 + 2 + 1 + 1);
    expect(at("municipality", "751", VISIT.barsel)).toMatchObject({ visits: 3, timely: 3, faceToFace: 3, medianHours: 2 });
    expect(at("municipality", "751", "")).toMatchObject({ visits: 4, medianHours: 3 }); // 1, 2, 4, 10 → (2 + 4) / 2
    expect(at("municipality", "779", VISIT.barsel)).toMatchObject({ visits: 2, faceToFace: 1, medianHours: 4 });
  });

  it("sums the municipalities into the region, and everything (even without a municipality) into the nation", () => {
    expect(at("region", "1082", VISIT.barsel)).toMatchObject({ visits: 5, timely: 5, medianHours: 3 }); // 1, 2, 3, 5, 10
    expect(at("region", "1082", "")).toMatchObject({ visits: 6, medianHours: 3.5 }); // 1, 2, 3, 4, 5, 10
    // the unknown delay counts as a visit, but not in the median
    expect(at("nation", "DK", VISIT.barsel)).toMatchObject({ visits: 6, timely: 5, faceToFace: 4, medianHours: 3 });
    expect(at("nation", "DK", "")).toMatchObject({ visits: 7, medianHours: 3.5 });
  });

  it("has no median when no delay is known", () => {
    expect(visitCounts([{ visitType: VISIT.barsel, region: "1082", kommune: "751", visits: 1, timely: 0, faceToFace: 1, delays: new Float64Array() }])[0].medianHours).toBeNull();
  });
});

describe("delaysFromBytes", () => {
  it("reads float8send's big-endian values, also from a slice of a larger buffer", () => {
    const values = [0, 1, 3_600_000, 172_800_001, -5_000, 2 ** 40 + 0.5];
    const whole = Buffer.alloc(8 * (values.length + 1));
    values.forEach((v, i) => whole.writeDoubleBE(v, 8 * (i + 1)));
    expect([...delaysFromBytes(whole.subarray(8))]).toEqual(values);
    expect(delaysFromBytes(null)).toHaveLength(0);
  });
  it("feeds visitCounts like an array of numbers", () => {
    const bytes = Buffer.alloc(16);
    bytes.writeDoubleBE(2 * 3_600_000, 0);
    bytes.writeDoubleBE(4 * 3_600_000, 8);
    const [c] = visitCounts([{ visitType: VISIT.barsel, region: "1082", kommune: "751", visits: 2, timely: 2, faceToFace: 2, delays: delaysFromBytes(bytes) }]);
    expect(c.medianHours).toBe(3);
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
