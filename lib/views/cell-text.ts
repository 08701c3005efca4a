/**
 * Result cells as Danish text, for tables (display) and CSV files (machine-readable for Danish Excel). Both come from
 * the same numbers, so a table and its CSV download always agree:
 * - display: "12,3 %", "10,1–14,6 %", "1.234"; CSV: "12,3", "10,1", "1234" (units in the column header);
 * - a suppressed figure is "<5" in both; a missing one "–" in tables and empty in CSV.
 */
import { formatDecimal, formatNumber, formatPercent, MISSING_TEXT, SUPPRESSED_LABEL } from "@/lib/stats";
import type { CellFigures } from "./types";

export type CountField = "numerator" | "denominator" | "uoplyst";

function hidden(cell: CellFigures | null | undefined, field?: CountField): boolean {
  if (!cell) return false;
  if (cell.state === "suppressed") return true;
  return field === "uoplyst" && cell.uoplystSuppressed;
}

/** A count: "1.234", "<5" or "–". */
export function countText(cell: CellFigures | null | undefined, field: CountField): string {
  if (hidden(cell, field)) return SUPPRESSED_LABEL;
  return formatNumber(cell?.[field]);
}

export function countCsv(cell: CellFigures | null | undefined, field: CountField): string {
  if (hidden(cell, field)) return SUPPRESSED_LABEL;
  const v = cell?.[field];
  return v === null || v === undefined ? "" : formatNumber(v, { grouping: false });
}

/** The proportion: "12,3 %", "<5" or "–". */
export function valueText(cell: CellFigures | null | undefined): string {
  if (hidden(cell)) return SUPPRESSED_LABEL;
  return formatPercent(cell?.value);
}

/** The proportion in percent without the unit: "12,3". */
export function valueCsv(cell: CellFigures | null | undefined): string {
  return percentCsv(cell, "value");
}

/** One end of the 95 % CI in percent without the unit: "10,1". */
export function percentCsv(cell: CellFigures | null | undefined, field: "value" | "ciLow" | "ciHigh"): string {
  if (hidden(cell)) return SUPPRESSED_LABEL;
  const v = cell?.[field];
  return v === null || v === undefined ? "" : formatDecimal(v * 100, 1);
}

/** The 95 % CI: "10,1–14,6 %", "<5" or "–". */
export function ciText(cell: CellFigures | null | undefined): string {
  if (hidden(cell)) return SUPPRESSED_LABEL;
  if (cell?.ciLow == null || cell.ciHigh == null) return MISSING_TEXT;
  return `${formatDecimal(cell.ciLow * 100, 1)}–${formatDecimal(cell.ciHigh * 100, 1)} %`;
}

/** The uoplyst share of all children (uoplyst / (denominator + uoplyst)), or null when not shown. */
export function uoplystShare(cell: CellFigures | null | undefined): number | null {
  if (!cell || hidden(cell, "uoplyst") || cell.uoplyst === null || cell.denominator === null) return null;
  const all = cell.denominator + cell.uoplyst;
  return all > 0 ? cell.uoplyst / all : null;
}

/** Uoplyst as count and share: "12 (2,1 %)", "0", "<5" or "–". */
export function uoplystText(cell: CellFigures | null | undefined): string {
  const count = countText(cell, "uoplyst");
  const share = uoplystShare(cell);
  return share === null || share === 0 ? count : `${count} (${formatPercent(share)})`;
}

export function uoplystShareCsv(cell: CellFigures | null | undefined): string {
  if (hidden(cell, "uoplyst")) return SUPPRESSED_LABEL;
  const share = uoplystShare(cell);
  return share === null ? "" : formatDecimal(share * 100, 1);
}
