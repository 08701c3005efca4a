import { describe, expect, it } from "vitest";
import type { CompletenessRow } from "@/lib/completeness/types";
import { DIRECTORY } from "@/lib/views/fixtures";
import { completenessChapter, completenessCsv, completenessFigure } from "./completeness-view";

const row = (measure: CompletenessRow["measure"], period: string, areaLevel: CompletenessRow["areaLevel"], areaCode: string, numerator: number, denominator: number): CompletenessRow => ({
  measure, period, areaLevel, areaCode, visitType: "", item: "", numerator, denominator, value: denominator ? numerator / denominator : null, detail: null,
});

// coverage of birth cohort 2024: Læsø is small (3 of 4); its region total gives it away unless a second municipality is hidden too
const rows: CompletenessRow[] = [
  row("coverage", "2024", "nation", "DK", 943, 1024),
  row("coverage", "2024", "region", "1084", 810, 870),
  row("coverage", "2024", "region", "1081", 133, 154),
  row("coverage", "2024", "municipality", "101", 500, 540),
  row("coverage", "2024", "municipality", "147", 250, 260),
  row("coverage", "2024", "municipality", "400", 60, 70),
  row("coverage", "2024", "municipality", "825", 3, 4),
  row("coverage", "2024", "municipality", "851", 130, 150),
  row("validity", "2024", "nation", "DK", 20, 1000),
];
const regionOf = new Map(DIRECTORY.municipalities.map((m) => [m.code, m.regionCode]));

describe("completeness chapter", () => {
  it("hides small figures and their complements from the public", () => {
    const c = completenessChapter(rows, 2024, DIRECTORY, regionOf, () => false);
    const byCode = new Map(c.municipalities.map((m) => [m.code, m.summary.coverage]));
    expect(byCode.get("825")).toMatchObject({ state: "suppressed", numerator: null, denominator: null, value: null });
    expect(byCode.get("851")?.state).toBe("suppressed"); // complementary: Nordjylland − Aalborg would give Læsø
    expect(byCode.get("101")).toMatchObject({ state: "ok", numerator: 500, denominator: 540 });
    expect(c.nation.summary.coverage.numerator).toBe(943);
    expect(completenessFigure(c.nation.summary, "accepted")).toMatchObject({ numerator: 980, denominator: 1000 });
    expect(completenessFigure(c.nation.summary, "variableSchool").state).toBe("no-data");
    expect(c.periods).toMatchObject({ infant: "2024", school: "2024/25", validity: "2024" });
  });

  it("shows every figure to a viewer entitled to all areas", () => {
    const c = completenessChapter(rows, 2024, DIRECTORY, regionOf, null);
    expect(c.municipalities.find((m) => m.code === "825")?.summary.coverage).toMatchObject({ state: "ok", numerator: 3, denominator: 4 });
  });

  it("writes the CSV with Danish headers, decimal comma and <5", () => {
    const t = completenessCsv(completenessChapter(rows, 2024, DIRECTORY, regionOf, () => false));
    expect(t.header.slice(0, 6)).toEqual(["Niveau", "Kode", "Område", "Dækningsgrad (årgang 2024): tæller", "Dækningsgrad (årgang 2024): nævner", "Dækningsgrad (årgang 2024) (%)"]);
    expect(t.rows[0].slice(0, 6)).toEqual(["Land", "DK", "Hele landet", "943", "1024", "92,1"]);
    expect(t.rows.find((r) => r[1] === "825")!.slice(3, 6)).toEqual(["<5", "<5", "<5"]);
    expect(t.rows).toHaveLength(1 + 2 + 5);
    expect(t.header.at(-1)).toBe("Godkendte indberetninger (indberettet 2024) (%)");
    expect(t.rows[0].at(-1)).toBe("98,0");
  });
});
