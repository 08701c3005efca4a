/**
 * The published annual report as pages, tables and CSV files: from a snapshot and the viewer's (already suppressed)
 * frozen cells to the chapters of /aarsrapport/[år]. Pure functions, no React and no database; the figures come from
 * lib/aarsrapport/published.ts `publishedCells`, so suppression stays in the data layer.
 *
 * Addresses: `/aarsrapport/2025` is the current version of a year (it changes when a correction is published);
 * `/aarsrapport/2025/v/1` is version 1 for ever (the citable address). Sub-pages, CSV files and the PDF hang under
 * either prefix; CSV links always point at the version-pinned address, so a downloaded table names its version.
 */
import { areaCell, categoryCounts, compareRows, sortRows, type CompareRow } from "@/lib/views/compare";
import { COMPARE_COLUMNS, compareCsvColumns } from "@/lib/views/compare-table";
import { csvTable, type CsvColumn, type TableColumn } from "@/lib/views/columns";
import { ciText, countCsv, countText, percentCsv, valueText } from "@/lib/views/cell-text";
import { CATEGORY_LABEL, standardLabel, type Category } from "@/lib/views/labels";
import { PROFILE_COLUMNS, profileCsvColumns, profileRows, type ProfileViewRow } from "@/lib/views/profile";
import type { AreaCell, CompareData, Directory, IndicatorOption, ProfileData, ResultCell } from "@/lib/views/types";
import { formatDecimal, formatPercent } from "@/lib/stats";
import type { Snapshot, SnapshotIndicator } from "./snapshot";

// ---------------------------------------------------------------- addresses

/** The report's address: the current version (version null) or one version for ever. */
export function reportPath(year: number, version: number | null, sub = ""): string {
  return `/aarsrapport/${year}${version === null ? "" : `/v/${version}`}${sub}`;
}

export const csvPath = (year: number, version: number, table: string) => reportPath(year, version, `/csv/${table}`);
export const pdfFileName = (year: number, version: number) => `LDBU-aarsrapport-${year}-v${version}.pdf`;

/** A year in a URL: four digits, nothing else. */
export function parseYear(s: string): number | null {
  return /^\d{4}$/.test(s) ? Number(s) : null;
}

/** A version in a URL: a positive whole number without leading zeros. */
export function parseVersion(s: string): number | null {
  return /^[1-9]\d{0,5}$/.test(s) ? Number(s) : null;
}

/** "26. november 2026 kl. 16.56" in Danish time. */
export function danishDateTime(iso: string | Date): string {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", day: "numeric", month: "long", year: "numeric" }).format(d);
  const time = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", hour: "2-digit", minute: "2-digit", hour12: false }).format(d).replace(":", ".");
  return `${date} kl. ${time}`;
}

/** "26. november 2026" in Danish time. */
export function danishDate(iso: string | Date): string {
  return new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", day: "numeric", month: "long", year: "numeric" }).format(new Date(iso));
}

// ---------------------------------------------------------------- indicators and areas

/** The frozen indicator as the shared views expect it; the standard is the one frozen with the report. */
export function indicatorOption(i: SnapshotIndicator): IndicatorOption {
  return { id: i.id, title: i.title, area: i.area, periodKind: i.periodKind, polarity: i.polarity, target: i.standardTarget, provisional: false };
}

export interface AreaChapter {
  area: string;
  /** anchor on the report page */
  slug: string;
  indicators: SnapshotIndicator[];
}

/** "Forældre og netværk" → "foraeldre-og-netvaerk". */
export function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** One chapter per indicator area of the frozen catalog, in the catalog's order of first appearance. */
export function areaChapters(snapshot: Pick<Snapshot, "indicators">): AreaChapter[] {
  const out = new Map<string, AreaChapter>();
  for (const i of snapshot.indicators) {
    const chapter = out.get(i.area) ?? out.set(i.area, { area: i.area, slug: `omraade-${slugify(i.area)}`, indicators: [] }).get(i.area)!;
    chapter.indicators.push(i);
  }
  return [...out.values()];
}

// ---------------------------------------------------------------- one indicator

/** The headline cells of one indicator (its report period, breakdown "I alt") as Sammenlign kommuner reads them. */
export function indicatorData(indicator: SnapshotIndicator, cells: readonly ResultCell[]): CompareData {
  const own = cells.filter((c) => c.indicatorId === indicator.id && c.period === indicator.period && c.breakdown === "all");
  const nation = own.find((c) => c.areaLevel === "nation");
  return {
    indicatorId: indicator.id,
    period: indicator.period,
    periods: [indicator.period],
    breakdown: "all",
    nation: nation ? areaCell(nation) : null,
    regions: own.filter((c) => c.areaLevel === "region").map(areaCell),
    municipalities: own.filter((c) => c.areaLevel === "municipality").map(areaCell),
    // the report's data-completeness chapter covers coverage; the dashboards' live warnings do not apply to a snapshot
    coverageWarnings: [],
  };
}

export interface IndicatorSection {
  indicator: SnapshotIndicator;
  option: IndicatorOption;
  data: CompareData;
  /** the nation and the regions */
  summary: CompareRow[];
  /** every municipality, alphabetical (Danish order) */
  municipalities: CompareRow[];
  counts: Record<Category, number>;
}

export function indicatorSection(indicator: SnapshotIndicator, cells: readonly ResultCell[], directory: Directory): IndicatorSection {
  const data = indicatorData(indicator, cells);
  const { summary, municipalities } = compareRows(data, directory, null, null);
  return { indicator, option: indicatorOption(indicator), data, summary, municipalities: sortRows(municipalities, "navn", "stigende"), counts: categoryCounts(municipalities) };
}

/** The table of an indicator: Sammenlign kommuner's columns (not sortable in a printed report). */
export const INDICATOR_COLUMNS: readonly TableColumn<CompareRow>[] = COMPARE_COLUMNS;

export function indicatorCsv(section: IndicatorSection, directory: Directory): { header: string[]; rows: string[][] } {
  const regionName = (code: string) => directory.regions.find((r) => r.code === code)?.name ?? code;
  const columns = compareCsvColumns({ indicatorId: section.indicator.id, period: section.indicator.period, breakdownLabel: "I alt", regionName });
  return csvTable(columns, [...section.summary, ...section.municipalities]);
}

// ---------------------------------------------------------------- the national summary

export interface NationalRow {
  indicator: SnapshotIndicator;
  nation: AreaCell | null;
  counts: Record<Category, number>;
}

export function nationalRows(sections: readonly IndicatorSection[]): NationalRow[] {
  return sections.map((s) => ({ indicator: s.indicator, nation: s.data.nation, counts: s.counts }));
}

const target = (i: SnapshotIndicator) => (i.standardTarget === null ? "–" : formatPercent(i.standardTarget, 0));
const judged = (i: SnapshotIndicator): [Category, Category, Category] => (i.polarity === "none" ? ["lower", "similar", "higher"] : ["better", "similar", "worse"]);
const countsText = (r: NationalRow) => judged(r.indicator).map((c) => `${r.counts[c]} ${CATEGORY_LABEL[c].toLowerCase()}`).join(", ");

export const NATIONAL_COLUMNS: readonly TableColumn<NationalRow>[] = [
  { id: "indikator", header: "Indikator", text: (r) => `${r.indicator.id} ${r.indicator.title}` },
  { id: "periode", header: "Periode", text: (r) => r.indicator.period },
  { id: "taeller", header: "Tæller", numeric: true, text: (r) => countText(r.nation, "numerator") },
  { id: "naevner", header: "Nævner", numeric: true, text: (r) => countText(r.nation, "denominator") },
  { id: "vaerdi", header: "Landet", numeric: true, text: (r) => valueText(r.nation) },
  { id: "ci", header: "95 % CI", numeric: true, text: (r) => ciText(r.nation) },
  { id: "standard", header: "Standard", numeric: true, text: (r) => target(r.indicator) },
  { id: "opfyldt", header: "Standard opfyldt", text: (r) => standardLabel(r.nation?.standardMet ?? null, r.nation?.standardCiSide ?? null) },
  { id: "kommuner", header: "Kommuner mod landet", text: countsText },
];

export const NATIONAL_CSV_COLUMNS: readonly CsvColumn<NationalRow>[] = [
  { header: "Indikator", value: (r) => r.indicator.id },
  { header: "Titel", value: (r) => r.indicator.title },
  { header: "Område", value: (r) => r.indicator.area },
  { header: "Periode", value: (r) => r.indicator.period },
  { header: "Tæller", value: (r) => countCsv(r.nation, "numerator") },
  { header: "Nævner", value: (r) => countCsv(r.nation, "denominator") },
  { header: "Andel (%)", value: (r) => percentCsv(r.nation, "value") },
  { header: "Nedre 95 % CI (%)", value: (r) => percentCsv(r.nation, "ciLow") },
  { header: "Øvre 95 % CI (%)", value: (r) => percentCsv(r.nation, "ciHigh") },
  { header: "Standard (%)", value: (r) => (r.indicator.standardTarget === null ? "" : formatDecimal(r.indicator.standardTarget * 100, 1)) },
  { header: "Standard opfyldt", value: (r) => standardLabel(r.nation?.standardMet ?? null, r.nation?.standardCiSide ?? null) },
  ...(["better", "similar", "worse", "lower", "higher", "suppressed", "no-data"] as const).map((c) => ({ header: `Kommuner: ${CATEGORY_LABEL[c]}`, value: (r: NationalRow) => String(r.counts[c]) })),
];

// ---------------------------------------------------------------- one municipality

/** Kommuneprofil's data for one municipality from the frozen cells: one period, so no trend. */
export function municipalityProfile(snapshot: Pick<Snapshot, "indicators">, cells: readonly ResultCell[], municipalityCode: string, regionCode: string): ProfileData {
  return {
    municipalityCode,
    regionCode,
    rows: snapshot.indicators.map((i) => {
      const own = cells.filter((c) => c.indicatorId === i.id && c.period === i.period && c.breakdown === "all");
      const at = (level: ResultCell["areaLevel"], code?: string) => own.find((c) => c.areaLevel === level && (code === undefined || c.areaCode === code)) ?? null;
      const municipality = at("municipality", municipalityCode);
      return {
        indicatorId: i.id,
        period: i.period,
        municipality,
        region: at("region", regionCode),
        nation: at("nation"),
        distribution: own.filter((c) => c.areaLevel === "municipality" && c.state === "ok" && c.value !== null).map((c) => c.value as number),
        series: municipality ? [municipality] : [],
        coverageWarning: null,
      };
    }),
  };
}

export function municipalityRows(snapshot: Pick<Snapshot, "indicators">, profile: ProfileData): ProfileViewRow[] {
  return profileRows(profile, snapshot.indicators.map(indicatorOption));
}

/** Kommuneprofil's columns without the trend (a report covers one period). */
export const MUNICIPALITY_COLUMNS: readonly TableColumn<ProfileViewRow>[] = PROFILE_COLUMNS.filter((c) => c.id !== "udvikling");

export function municipalityCsv(rows: readonly ProfileViewRow[], ctx: { municipality: string; region: string }): { header: string[]; rows: string[][] } {
  return csvTable(profileCsvColumns(ctx).filter((c) => c.header !== "Udvikling"), rows);
}
