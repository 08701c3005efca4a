/** Forside: per indicator the national value, its series and trend, and how many municipalities differ from it. */
import { formatPercent, type TrendMarker } from "@/lib/stats";
import { ciText, percentCsv, valueText } from "./cell-text";
import type { CsvColumn, TableColumn } from "./columns";
import { categoryOf, CATEGORY_ORDER, trendLabel, type Category } from "./labels";
import { seriesTrend } from "./series";
import type { IndicatorOption, OverviewRow, ResultCell } from "./types";

export interface OverviewViewRow {
  indicator: IndicatorOption;
  period: string | null;
  nation: ResultCell | null;
  seriesValues: (number | null)[];
  seriesPeriods: string[];
  trend: TrendMarker;
  /** municipalities per category in the latest period (those without a stored cell count as no data) */
  counts: Record<Category, number>;
}

export function overviewRows(rows: readonly OverviewRow[], indicators: readonly IndicatorOption[], municipalityCount: number): OverviewViewRow[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return rows.flatMap((r) => {
    const indicator = byId.get(r.indicatorId);
    if (!indicator) return [];
    const counts = Object.fromEntries(CATEGORY_ORDER.map((c) => [c, 0])) as Record<Category, number>;
    for (const c of r.municipalities) counts[categoryOf(c)]++;
    counts["no-data"] += Math.max(0, municipalityCount - r.municipalities.length);
    const periods = r.nationSeries.map((c) => c.period);
    return [{
      indicator,
      period: r.period,
      nation: r.nation,
      seriesValues: r.nationSeries.map((c) => (c.state === "ok" ? c.value : null)),
      seriesPeriods: periods,
      trend: seriesTrend(periods, r.nationSeries),
      counts,
    }];
  });
}

/** The two judged categories of an indicator: [good or low, bad or high]. */
export function sideCategories(row: OverviewViewRow): [Category, Category] {
  return row.indicator.polarity === "none" ? ["lower", "higher"] : ["better", "worse"];
}

/** "12 bedre · 80 som landet · 3 dårligere · 3 ikke vist (<5) · 0 uden data" */
export function countsText(row: OverviewViewRow): string {
  const [a, b] = sideCategories(row);
  const word: Record<Category, string> = {
    better: "bedre", worse: "dårligere", lower: "lavere", higher: "højere", similar: "som landet",
    "not-compared": "ikke sammenlignet", suppressed: "ikke vist (<5)", "no-data": "uden data",
  };
  const parts = [a, "similar", b].map((c) => `${row.counts[c as Category]} ${word[c as Category]}`);
  for (const c of ["not-compared", "suppressed", "no-data"] as const) if (row.counts[c]) parts.push(`${row.counts[c]} ${word[c]}`);
  return parts.join(" · ");
}

const target = (r: OverviewViewRow) => (r.indicator.target === null ? "Ingen standard" : `${formatPercent(r.indicator.target, 0)}${r.indicator.provisional ? " (foreløbig)" : ""}`);

export const OVERVIEW_COLUMNS: readonly TableColumn<OverviewViewRow>[] = [
  { id: "indikator", header: "Indikator", text: (r) => `${r.indicator.id} ${r.indicator.title}` },
  { id: "periode", header: "Periode", text: (r) => r.period ?? "–" },
  { id: "land", header: "Landet", numeric: true, text: (r) => valueText(r.nation) },
  { id: "ci", header: "95 % CI", numeric: true, text: (r) => ciText(r.nation) },
  { id: "udvikling", header: "Udvikling", text: (r) => trendLabel(r.trend, r.indicator.polarity) },
  { id: "kommuner", header: "Kommuner sammenlignet med landet", text: countsText },
  { id: "standard", header: "Standard", text: target },
];

export const OVERVIEW_CSV_COLUMNS: readonly CsvColumn<OverviewViewRow>[] = [
  { header: "Indikator", value: (r) => r.indicator.id },
  { header: "Titel", value: (r) => r.indicator.title },
  { header: "Periode", value: (r) => r.period ?? "" },
  { header: "Landet (%)", value: (r) => percentCsv(r.nation, "value") },
  { header: "Nedre 95 % CI (%)", value: (r) => percentCsv(r.nation, "ciLow") },
  { header: "Øvre 95 % CI (%)", value: (r) => percentCsv(r.nation, "ciHigh") },
  { header: "Udvikling", value: (r) => trendLabel(r.trend, r.indicator.polarity) },
  { header: "Kommuner bedre/lavere", value: (r) => String(r.counts[sideCategories(r)[0]]) },
  { header: "Kommuner som landet", value: (r) => String(r.counts.similar) },
  { header: "Kommuner dårligere/højere", value: (r) => String(r.counts[sideCategories(r)[1]]) },
  { header: "Kommuner ikke vist (<5)", value: (r) => String(r.counts.suppressed) },
  { header: "Kommuner uden data", value: (r) => String(r.counts["no-data"] + r.counts["not-compared"]) },
  { header: "Standard", value: target },
];
