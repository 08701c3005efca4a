import { describe, expect, it } from "vitest";
import { cell } from "./fixtures";
import { overviewRows, countsText } from "./overview";
import { profileRows } from "./profile";
import { SERIES_COLUMNS, seriesPoints, seriesRows, seriesTrend } from "./series";
import type { IndicatorOption, ResultCell, SeriesData } from "./types";

const at = (c: ResultCell, period: string) => ({ ...c, period });
const periods = ["2019", "2020", "2021", "2022", "2023", "2024"];
const rising = periods.map((p, i) => at(cell("municipality", "101", 100 + 40 * i, 1000), p));

const DATA: SeriesData = {
  indicatorId: "LDBU-05",
  municipalityCode: "101",
  regionCode: "1084",
  breakdown: "all",
  periods,
  municipality: [...rising.slice(0, 3), at(cell("municipality", "101", null, null), "2022"), ...rising.slice(4)],
  region: periods.map((p) => at(cell("region", "1084", 300, 1000), p)),
  nation: periods.slice(1).map((p) => at(cell("nation", "DK", 320, 1000), p)),
};

const INDICATOR: IndicatorOption = { id: "LDBU-05", title: "Fuldt ammet", area: "Sundhedsadfærd", periodKind: "birth-cohort", polarity: "higher", target: 0.6, provisional: true };

describe("Udvikling", () => {
  it("chart points in percent with gaps for hidden or missing periods", () => {
    const pts = seriesPoints(DATA);
    expect(pts.map((p) => p.period)).toEqual(periods);
    expect(pts[0].kommune).toBeCloseTo(10);
    expect(pts[0].kommuneBand![0]).toBeCloseTo(5);
    expect(pts[3].kommune).toBeNull();
    expect(pts[0].land).toBeNull();
    expect(pts[5].region).toBeCloseTo(30);
  });

  it("trend over the latest five periods; a hidden period there means too few", () => {
    expect(seriesTrend(periods, rising)).toBe("increasing");
    expect(seriesTrend(periods, DATA.municipality)).toBe("not-enough-data");
    expect(seriesTrend(periods, DATA.region)).toBe("no-significant-change");
  });

  it("long table, newest period first, municipality–region–nation", () => {
    const rows = seriesRows(DATA, { municipality: "København", region: "Region Hovedstaden" });
    expect(rows.slice(0, 3).map((r) => [r.period, r.name])).toEqual([["2024", "København"], ["2024", "Region Hovedstaden"], ["2024", "Hele landet"]]);
    expect(SERIES_COLUMNS.map((c) => c.text(rows[6]))).toEqual(["2022", "København", "<5", "<5", "<5", "<5", "<5", "<5"]);
    expect(rows.at(-1)).toMatchObject({ period: "2019", name: "Hele landet", category: "no-data" });
  });
});

describe("Kommuneprofil and Forside rows", () => {
  it("profile: category, trend, spread and spine per indicator", () => {
    const [row] = profileRows(
      {
        municipalityCode: "101",
        regionCode: "1084",
        rows: [{ indicatorId: "LDBU-05", period: "2024", municipality: rising.at(-1)!, region: DATA.region.at(-1)!, nation: DATA.nation.at(-1)!, distribution: [0.2, 0.3, 0.4, 0.5], series: rising, coverageWarning: null }],
      },
      [INDICATOR],
    );
    expect(row.category).toBe("similar");
    expect(row.trend).toBe("increasing");
    [0.2, 0.275, 0.425, 0.5].forEach((v, i) => expect(row.spread![i]).toBeCloseTo(v));
    expect(row.spine?.area).toBeLessThan(0.5); // 30 % against the nation's 32 %
    expect(row.seriesValues).toHaveLength(6);
  });

  it("overview: counts municipalities per category, missing ones as no data", () => {
    const [row] = overviewRows(
      [{ indicatorId: "LDBU-05", period: "2024", nation: DATA.nation.at(-1)!, nationSeries: DATA.nation, municipalities: [cell("municipality", "101", 1, 10, { benchmark: "better" }), cell("municipality", "147", null, null)] }],
      [INDICATOR],
      98,
    );
    expect(row.counts).toMatchObject({ better: 1, suppressed: 1, "no-data": 96, similar: 0 });
    expect(countsText(row)).toBe("1 bedre · 0 som landet · 0 dårligere · 1 ikke vist (<5) · 96 uden data");
  });
});
