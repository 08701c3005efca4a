/**
 * Sammenlign kommuner: from the suppressed cells of one indicator × period × breakdown to the rows of the table, the
 * sorted bar chart, the funnel plot and the map. Pure functions; no React.
 */
import { funnelSeries, type FunnelPoint } from "@/lib/stats";
import { valueText } from "./cell-text";
import { categoryOf, CATEGORY_LABEL, CATEGORY_ORDER, type Category } from "./labels";
import type { AreaCell, CellFigures, CompareData, Directory, ResultCell } from "./types";
import type { SortDirection, SortKey } from "./url-state";

export type AreaKind = "nation" | "region" | "municipality";

export interface CompareRow {
  kind: AreaKind;
  code: string;
  name: string;
  /** the region of a municipality (its own code for a region, "" for the nation) */
  regionCode: string;
  /** the viewer's own municipality */
  isOwn: boolean;
  cell: AreaCell | null;
  category: Category;
}

/** The cell as Sammenlign kommuner carries it: its area code and figures (the view names the rest once). */
export function areaCell(c: ResultCell): AreaCell {
  const { areaCode, state, suppression, numerator, denominator, uoplyst, uoplystSuppressed, value, ciLow, ciHigh, benchmark, standardMet, standardCiSide } = c;
  return { areaCode, state, suppression, numerator, denominator, uoplyst, uoplystSuppressed, value, ciLow, ciHigh, benchmark, standardMet, standardCiSide };
}

const collator = new Intl.Collator("da-DK");

export const NATION_NAME = "Hele landet";

/**
 * The rows: the nation, the regions (only the chosen one when a region is chosen) and every municipality of the
 * chosen region or of the country – including those without a stored cell, which have no data.
 */
export function compareRows(data: CompareData, directory: Directory, region: string | null, ownCode: string | null): { summary: CompareRow[]; municipalities: CompareRow[] } {
  const regionName = new Map(directory.regions.map((r) => [r.code, r.name]));
  const byCode = new Map(data.municipalities.map((c) => [c.areaCode, c]));
  const regionCells = new Map(data.regions.map((c) => [c.areaCode, c]));
  const summary: CompareRow[] = [
    { kind: "nation", code: "DK", name: NATION_NAME, regionCode: "", isOwn: false, cell: data.nation, category: categoryOf(data.nation) },
    ...directory.regions
      .filter((r) => region === null || r.code === region)
      .map((r): CompareRow => {
        const cell = regionCells.get(r.code) ?? null;
        return { kind: "region", code: r.code, name: regionName.get(r.code) ?? r.code, regionCode: r.code, isOwn: false, cell, category: categoryOf(cell) };
      }),
  ];
  const municipalities = directory.municipalities
    .filter((m) => region === null || m.regionCode === region)
    .map((m): CompareRow => {
      const cell = byCode.get(m.code) ?? null;
      return { kind: "municipality", code: m.code, name: m.name, regionCode: m.regionCode, isOwn: m.code === ownCode, cell, category: categoryOf(cell) };
    });
  return { summary, municipalities };
}

function sortValue(row: CompareRow, key: SortKey): number | string | null {
  const c = row.cell;
  switch (key) {
    case "navn":
      return row.name;
    case "vaerdi":
      return c?.value ?? null;
    case "taeller":
      return c?.numerator ?? null;
    case "naevner":
      return c?.denominator ?? null;
    case "uoplyst":
      return c?.uoplyst ?? null;
    case "sammenligning":
      return CATEGORY_ORDER.indexOf(row.category);
  }
}

/** Rows sorted by a column; rows without a value come last in either direction; ties by name (Danish order). */
export function sortRows(rows: readonly CompareRow[], key: SortKey, direction: SortDirection): CompareRow[] {
  const sign = direction === "stigende" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const d = typeof va === "string" ? collator.compare(va, vb as string) : va - (vb as number);
      if (d !== 0) return sign * d;
    }
    return collator.compare(a.name, b.name);
  });
}

export interface BarDatum {
  code: string;
  name: string;
  /** percent */
  value: number;
  /** [below, above] the value, in percentage points, for the CI whisker */
  ci: [number, number];
  low: number;
  high: number;
  category: Category;
  isOwn: boolean;
}

/** Municipalities with a value, highest first (ties by name); the others are listed by `notCharted`. */
export function barData(rows: readonly CompareRow[]): BarDatum[] {
  return rows
    .filter((r) => r.cell?.value != null && r.cell.ciLow != null && r.cell.ciHigh != null)
    .map((r) => {
      const v = r.cell!.value! * 100;
      const low = r.cell!.ciLow! * 100;
      const high = r.cell!.ciHigh! * 100;
      return { code: r.code, name: r.name, value: v, ci: [v - low, high - v] as [number, number], low, high, category: r.category, isOwn: r.isOwn };
    })
    .sort((a, b) => b.value - a.value || collator.compare(a.name, b.name));
}

/** Rows a chart cannot draw (suppressed or no data), by category, for the note under the chart. */
export function notCharted(rows: readonly CompareRow[]): { suppressed: string[]; noData: string[] } {
  const missing = rows.filter((r) => r.cell?.value == null);
  return {
    suppressed: missing.filter((r) => r.category === "suppressed").map((r) => r.name),
    noData: missing.filter((r) => r.category !== "suppressed").map((r) => r.name),
  };
}

export interface FunnelDatum {
  code: string;
  name: string;
  /** denominator */
  n: number;
  /** percent */
  value: number;
  category: Category;
  isOwn: boolean;
}

export interface FunnelData {
  /** the centre (national proportion) in percent, or null when the nation has no value */
  centre: number | null;
  points: FunnelDatum[];
  /** control limits in percent, from the smallest to the largest denominator shown */
  limits: FunnelPoint[];
}

/** Funnel plot: municipalities as (denominator, value) with the 95 % and 99.8 % limits around the national value. */
export function funnelData(rows: readonly CompareRow[], nation: CellFigures | null, steps = 80): FunnelData {
  const points = rows
    .filter((r) => r.cell?.value != null && (r.cell.denominator ?? 0) > 0)
    .map((r) => ({ code: r.code, name: r.name, n: r.cell!.denominator!, value: r.cell!.value! * 100, category: r.category, isOwn: r.isOwn }));
  const p0 = nation?.numerator != null && nation.denominator ? nation.numerator / nation.denominator : null;
  if (p0 === null || points.length === 0) return { centre: p0 === null ? null : p0 * 100, points, limits: [] };
  const ns = points.map((p) => p.n);
  const nMin = Math.max(1, Math.min(...ns) * 0.8);
  const nMax = Math.max(nMin + 1, Math.max(...ns) * 1.05);
  const limits = funnelSeries(p0, nMin, nMax, steps).map((l) => ({
    n: l.n,
    lower95: l.lower95 * 100,
    upper95: l.upper95 * 100,
    lower998: l.lower998 * 100,
    upper998: l.upper998 * 100,
  }));
  return { centre: p0 * 100, points, limits };
}

/** Ticks for a logarithmic axis from lo to hi: 1, 2, 5, 10, 20, 50, … within the range. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(Math.max(lo, 1))); decade <= hi; decade *= 10)
    for (const m of [1, 2, 5]) {
      const t = m * decade;
      if (t >= lo && t <= hi) out.push(t);
    }
  return out;
}

/**
 * Quintile (1–5) of each municipality's value among the municipalities shown with a value; ties get the same
 * quintile. Quintile q holds ranks with ⌈5·rank/n⌉ = q, ranks from 1 (lowest value).
 */
export function quintiles(rows: readonly CompareRow[]): Map<string, number> {
  const valued = rows.filter((r) => r.cell?.value != null).sort((a, b) => a.cell!.value! - b.cell!.value!);
  const out = new Map<string, number>();
  const n = valued.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && valued[j + 1].cell!.value === valued[i].cell!.value) j++;
    // ties share the quintile of their first rank
    const q = Math.min(5, Math.max(1, Math.ceil((5 * (i + 1)) / n)));
    for (let k = i; k <= j; k++) out.set(valued[k].code, q);
    i = j + 1;
  }
  return out;
}

/** What the map shows for a municipality (components/charts/ChoroplethMap.tsx MapDatum). */
export interface MapCell {
  category: Category;
  /** 1–5 in quintile mode */
  quintile: number | null;
  /** text for the tooltip, e.g. "Aarhus: 12,3 % – Som landet" */
  label: string;
  isOwn: boolean;
}

/** The map's data: municipality code → category, quintile and tooltip. */
export function mapCells(rows: readonly CompareRow[]): [string, MapCell][] {
  const q = quintiles(rows);
  return rows.map((r) => [r.code, { category: r.category, quintile: q.get(r.code) ?? null, isOwn: r.isOwn, label: `${r.name}: ${valueText(r.cell)} – ${CATEGORY_LABEL[r.category]}` }]);
}

/** Count of municipalities per category. */
export function categoryCounts(rows: readonly CompareRow[]): Record<Category, number> {
  const out = Object.fromEntries(CATEGORY_ORDER.map((c) => [c, 0])) as Record<Category, number>;
  for (const r of rows) out[r.category]++;
  return out;
}
