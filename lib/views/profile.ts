/** Kommuneprofil: one row per indicator with the municipality, its region, the nation, the spread, trend and standard. */
import { formatDecimal, formatPercent, type TrendMarker } from "@/lib/stats";
import { ciText, countCsv, countText, percentCsv, uoplystShareCsv, uoplystText, valueText } from "./cell-text";
import type { CsvColumn, TableColumn } from "./columns";
import { categoryOf, CATEGORY_LABEL, standardLabel, trendLabel, type Category } from "./labels";
import { seriesTrend } from "./series";
import { percentile } from "@/lib/stats/percentile";
import { spineGeometry, type SpineGeometry } from "./spine";
import type { IndicatorOption, ProfileData, ResultCell } from "./types";

export interface ProfileViewRow {
  indicator: IndicatorOption;
  period: string | null;
  municipality: ResultCell | null;
  region: ResultCell | null;
  nation: ResultCell | null;
  category: Category;
  trend: TrendMarker;
  /** the municipality's value per period, oldest first (null: hidden or missing), for the sparkline */
  seriesValues: (number | null)[];
  seriesPeriods: string[];
  spine: SpineGeometry | null;
  /** lowest, 25th percentile, 75th percentile, highest of the municipalities shown, or null */
  spread: [number, number, number, number] | null;
  /** Danish warning when the municipality's coverage is below SundK's threshold */
  coverageWarning: string | null;
}

export function profileRows(data: ProfileData, indicators: readonly IndicatorOption[]): ProfileViewRow[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return data.rows.flatMap((r) => {
    const indicator = byId.get(r.indicatorId);
    if (!indicator) return [];
    const periods = r.series.map((c) => c.period);
    const sorted = [...r.distribution].sort((a, b) => a - b);
    const value = r.municipality?.state === "ok" ? r.municipality.value : null;
    return [{
      indicator,
      period: r.period,
      municipality: r.municipality,
      region: r.region,
      nation: r.nation,
      category: categoryOf(r.municipality),
      trend: seriesTrend(periods, r.series),
      seriesValues: r.series.map((c) => (c.state === "ok" ? c.value : null)),
      seriesPeriods: periods,
      spine: spineGeometry(sorted, r.nation?.value ?? null, value, indicator.polarity),
      spread: sorted.length >= 2 ? [sorted[0], percentile(sorted, 0.25), percentile(sorted, 0.75), sorted[sorted.length - 1]] : null,
      coverageWarning: r.coverageWarning,
    }];
  });
}

/** The spread in words, for the spine chart's text alternative. */
export function spreadText(row: ProfileViewRow): string {
  if (!row.spread) return "Ingen spredning (for få kommuner med viste tal)";
  const [lo, q1, q3, hi] = row.spread.map((v) => formatPercent(v));
  return `Kommunerne: laveste ${lo}, 25 %-fraktil ${q1}, 75 %-fraktil ${q3}, højeste ${hi}`;
}

const target = (r: ProfileViewRow) => (r.indicator.target === null ? "–" : `${formatPercent(r.indicator.target, 0)}${r.indicator.provisional ? " (foreløbig)" : ""}`);
const standard = (r: ProfileViewRow) => standardLabel(r.municipality?.standardMet ?? null, r.municipality?.standardCiSide ?? null);

export const PROFILE_COLUMNS: readonly TableColumn<ProfileViewRow>[] = [
  { id: "indikator", header: "Indikator", text: (r) => `${r.indicator.id} ${r.indicator.title}` },
  { id: "periode", header: "Periode", text: (r) => r.period ?? "–" },
  { id: "taeller", header: "Tæller", numeric: true, text: (r) => countText(r.municipality, "numerator") },
  { id: "naevner", header: "Nævner", numeric: true, text: (r) => countText(r.municipality, "denominator") },
  { id: "uoplyst", header: "Uoplyst", numeric: true, text: (r) => uoplystText(r.municipality) },
  { id: "kommune", header: "Kommune", numeric: true, text: (r) => valueText(r.municipality) },
  { id: "ci", header: "95 % CI", numeric: true, text: (r) => ciText(r.municipality) },
  { id: "region", header: "Region", numeric: true, text: (r) => valueText(r.region) },
  { id: "land", header: "Landet", numeric: true, text: (r) => valueText(r.nation) },
  { id: "sammenligning", header: "Sammenlignet med landet", text: (r) => CATEGORY_LABEL[r.category] },
  { id: "standard", header: "Standard", numeric: true, text: target },
  { id: "opfyldt", header: "Standard opfyldt", text: standard },
  { id: "udvikling", header: "Udvikling", text: (r) => trendLabel(r.trend, r.indicator.polarity) },
];

export function profileCsvColumns(ctx: { municipality: string; region: string }): CsvColumn<ProfileViewRow>[] {
  const spread = (i: number) => (r: ProfileViewRow) => (r.spread ? formatDecimal(r.spread[i] * 100, 1) : "");
  return [
    { header: "Kommune", value: () => ctx.municipality },
    { header: "Indikator", value: (r) => r.indicator.id },
    { header: "Titel", value: (r) => r.indicator.title },
    { header: "Periode", value: (r) => r.period ?? "" },
    { header: "Tæller", value: (r) => countCsv(r.municipality, "numerator") },
    { header: "Nævner", value: (r) => countCsv(r.municipality, "denominator") },
    { header: "Uoplyst", value: (r) => countCsv(r.municipality, "uoplyst") },
    { header: "Uoplyst (%)", value: (r) => uoplystShareCsv(r.municipality) },
    { header: "Kommune (%)", value: (r) => percentCsv(r.municipality, "value") },
    { header: "Nedre 95 % CI (%)", value: (r) => percentCsv(r.municipality, "ciLow") },
    { header: "Øvre 95 % CI (%)", value: (r) => percentCsv(r.municipality, "ciHigh") },
    { header: `${ctx.region} (%)`, value: (r) => percentCsv(r.region, "value") },
    { header: "Landet (%)", value: (r) => percentCsv(r.nation, "value") },
    { header: "Sammenlignet med landet", value: (r) => CATEGORY_LABEL[r.category] },
    { header: "Standard", value: target },
    { header: "Standard opfyldt", value: standard },
    { header: "Udvikling", value: (r) => trendLabel(r.trend, r.indicator.polarity) },
    { header: "Laveste kommune (%)", value: spread(0) },
    { header: "25 %-fraktil (%)", value: spread(1) },
    { header: "75 %-fraktil (%)", value: spread(2) },
    { header: "Højeste kommune (%)", value: spread(3) },
  ];
}
