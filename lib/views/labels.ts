/**
 * What a result cell means to the reader: its benchmark category (or why it has none), the Danish labels, and how it
 * is drawn. Colour is never the only carrier: every category also has a pattern and a text label, and every shape is
 * drawn with a dark outline so it stands out from the background (WCAG 2.1 1.4.1 and 1.4.11).
 */
import { MISSING_STATE_LABELS, SUPPRESSED_LABEL, type TrendMarker } from "@/lib/stats";
import type { Polarity, CellFigures } from "./types";

export type Category = "better" | "similar" | "worse" | "lower" | "higher" | "not-compared" | "suppressed" | "no-data";

export const CATEGORIES: readonly Category[] = ["better", "similar", "worse", "lower", "higher", "not-compared", "suppressed", "no-data"];

/** Worst first, as a sort order ("lower"/"higher" for indicators without judgement sit either side of "similar"). */
export const CATEGORY_ORDER: readonly Category[] = ["worse", "lower", "similar", "higher", "better", "not-compared", "suppressed", "no-data"];

/** Short labels (tables, tooltips, CSV). */
export const CATEGORY_LABEL: Readonly<Record<Category, string>> = {
  better: "Bedre",
  similar: "Som landet",
  worse: "Dårligere",
  lower: "Lavere",
  higher: "Højere",
  "not-compared": MISSING_STATE_LABELS["not-compared"],
  suppressed: SUPPRESSED_LABEL,
  "no-data": MISSING_STATE_LABELS["no-data"],
};

/** Legend texts. */
export const CATEGORY_EXPLANATION: Readonly<Record<Category, string>> = {
  better: "Bedre end landet: landsværdien ligger uden for kommunens 95 %-konfidensinterval, i den gode retning.",
  similar: "Som landet: landsværdien ligger inden for kommunens 95 %-konfidensinterval.",
  worse: "Dårligere end landet: landsværdien ligger uden for kommunens 95 %-konfidensinterval, i den dårlige retning.",
  lower: "Lavere end landet (indikator uden vurdering): hele 95 %-konfidensintervallet ligger under landsværdien.",
  higher: "Højere end landet (indikator uden vurdering): hele 95 %-konfidensintervallet ligger over landsværdien.",
  "not-compared": "Ikke sammenlignet: der er et tal, men ingen sammenligning (fx landet selv).",
  suppressed: `${SUPPRESSED_LABEL}: tallet vises ikke, fordi tæller eller nævner er 1–4, eller fordi det ellers kunne regnes ud fra andre viste tal (diskretionering).`,
  "no-data": "Ingen data: ingen børn i nævneren for perioden.",
};

export const UOPLYST_EXPLANATION =
  "Uoplyst: børn, hvis resultat ikke kendes (fx målt uden værdi). De står ved siden af indikatoren som antal og andel og indgår ikke i nævneren.";

export interface CategoryStyle {
  /** fill colour */
  fill: string;
  /** id of the SVG pattern laid over the fill (components/charts/Patterns.tsx), or null for a plain fill */
  pattern: "hatch" | "dots" | "cross" | "lines" | "bars" | "columns" | null;
  /** text colour on the fill (for badges), with at least 4.5:1 contrast */
  ink: string;
}

export const CATEGORY_STYLE: Readonly<Record<Category, CategoryStyle>> = {
  better: { fill: "#1b7837", pattern: null, ink: "#ffffff" },
  similar: { fill: "#f1c232", pattern: null, ink: "#1d2731" },
  worse: { fill: "#b2182b", pattern: "hatch", ink: "#ffffff" },
  lower: { fill: "#9ecae1", pattern: "dots", ink: "#1d2731" },
  higher: { fill: "#2166ac", pattern: "bars", ink: "#ffffff" },
  "not-compared": { fill: "#ffffff", pattern: "columns", ink: "#1d2731" },
  suppressed: { fill: "#d0d4d8", pattern: "cross", ink: "#1d2731" },
  "no-data": { fill: "#ffffff", pattern: "lines", ink: "#1d2731" },
};

/** Source credit wherever the map is shown (../shared/reference/ATTRIBUTION.md). */
export const MAP_CREDIT = "Kort: Geodatastyrelsen og Danske Kommuner (DAGI)";

/** Outline of every coloured shape. */
export const OUTLINE = "#3a4650";

/** Quintile shades (1 = lowest fifth of values), light to dark blue; drawn with the outline too. */
export const QUINTILE_FILL = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"] as const;

/** The category of a cell; a missing cell (no stored row) has no data. */
export function categoryOf(cell: CellFigures | null | undefined): Category {
  if (!cell) return "no-data";
  if (cell.state === "suppressed") return "suppressed";
  if (cell.state === "no-data") return "no-data";
  const b = cell.benchmark;
  return b === "better" || b === "similar" || b === "worse" || b === "lower" || b === "higher" ? b : "not-compared";
}

/** The categories a legend needs for an indicator of this polarity ("all": a view with indicators of every kind). */
export function legendCategories(polarity: Polarity | "all"): Category[] {
  const judged: Category[] =
    polarity === "all" ? ["better", "similar", "worse", "lower", "higher"] : polarity === "none" ? ["lower", "similar", "higher"] : ["better", "similar", "worse"];
  return [...judged, "not-compared", "suppressed", "no-data"];
}

export const POLARITY_LABEL: Readonly<Record<Polarity, string>> = {
  higher: "Højere er bedre",
  lower: "Lavere er bedre",
  none: "Ingen vurdering (beskrivende)",
};

/** The trend marker in words, with the direction judged by the polarity. */
export function trendLabel(marker: TrendMarker, polarity: Polarity): string {
  switch (marker) {
    case "not-enough-data":
      return "For få perioder";
    case "no-significant-change":
      return "Ingen sikker ændring";
    case "increasing":
      return polarity === "higher" ? "Stigende – bedre" : polarity === "lower" ? "Stigende – dårligere" : "Stigende";
    case "decreasing":
      return polarity === "higher" ? "Faldende – dårligere" : polarity === "lower" ? "Faldende – bedre" : "Faldende";
  }
}

/** Arrow shown beside the trend label. */
export const TREND_SYMBOL: Readonly<Record<TrendMarker, string>> = {
  increasing: "↑",
  decreasing: "↓",
  "no-significant-change": "→",
  "not-enough-data": "",
};

/** Whether the standard is met, in words; includes whether the whole confidence interval agrees. */
export function standardLabel(met: boolean | null, ciSide: string | null): string {
  if (met === null) return "–";
  const base = met ? "Opfyldt" : "Ikke opfyldt";
  if (ciSide === "straddles") return `${base} (usikkert)`;
  if (ciSide === "entirely-met" || ciSide === "entirely-not-met") return `${base} (sikkert)`;
  return base;
}
