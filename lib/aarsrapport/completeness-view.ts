/**
 * The data-completeness chapter of an annual report: the frozen completeness rows of the snapshot, suppressed for the
 * viewer with the Datakomplethed page's own rule and code (lib/completeness/suppression.ts), as one summary row per
 * area. Pure; lib/aarsrapport/published-completeness.ts supplies the viewer's entitlement.
 */
import { figureSource, type Figure, type FigureSource } from "@/lib/completeness/figures";
import { pagePeriods, type PagePeriods } from "@/lib/completeness/periods";
import { figureCells, figureGroups, suppressFigures, type Entitlement } from "@/lib/completeness/suppression";
import { countCsv, valueCsv } from "@/lib/completeness/text";
import { NATION, type CompletenessRow } from "@/lib/completeness/types";
import { areaSummary, complementOf, type AreaRef, type AreaSummary } from "@/lib/completeness/views";
import { csvTable, type CsvColumn } from "@/lib/views/columns";
import type { Directory } from "@/lib/views/types";

export interface CompletenessAreaRow extends AreaRef {
  summary: AreaSummary;
}

export interface CompletenessChapter {
  periods: PagePeriods;
  nation: CompletenessAreaRow;
  regions: CompletenessAreaRow[];
  /** alphabetical (Danish order, as the directory) */
  municipalities: CompletenessAreaRow[];
}

/** The figures of the chapter, in column order, with the period each is counted in. */
export const COMPLETENESS_COLUMNS = [
  { key: "coverage", label: "Dækningsgrad", detail: "børn med mindst én godkendt indberetning", period: (p: PagePeriods) => `årgang ${p.infant}` },
  { key: "variableInfant", label: "Variabelkomplethed, småbørn", detail: "obligatoriske observationer med værdi", period: (p: PagePeriods) => `årgang ${p.infant}` },
  { key: "timelinessInfant", label: "Rettidighed, småbørn", detail: "besøg indberettet inden for 2 døgn", period: (p: PagePeriods) => `årgang ${p.infant}` },
  { key: "variableSchool", label: "Variabelkomplethed, skolebørn", detail: "obligatoriske observationer med værdi", period: (p: PagePeriods) => `skoleår ${p.school}` },
  { key: "timelinessSchool", label: "Rettidighed, skolebørn", detail: "besøg indberettet inden for 2 døgn", period: (p: PagePeriods) => `skoleår ${p.school}` },
  { key: "accepted", label: "Godkendte indberetninger", detail: "modtagne indberetninger, der blev godkendt", period: (p: PagePeriods) => `indberettet ${p.validity}` },
] as const;

export type CompletenessKey = (typeof COMPLETENESS_COLUMNS)[number]["key"];

/** One figure of a row; "accepted" is the complement of the stored rejections. */
export function completenessFigure(s: AreaSummary, key: CompletenessKey): Figure {
  return key === "accepted" ? complementOf(s.validity) : s[key];
}

/** The chapter for the viewer: `entitled` says which areas the viewer may see unsuppressed (null: every area). */
export function completenessChapter(rows: readonly CompletenessRow[], year: number, directory: Directory, regionOf: ReadonlyMap<string, string>, entitled: Entitlement | null): CompletenessChapter {
  const periods = pagePeriods(year);
  const sources = new Map<string, FigureSource>();
  for (const period of new Set([periods.infant, periods.school, periods.validity])) {
    const own = rows.filter((r) => r.period === period);
    const cells = figureCells(own);
    sources.set(period, figureSource(own, cells, entitled === null ? null : suppressFigures(cells, figureGroups(cells, regionOf), entitled)));
  }
  const src = (period: string) => sources.get(period) ?? null;
  const row = (a: AreaRef): CompletenessAreaRow => ({ ...a, summary: areaSummary(a.level, a.code, periods, src) });
  return {
    periods,
    nation: row({ level: "nation", code: NATION, name: "Hele landet", regionCode: null }),
    regions: directory.regions.map((r) => row({ level: "region", code: r.code, name: r.name, regionCode: r.code })),
    municipalities: directory.municipalities.map((m) => row({ level: "municipality", code: m.code, name: m.name, regionCode: m.regionCode })),
  };
}

const LEVEL = { nation: "Land", region: "Region", municipality: "Kommune" } as const;

export function completenessCsv(chapter: CompletenessChapter): { header: string[]; rows: string[][] } {
  const columns: CsvColumn<CompletenessAreaRow>[] = [
    { header: "Niveau", value: (r) => LEVEL[r.level] },
    { header: "Kode", value: (r) => r.code },
    { header: "Område", value: (r) => r.name },
    ...COMPLETENESS_COLUMNS.flatMap((c): CsvColumn<CompletenessAreaRow>[] => {
      const head = `${c.label} (${c.period(chapter.periods)})`;
      const f = (r: CompletenessAreaRow) => completenessFigure(r.summary, c.key);
      return [
        { header: `${head}: tæller`, value: (r) => countCsv(f(r), "numerator") },
        { header: `${head}: nævner`, value: (r) => countCsv(f(r), "denominator") },
        { header: `${head} (%)`, value: (r) => valueCsv(f(r)) },
      ];
    }),
  ];
  return csvTable(columns, [chapter.nation, ...chapter.regions, ...chapter.municipalities]);
}
