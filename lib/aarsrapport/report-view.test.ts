import { describe, expect, it } from "vitest";
import { INDICATORS } from "@/lib/indicators/catalog";
import { cell, DIRECTORY } from "@/lib/views/fixtures";
import type { ResultCell } from "@/lib/views/types";
import type { SnapshotIndicator } from "./snapshot";
import {
  areaChapters, csvPath, danishDateTime, indicatorCsv, indicatorData, indicatorSection, MUNICIPALITY_COLUMNS, municipalityCsv, municipalityProfile,
  municipalityRows, NATIONAL_COLUMNS, NATIONAL_CSV_COLUMNS, nationalRows, parseVersion, parseYear, pdfFileName, reportPath, slugify,
} from "./report-view";
import { csvTable } from "@/lib/views/columns";

const frozen = (id: string, extra: Partial<SnapshotIndicator> = {}): SnapshotIndicator => ({ ...INDICATORS.find((i) => i.id === id)!, period: "2024", standardTarget: 0.6, ...extra });
const indicators = [frozen("LDBU-05"), frozen("LDBU-01"), frozen("LDBU-06"), frozen("LDBU-10", { period: "2024/25" })];
const at = (c: ResultCell, over: Partial<ResultCell>) => ({ ...c, ...over });

// LDBU-05 2024 headline cells, a breakdown cell and another period that must be left out
const cells: ResultCell[] = [
  cell("nation", "DK", 600, 1000, { benchmark: null, standardMet: true, standardCiSide: "entirely-met" }),
  cell("region", "1084", 400, 700),
  cell("region", "1081", 200, 300),
  cell("municipality", "101", 300, 500, { benchmark: "better" }),
  cell("municipality", "147", 60, 120),
  cell("municipality", "825", null, null),
  cell("municipality", "851", 90, 190, { benchmark: "worse" }),
  at(cell("municipality", "101", 10, 20), { breakdown: "koen", breakdownValue: "female" }),
  at(cell("nation", "DK", 1, 2), { period: "2023" }),
];

describe("addresses", () => {
  it("current and version-pinned paths, CSV and PDF names", () => {
    expect(reportPath(2025, null)).toBe("/aarsrapport/2025");
    expect(reportPath(2025, 2, "/kommuner/751")).toBe("/aarsrapport/2025/v/2/kommuner/751");
    expect(csvPath(2025, 1, "LDBU-01")).toBe("/aarsrapport/2025/v/1/csv/LDBU-01");
    expect(pdfFileName(2025, 1)).toBe("LDBU-aarsrapport-2025-v1.pdf");
  });
  it("accepts only plain years and versions", () => {
    expect(parseYear("2025")).toBe(2025);
    for (const bad of ["25", "2025a", "20255", " 2025", "-202"]) expect(parseYear(bad), bad).toBeNull();
    expect(parseVersion("3")).toBe(3);
    for (const bad of ["0", "01", "-1", "1.5", "x", "1234567"]) expect(parseVersion(bad), bad).toBeNull();
  });
  it("writes dates in Danish, in Danish time", () => {
    expect(danishDateTime("2026-01-15T11:05:00Z")).toBe("15. januar 2026 kl. 12.05");
    expect(danishDateTime("2026-07-01T22:30:00Z")).toBe("2. juli 2026 kl. 00.30");
  });
});

describe("chapters", () => {
  it("one per area in the catalog's order of first appearance, with stable anchors", () => {
    const chapters = areaChapters({ indicators });
    expect(chapters.map((c) => [c.area, c.indicators.map((i) => i.id)])).toEqual([
      ["Sundhedsadfærd", ["LDBU-05", "LDBU-06"]],
      ["Vækst og vægt", ["LDBU-01"]],
      ["Kontakter", ["LDBU-10"]],
    ]);
    expect(slugify("Forældre og netværk")).toBe("foraeldre-og-netvaerk");
    expect(chapters[1].slug).toBe("omraade-vaekst-og-vaegt");
  });
});

describe("one indicator", () => {
  it("takes the headline cells of the indicator's report period only", () => {
    const d = indicatorData(indicators[0], cells);
    expect(d.nation?.numerator).toBe(600);
    expect(d.regions).toHaveLength(2);
    expect(d.municipalities.map((c) => c.areaCode)).toEqual(["101", "147", "825", "851"]);
    expect(indicatorData(indicators[2], cells)).toMatchObject({ nation: null, regions: [], municipalities: [] });
  });

  it("lists every municipality of the directory in Danish alphabetical order (Aa = Å) and counts the categories", () => {
    const s = indicatorSection(indicators[0], cells, DIRECTORY);
    expect(s.municipalities.map((r) => r.name)).toEqual(["Bornholm", "Frederiksberg", "København", "Læsø", "Aalborg"]);
    expect(s.summary.map((r) => r.name)).toEqual(["Hele landet", "Region Hovedstaden", "Region Nordjylland"]);
    expect(s.counts).toMatchObject({ better: 1, similar: 1, worse: 1, suppressed: 1, "no-data": 1 });
    expect(s.option.target).toBe(0.6);
  });

  it("writes the table as CSV with suppressed cells as <5", () => {
    const t = indicatorCsv(indicatorSection(indicators[0], cells, DIRECTORY), DIRECTORY);
    expect(t.header.slice(0, 4)).toEqual(["Indikator", "Periode", "Opdeling", "Niveau"]);
    const laesoe = t.rows.find((r) => r[5] === "Læsø")!;
    expect(laesoe.slice(7, 12)).toEqual(["<5", "<5", "<5", "<5", "<5"]);
    const kbh = t.rows.find((r) => r[5] === "København")!;
    expect(kbh.slice(6, 10)).toEqual(["Region Hovedstaden", "300", "500", "60,0"]);
    expect(t.rows).toHaveLength(3 + 5);
  });
});

describe("national summary", () => {
  it("one row per indicator with the nation and the municipalities against it", () => {
    const rows = nationalRows(indicators.slice(0, 2).map((i) => indicatorSection(i, cells, DIRECTORY)));
    const text = (id: string, r = rows[0]) => NATIONAL_COLUMNS.find((c) => c.id === id)!.text(r);
    expect(text("vaerdi")).toBe("60,0 %");
    expect(text("standard")).toBe("60 %");
    expect(text("opfyldt")).toBe("Opfyldt (sikkert)");
    expect(text("kommuner")).toBe("1 bedre, 1 som landet, 1 dårligere");
    expect(text("vaerdi", rows[1])).toBe("–");
    const csv = csvTable(NATIONAL_CSV_COLUMNS, rows);
    expect(csv.rows[0].slice(0, 10)).toEqual(["LDBU-05", indicators[0].title, "Sundhedsadfærd", "2024", "600", "1000", "60,0", "55,0", "65,0", "60,0"]);
    expect(csv.header.at(-2)).toBe("Kommuner: <5");
    expect(csv.rows[0].at(-2)).toBe("1");
  });
});

describe("one municipality", () => {
  const profile = municipalityProfile({ indicators: indicators.slice(0, 2) }, cells, "101", "1084");
  it("the municipality, its region and the nation per frozen indicator, with the spread of the shown municipalities", () => {
    expect(profile.rows.map((r) => r.indicatorId)).toEqual(["LDBU-05", "LDBU-01"]);
    expect(profile.rows[0]).toMatchObject({ period: "2024", municipality: { numerator: 300 }, region: { areaCode: "1084" }, nation: { numerator: 600 } });
    expect(profile.rows[0].distribution.sort()).toEqual([0.5, 0.6, 90 / 190].sort());
    expect(profile.rows[1]).toMatchObject({ municipality: null, series: [] });
  });
  it("has no trend column (a report covers one period) and writes its CSV", () => {
    expect(MUNICIPALITY_COLUMNS.map((c) => c.id)).not.toContain("udvikling");
    const rows = municipalityRows({ indicators: indicators.slice(0, 2) }, profile);
    const t = municipalityCsv(rows, { municipality: "København", region: "Region Hovedstaden" });
    expect(t.header).not.toContain("Udvikling");
    expect(t.header).toContain("Region Hovedstaden (%)");
    expect(t.rows[0].slice(0, 6)).toEqual(["København", "LDBU-05", indicators[0].title, "2024", "300", "500"]);
  });
});
