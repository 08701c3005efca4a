/**
 * Completeness figures as Danish text for the page (display) and the CSV files (Danish Excel). Both come from the same
 * figures, so the heatmap, its table and its CSV always agree:
 * - display: "92,3 %", "45 af 49", "1,5 døgn"; CSV: "92,3", "45", "49" (units in the column header);
 * - a suppressed figure is "<5" in both; a missing one "–" on the page and empty in the CSV.
 */
import { formatDecimal, formatNumber, formatPercent, MISSING_TEXT, SUPPRESSED_LABEL } from "@/lib/stats";
import type { Figure } from "./figures";

export function valueText(f: Figure | null | undefined): string {
  if (f?.state === "suppressed") return SUPPRESSED_LABEL;
  return formatPercent(f?.value);
}

export function valueCsv(f: Figure | null | undefined): string {
  if (f?.state === "suppressed") return SUPPRESSED_LABEL;
  return f?.value === null || f?.value === undefined ? "" : formatDecimal(f.value * 100, 1);
}

/** "45 af 49", "<5" or "–". */
export function countsText(f: Figure | null | undefined): string {
  if (f?.state === "suppressed") return SUPPRESSED_LABEL;
  if (f?.numerator === null || f?.numerator === undefined || f.denominator === null) return MISSING_TEXT;
  return `${formatNumber(f.numerator)} af ${formatNumber(f.denominator)}`;
}

export function countText(f: Figure | null | undefined, field: "numerator" | "denominator"): string {
  if (f?.state === "suppressed") return SUPPRESSED_LABEL;
  return formatNumber(f?.[field]);
}

export function countCsv(f: Figure | null | undefined, field: "numerator" | "denominator"): string {
  if (f?.state === "suppressed") return SUPPRESSED_LABEL;
  const v = f?.[field];
  return v === null || v === undefined ? "" : formatNumber(v, { grouping: false });
}

/** Hours as days with one decimal: "1,5 døgn"; "–" when unknown. */
export function daysText(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return MISSING_TEXT;
  return `${formatDecimal(hours / 24, 1)} døgn`;
}

export function daysCsv(hours: number | null | undefined): string {
  return hours === null || hours === undefined || !Number.isFinite(hours) ? "" : formatDecimal(hours / 24, 1);
}
