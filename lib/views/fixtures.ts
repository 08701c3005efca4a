/** Small hand-made inputs for the view tests (not used by the app). */
import type { CompareData, Directory, ResultCell } from "./types";

export function cell(areaLevel: ResultCell["areaLevel"], areaCode: string, numerator: number | null, denominator: number | null, extra: Partial<ResultCell> = {}): ResultCell {
  const shown = numerator !== null && denominator !== null;
  const value = shown && denominator ? numerator / denominator : null;
  return {
    indicatorId: "LDBU-05", period: "2024", areaLevel, areaCode, breakdown: "all", breakdownValue: "",
    state: !shown ? "suppressed" : denominator === 0 ? "no-data" : "ok",
    suppression: shown ? null : "primary",
    numerator, denominator, uoplyst: shown ? 0 : null, uoplystSuppressed: !shown,
    value, ciLow: value === null ? null : Math.max(0, value - 0.05), ciHigh: value === null ? null : Math.min(1, value + 0.05),
    benchmark: shown ? (areaLevel === "nation" ? "not-compared" : "similar") : null, standardMet: null, standardCiSide: null,
    ...extra,
  };
}

export const DIRECTORY: Directory = {
  regions: [{ code: "1084", name: "Region Hovedstaden" }, { code: "1081", name: "Region Nordjylland" }],
  municipalities: [
    { code: "101", name: "København", regionCode: "1084" },
    { code: "147", name: "Frederiksberg", regionCode: "1084" },
    { code: "400", name: "Bornholm", regionCode: "1084" },
    { code: "825", name: "Læsø", regionCode: "1081" },
    { code: "851", name: "Aalborg", regionCode: "1081" },
  ],
};

export const COMPARE: CompareData = {
  indicatorId: "LDBU-05",
  period: "2024",
  periods: ["2024", "2023"],
  breakdown: "all",
  nation: cell("nation", "DK", 600, 1000),
  regions: [cell("region", "1084", 400, 700), cell("region", "1081", 200, 300)],
  municipalities: [
    cell("municipality", "101", 300, 500, { benchmark: "better" }),
    cell("municipality", "147", 60, 120),
    cell("municipality", "825", null, null),
    cell("municipality", "851", 90, 190, { benchmark: "worse" }),
  ],
  coverageWarnings: [],
};
