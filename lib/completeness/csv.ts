/**
 * The CSV files of the Datakomplethed page, from the same data the page renders (lib/queries/completeness.ts).
 * Semicolon separated, decimal comma, UTF-8 with BOM (lib/views/csv.ts).
 */
import type { CompletenessData } from "@/lib/queries/completeness";
import { countCsv, daysCsv, valueCsv } from "./text";
import { MEASURE_INFO, type HeatmapRow } from "./views";

const LEVEL: Record<string, string> = { nation: "Land", region: "Region", municipality: "Kommune" };

/** The heatmap in long form: one line per area × column. */
export function heatmapCsv(data: CompletenessData, regionName: (code: string) => string): { header: string[]; rows: string[][] } {
  const header = ["Niveau", "Område", "Kode", "Region", "Mål", "Besøg", "Periode", "Tæller", "Nævner", "Andel (%)"];
  const h = data.heatmap;
  if (!h) return { header, rows: [] };
  const rows: string[][] = [];
  const emit = (r: HeatmapRow) =>
    h.columns.forEach((c, i) =>
      rows.push([LEVEL[r.level], r.name, r.code, r.regionCode ? regionName(r.regionCode) : "", MEASURE_INFO[h.measure].label, c.title, c.period,
        countCsv(r.cells[i], "numerator"), countCsv(r.cells[i], "denominator"), valueCsv(r.cells[i])]),
    );
  [h.nation, ...h.regions, ...h.municipalities].forEach(emit);
  return { header, rows };
}

/** One municipality's detail: per visit and observation, next to the nation. */
export function detailCsv(data: CompletenessData): { header: string[]; rows: string[][] } {
  const header = ["Kommune", "Besøg", "Periode", "Observation", "Håndhæves ved modtagelse", "Besøg med fremmøde", "Med værdi", "Uden værdi", "Mangler", "Med værdi (%)", "Landet med værdi (%)", "Rettidige besøg", "Besøg i alt", "Rettidighed (%)", "Median (døgn)"];
  const d = data.detail;
  if (!d) return { header, rows: [] };
  const rows: string[][] = [];
  for (const v of d.visits) {
    rows.push([d.area.name, v.label, v.period, "Alle obligatoriske observationer", "", countCsv(v.visits, "numerator"), countCsv(v.value, "numerator"), countCsv(v.absent, "numerator"), countCsv(v.missing, "numerator"), valueCsv(v.value), valueCsv(v.nationValue),
      countCsv(v.timeliness, "numerator"), countCsv(v.timeliness, "denominator"), valueCsv(v.timeliness), daysCsv(v.medianHours)]);
    for (const i of v.items)
      rows.push([d.area.name, v.label, v.period, i.label, i.enforced ? "ja" : "nej (advarsel)", countCsv(i.value, "denominator"), countCsv(i.value, "numerator"), countCsv(i.absent, "numerator"), countCsv(i.missing, "numerator"), valueCsv(i.value), valueCsv(i.nationValue), "", "", "", ""]);
  }
  return { header, rows };
}
