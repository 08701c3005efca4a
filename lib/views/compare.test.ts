import { describe, expect, it } from "vitest";
import { funnelLimits } from "@/lib/stats";
import { barData, categoryCounts, compareRows, funnelData, logTicks, notCharted, quintiles, sortRows } from "./compare";
import { COMPARE_COLUMNS, compareCsvColumns } from "./compare-table";
import { csvTable } from "./columns";
import { COMPARE, DIRECTORY, cell } from "./fixtures";

describe("compareRows", () => {
  it("lists the nation, the regions and every municipality, with missing ones as no data", () => {
    const { summary, municipalities } = compareRows(COMPARE, DIRECTORY, null, "851");
    expect(summary.map((r) => r.name)).toEqual(["Hele landet", "Region Hovedstaden", "Region Nordjylland"]);
    expect(municipalities.map((r) => [r.code, r.category])).toEqual([
      ["101", "better"], ["147", "similar"], ["400", "no-data"], ["825", "suppressed"], ["851", "worse"],
    ]);
    expect(municipalities.find((r) => r.isOwn)?.code).toBe("851");
  });

  it("keeps only the chosen region", () => {
    const { summary, municipalities } = compareRows(COMPARE, DIRECTORY, "1081", null);
    expect(summary.map((r) => r.code)).toEqual(["DK", "1081"]);
    expect(municipalities.map((r) => r.code)).toEqual(["825", "851"]);
  });
});

describe("sortRows", () => {
  const { municipalities } = compareRows(COMPARE, DIRECTORY, null, null);
  it("sorts by value both ways with missing values last", () => {
    expect(sortRows(municipalities, "vaerdi", "faldende").map((r) => r.code)).toEqual(["101", "147", "851", "400", "825"]);
    expect(sortRows(municipalities, "vaerdi", "stigende").map((r) => r.code)).toEqual(["851", "147", "101", "400", "825"]);
  });
  it("sorts names in Danish order (Aa as Å, after Z; Æ Ø Å)", () => {
    expect(sortRows(municipalities, "navn", "stigende").map((r) => r.name)).toEqual(["Bornholm", "Frederiksberg", "København", "Læsø", "Aalborg"]);
  });
  it("sorts by comparison worst first", () => {
    expect(sortRows(municipalities, "sammenligning", "stigende").map((r) => r.category)).toEqual(["worse", "similar", "better", "suppressed", "no-data"]);
  });
});

describe("chart data", () => {
  const { municipalities } = compareRows(COMPARE, DIRECTORY, null, "147");
  it("bars: municipalities with a value, highest first, CI as distances in percentage points", () => {
    const bars = barData(municipalities);
    expect(bars.map((b) => b.code)).toEqual(["101", "147", "851"]);
    expect(bars[0]).toMatchObject({ value: 60, high: 65, category: "better" });
    expect(bars[0].low).toBeCloseTo(55);
    expect(bars[0].ci[0]).toBeCloseTo(5);
    expect(bars[1].isOwn).toBe(true);
    expect(notCharted(municipalities)).toEqual({ suppressed: ["Læsø"], noData: ["Bornholm"] });
  });

  it("funnel: points at their denominator, limits around the national proportion", () => {
    const f = funnelData(municipalities, COMPARE.nation, 10);
    expect(f.centre).toBeCloseTo(60);
    expect(f.points.map((p) => [p.code, p.n])).toEqual([["101", 500], ["147", 120], ["851", 190]]);
    expect(f.limits).toHaveLength(10);
    expect(f.limits[0].n).toBeCloseTo(96);
    expect(f.limits[0].upper95).toBeCloseTo(funnelLimits(0.6, 96).upper95 * 100);
    expect(f.limits.at(-1)!.n).toBeCloseTo(525);
  });

  it("funnel without a national value has no limits", () => {
    expect(funnelData(municipalities, null).limits).toEqual([]);
  });

  it("quintiles over the municipalities with a value; ties share", () => {
    const rows = compareRows({ ...COMPARE, municipalities: [cell("municipality", "101", 1, 10), cell("municipality", "147", 1, 10), cell("municipality", "400", 5, 10), cell("municipality", "851", 9, 10)] }, DIRECTORY, null, null).municipalities;
    expect(Object.fromEntries(quintiles(rows))).toEqual({ "101": 2, "147": 2, "400": 4, "851": 5 });
  });

  it("log ticks", () => {
    expect(logTicks(8, 600)).toEqual([10, 20, 50, 100, 200, 500]);
    expect(logTicks(0.5, 3)).toEqual([1, 2]);
  });

  it("counts categories", () => {
    expect(categoryCounts(municipalities)).toMatchObject({ better: 1, similar: 1, worse: 1, suppressed: 1, "no-data": 1 });
  });
});

describe("table and CSV", () => {
  const { summary, municipalities } = compareRows(COMPARE, DIRECTORY, null, null);
  const rows = [...summary, ...municipalities];
  it("table cells in Danish formats; suppressed as <5, missing as –", () => {
    const text = (code: string) => COMPARE_COLUMNS.map((c) => c.text(rows.find((r) => r.code === code)!));
    expect(text("101")).toEqual(["København", "300", "500", "60,0 %", "55,0–65,0 %", "0", "Bedre", "–"]);
    expect(text("825")).toEqual(["Læsø", "<5", "<5", "<5", "<5", "<5", "<5", "–"]);
    expect(text("400")).toEqual(["Bornholm", "–", "–", "–", "–", "–", "Ingen data", "–"]);
  });

  it("CSV holds the same numbers, without units or thousands separators", () => {
    const t = csvTable(compareCsvColumns({ indicatorId: "LDBU-05", period: "2024", breakdownLabel: "I alt", regionName: (c) => (c === "1084" ? "Region Hovedstaden" : c) }), rows);
    expect(t.header).toEqual(["Indikator", "Periode", "Opdeling", "Niveau", "Kode", "Område", "Region", "Tæller", "Nævner", "Andel (%)", "Nedre 95 % CI (%)", "Øvre 95 % CI (%)", "Uoplyst", "Uoplyst (%)", "Sammenlignet med landet", "Standard"]);
    expect(t.rows[0].slice(3, 12)).toEqual(["Land", "DK", "Hele landet", "", "600", "1000", "60,0", "55,0", "65,0"]);
    expect(t.rows.find((r) => r[4] === "101")!.slice(5)).toEqual(["København", "Region Hovedstaden", "300", "500", "60,0", "55,0", "65,0", "0", "0,0", "Bedre", "–"]);
    expect(t.rows.find((r) => r[4] === "825")!.slice(7, 14)).toEqual(["<5", "<5", "<5", "<5", "<5", "<5", "<5"]);
  });
});
