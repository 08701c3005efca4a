/** Udvikling: the series of a municipality, its region and the nation as chart points, trend markers and table rows. */
import { MIN_TREND_PERIODS, trendMarker, type TrendMarker } from "@/lib/stats";
import { ciText, countCsv, countText, percentCsv, uoplystShareCsv, uoplystText, valueText } from "./cell-text";
import type { CsvColumn, TableColumn } from "./columns";
import { NATION_NAME, type AreaKind } from "./compare";
import { categoryOf, CATEGORY_LABEL, type Category } from "./labels";
import type { ResultCell, SeriesData } from "./types";

export const SERIES_KEYS = ["kommune", "region", "land"] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];

/** One period of the chart: values and CI bands in percent; null where the figure is hidden or missing (a gap). */
export type SeriesPoint = { period: string } & Record<SeriesKey, number | null> & Record<`${SeriesKey}Band`, [number, number] | null>;

const byPeriod = (cells: readonly ResultCell[]) => new Map(cells.map((c) => [c.period, c]));

function point(cell: ResultCell | undefined): { value: number | null; band: [number, number] | null } {
  if (!cell || cell.state !== "ok" || cell.value === null) return { value: null, band: null };
  return { value: cell.value * 100, band: cell.ciLow !== null && cell.ciHigh !== null ? [cell.ciLow * 100, cell.ciHigh * 100] : null };
}

export function seriesPoints(data: SeriesData): SeriesPoint[] {
  const m = byPeriod(data.municipality);
  const r = byPeriod(data.region);
  const n = byPeriod(data.nation);
  return data.periods.map((period) => {
    const [pm, pr, pn] = [point(m.get(period)), point(r.get(period)), point(n.get(period))];
    return { period, kommune: pm.value, kommuneBand: pm.band, region: pr.value, regionBand: pr.band, land: pn.value, landBand: pn.band };
  });
}

/**
 * Trend marker over the latest MIN_TREND_PERIODS periods (Fingertips' "recent trend"). A period whose figures are
 * hidden or missing keeps its place as a gap (0/0), so it cannot count towards the minimum.
 */
export function seriesTrend(periods: readonly string[], cells: readonly ResultCell[]): TrendMarker {
  const c = byPeriod(cells);
  const recent = periods.slice(-MIN_TREND_PERIODS);
  return trendMarker(
    recent.map((period) => {
      const cell = c.get(period);
      return cell?.state === "ok" && cell.numerator !== null && cell.denominator !== null
        ? { period, numerator: cell.numerator, denominator: cell.denominator }
        : { period, numerator: 0, denominator: 0 };
    }),
  );
}

export interface SeriesRow {
  period: string;
  kind: AreaKind;
  name: string;
  cell: ResultCell | null;
  category: Category;
}

/** Long table: per period (newest first) the municipality, its region and the nation. */
export function seriesRows(data: SeriesData, names: { municipality: string; region: string }): SeriesRow[] {
  const m = byPeriod(data.municipality);
  const r = byPeriod(data.region);
  const n = byPeriod(data.nation);
  return [...data.periods].reverse().flatMap((period) => {
    const rows: [AreaKind, string, ResultCell | undefined][] = [
      ["municipality", names.municipality, m.get(period)],
      ["region", names.region, r.get(period)],
      ["nation", NATION_NAME, n.get(period)],
    ];
    return rows.map(([kind, name, cell]) => ({ period, kind, name, cell: cell ?? null, category: categoryOf(cell) }));
  });
}

export const SERIES_COLUMNS: readonly TableColumn<SeriesRow>[] = [
  { id: "periode", header: "Periode", text: (r) => r.period },
  { id: "navn", header: "Område", text: (r) => r.name },
  { id: "taeller", header: "Tæller", numeric: true, text: (r) => countText(r.cell, "numerator") },
  { id: "naevner", header: "Nævner", numeric: true, text: (r) => countText(r.cell, "denominator") },
  { id: "vaerdi", header: "Andel", numeric: true, text: (r) => valueText(r.cell) },
  { id: "ci", header: "95 % CI", numeric: true, text: (r) => ciText(r.cell) },
  { id: "uoplyst", header: "Uoplyst", numeric: true, text: (r) => uoplystText(r.cell) },
  { id: "sammenligning", header: "Sammenlignet med landet", text: (r) => CATEGORY_LABEL[r.category] },
];

export function seriesCsvColumns(ctx: { indicatorId: string; breakdownLabel: string }): CsvColumn<SeriesRow>[] {
  return [
    { header: "Indikator", value: () => ctx.indicatorId },
    { header: "Opdeling", value: () => ctx.breakdownLabel },
    { header: "Periode", value: (r) => r.period },
    { header: "Område", value: (r) => r.name },
    { header: "Tæller", value: (r) => countCsv(r.cell, "numerator") },
    { header: "Nævner", value: (r) => countCsv(r.cell, "denominator") },
    { header: "Andel (%)", value: (r) => percentCsv(r.cell, "value") },
    { header: "Nedre 95 % CI (%)", value: (r) => percentCsv(r.cell, "ciLow") },
    { header: "Øvre 95 % CI (%)", value: (r) => percentCsv(r.cell, "ciHigh") },
    { header: "Uoplyst", value: (r) => countCsv(r.cell, "uoplyst") },
    { header: "Uoplyst (%)", value: (r) => uoplystShareCsv(r.cell) },
    { header: "Sammenlignet med landet", value: (r) => CATEGORY_LABEL[r.category] },
  ];
}
