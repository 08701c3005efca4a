import { describe, expect, it } from "vitest";
import type { ResultCell } from "@/lib/queries/viewer-cells";
import { RESULT_CSV_COLUMNS, resultRows, resultsCsv, type ReportRef } from "./serialise";

const directory = { regions: [{ code: "1084", name: "Region Hovedstaden" }], municipalities: [{ code: "101", name: "København", regionCode: "1084" }, { code: "147", name: "Frederiksberg", regionCode: "1084" }] };
const cell = (over: Partial<ResultCell>): ResultCell => ({
  indicatorId: "LDBU-01", period: "2025", areaLevel: "municipality", areaCode: "101", breakdown: "all", breakdownValue: "", state: "ok", suppression: null,
  numerator: 30, denominator: 400, uoplyst: 100, uoplystSuppressed: false, value: 0.075, ciLow: 0.053, ciHigh: 0.105, benchmark: "similar", standardMet: true,
  standardCiSide: "straddles", ...over,
});
const hidden = { state: "suppressed" as const, suppression: "primary" as const, numerator: null, denominator: null, uoplyst: null, uoplystSuppressed: true, value: null, ciLow: null, ciHigh: null, benchmark: null, standardMet: null, standardCiSide: null };
const report: ReportRef = { id: "2025-v2", year: 2025, version: 2, publishedAt: "2026-03-01T10:00:00.000Z", dataCutoff: "2026-02-01T00:00:00.000Z", catalogVersion: "2026.1", changeNote: "Rettelse" };

describe("result rows", () => {
  const rows = resultRows(
    [cell({ areaCode: "147", ...hidden }), cell({ breakdown: "koen", breakdownValue: "male" }), cell({ breakdown: "koen", breakdownValue: "female" }), cell({}), cell({ areaLevel: "nation", areaCode: "DK", benchmark: "not-compared" }), cell({ areaLevel: "region", areaCode: "1084" })],
    directory,
  );

  it("orders nation, regions, municipalities by code, headline first, breakdown values in catalog order", () => {
    expect(rows.map((r) => `${r.areaCode}/${r.breakdown}:${r.breakdownValue}`)).toEqual(["DK/all:", "1084/all:", "101/all:", "101/koen:female", "101/koen:male", "147/all:"]);
    expect(rows.map((r) => r.areaName)).toEqual(["Hele landet", "Region Hovedstaden", "København", "København", "København", "Frederiksberg"]);
    expect(rows[3].breakdownLabel).toBe("Piger");
  });

  it("has the CSV columns as its fields, flags suppression and computes the uoplyst share", () => {
    expect(["reportId", ...Object.keys(rows[0])]).toEqual([...RESULT_CSV_COLUMNS]);
    expect(rows[2]).toMatchObject({ suppressed: false, suppressionReason: null, uoplystShare: 0.2 });
    expect(rows[5]).toMatchObject({ suppressed: true, suppressionReason: "primary", numerator: null, denominator: null, uoplystShare: null });
  });

  it("writes RFC 4180 CSV: comma, decimal point, empty for null, report id first, quoted when needed", () => {
    const lines = resultsCsv(report, rows).split("\r\n");
    expect(lines[0]).toBe(RESULT_CSV_COLUMNS.join(","));
    expect(lines[3]).toBe("2025-v2,LDBU-01,2025,municipality,101,København,all,,I alt,ok,false,,30,400,0.075,0.053,0.105,similar,true,straddles,100,false,0.2");
    expect(lines[6]).toBe("2025-v2,LDBU-01,2025,municipality,147,Frederiksberg,all,,I alt,suppressed,true,primary,,,,,,,,,,true,");
    expect(lines.at(-1)).toBe("");
    expect(resultsCsv(report, []).split("\r\n")[0]).toBe(RESULT_CSV_COLUMNS.join(","));
  });
});
