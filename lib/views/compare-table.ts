/** The table of Sammenlign kommuner and its CSV file. */
import { ciText, countCsv, countText, percentCsv, uoplystShareCsv, uoplystText, valueText } from "./cell-text";
import type { CsvColumn, TableColumn } from "./columns";
import type { CompareRow } from "./compare";
import { CATEGORY_LABEL, standardLabel } from "./labels";
import type { SortKey } from "./url-state";

const LEVEL: Record<CompareRow["kind"], string> = { nation: "Land", region: "Region", municipality: "Kommune" };

const comparison = (r: CompareRow) => CATEGORY_LABEL[r.category];
const standard = (r: CompareRow) => standardLabel(r.cell?.standardMet ?? null, r.cell?.standardCiSide ?? null);

export const COMPARE_COLUMNS: readonly (TableColumn<CompareRow> & { sortKey?: SortKey })[] = [
  { id: "navn", header: "Område", sortKey: "navn", text: (r) => r.name },
  { id: "taeller", header: "Tæller", numeric: true, sortKey: "taeller", text: (r) => countText(r.cell, "numerator") },
  { id: "naevner", header: "Nævner", numeric: true, sortKey: "naevner", text: (r) => countText(r.cell, "denominator") },
  { id: "vaerdi", header: "Andel", numeric: true, sortKey: "vaerdi", text: (r) => valueText(r.cell) },
  { id: "ci", header: "95 % CI", numeric: true, text: (r) => ciText(r.cell) },
  { id: "uoplyst", header: "Uoplyst", numeric: true, sortKey: "uoplyst", text: (r) => uoplystText(r.cell) },
  { id: "sammenligning", header: "Sammenlignet med landet", sortKey: "sammenligning", text: comparison },
  { id: "standard", header: "Standard", text: standard },
];

export interface CompareCsvContext {
  indicatorId: string;
  period: string;
  breakdownLabel: string;
  regionName: (code: string) => string;
}

export function compareCsvColumns(ctx: CompareCsvContext): CsvColumn<CompareRow>[] {
  return [
    { header: "Indikator", value: () => ctx.indicatorId },
    { header: "Periode", value: () => ctx.period },
    { header: "Opdeling", value: () => ctx.breakdownLabel },
    { header: "Niveau", value: (r) => LEVEL[r.kind] },
    { header: "Kode", value: (r) => r.code },
    { header: "Område", value: (r) => r.name },
    { header: "Region", value: (r) => (r.kind === "municipality" ? ctx.regionName(r.regionCode) : "") },
    { header: "Tæller", value: (r) => countCsv(r.cell, "numerator") },
    { header: "Nævner", value: (r) => countCsv(r.cell, "denominator") },
    { header: "Andel (%)", value: (r) => percentCsv(r.cell, "value") },
    { header: "Nedre 95 % CI (%)", value: (r) => percentCsv(r.cell, "ciLow") },
    { header: "Øvre 95 % CI (%)", value: (r) => percentCsv(r.cell, "ciHigh") },
    { header: "Uoplyst", value: (r) => countCsv(r.cell, "uoplyst") },
    { header: "Uoplyst (%)", value: (r) => uoplystShareCsv(r.cell) },
    { header: "Sammenlignet med landet", value: comparison },
    { header: "Standard", value: standard },
  ];
}
