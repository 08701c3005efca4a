/**
 * The open data API's response bodies, from the domain objects (pure). Field names are English identifiers, texts
 * (titles, definitions, comments) Danish; the same field names are the CSV columns. Every figure comes from cells
 * already suppressed for the viewer (lib/aarsrapport/published.ts), so a hidden count is null here and in the CSV.
 */
import { stringify } from "csv-stringify/sync";
import type { PublishedVersion } from "@/lib/aarsrapport/published";
import type { SnapshotIndicator } from "@/lib/aarsrapport/snapshot";
import { BREAKDOWNS, NATION } from "@/lib/indicators/aggregate";
import type { IndicatorDefinition } from "@/lib/indicators/catalog";
import type { ResultCell } from "@/lib/queries/viewer-cells";
import { NATION_NAME } from "@/lib/views/compare";
import type { Directory } from "@/lib/views/types";

export const API_BASE = "/api/v1";

/** The stable, citable id of a report version: "2025-v1". */
export const reportId = (year: number, version: number) => `${year}-v${version}`;

export const resultsUrl = (indicatorId: string, period: string, version?: number) =>
  `${API_BASE}/resultater?${new URLSearchParams({ indicator: indicatorId, period, ...(version ? { version: String(version) } : {}) })}`;

/** The definition fields every indicator shows, as in the catalog (lib/indicators/catalog.ts). */
function definition(d: IndicatorDefinition) {
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    area: d.area,
    periodKind: d.periodKind,
    kind: d.kind,
    polarity: d.polarity,
    numerator: d.numerator,
    denominator: d.denominator,
    exclusions: d.exclusions,
    uoplyst: d.uoplyst,
    sources: d.sources,
  };
}

export interface CurrentStandard {
  target: number;
  provisional: boolean;
}

/** An indicator of the current catalog with SundK's current standard. */
export function catalogIndicator(d: IndicatorDefinition, standard: CurrentStandard | null) {
  return { ...definition(d), standard, links: { self: `${API_BASE}/indikatorer/${d.id}` } };
}

/** A published report version in lists: what never changes about it, plus whether it is the current one. */
export function versionEntry(v: PublishedVersion, current: boolean) {
  return {
    id: reportId(v.year, v.version),
    year: v.year,
    version: v.version,
    status: v.status,
    current,
    publishedAt: v.publishedAt.toISOString(),
    dataCutoff: v.dataCutoff.toISOString(),
    catalogVersion: v.catalogVersion,
    changeNote: v.changeNote,
    links: { self: `${API_BASE}/aarsrapporter/${v.year}?version=${v.version}` },
  };
}

/** What identifies a report version in responses pinned to it (nothing that changes when a correction follows). */
export interface ReportRef {
  id: string;
  year: number;
  version: number;
  publishedAt: string;
  dataCutoff: string;
  catalogVersion: string;
  changeNote: string | null;
}

export function reportRef(r: { year: number; version: number; publishedAt: Date; changeNote: string | null; snapshot: { dataCutoff: string; catalogVersion: string } }): ReportRef {
  return {
    id: reportId(r.year, r.version),
    year: r.year,
    version: r.version,
    publishedAt: r.publishedAt.toISOString(),
    dataCutoff: new Date(r.snapshot.dataCutoff).toISOString(),
    catalogVersion: r.snapshot.catalogVersion,
    changeNote: r.changeNote,
  };
}

/** An indicator as frozen in a report, with the report's period, standard and comments. */
export function reportIndicator(
  d: SnapshotIndicator,
  version: number,
  commentary: string | null,
  comments: { municipalityCode: string; text: string }[],
  directory: Directory,
) {
  const name = new Map(directory.municipalities.map((m) => [m.code, m.name]));
  return {
    ...definition(d),
    period: d.period,
    standardTarget: d.standardTarget,
    commentary,
    municipalityComments: comments.map((c) => ({ municipalityCode: c.municipalityCode, municipalityName: name.get(c.municipalityCode) ?? null, text: c.text })),
    links: { results: resultsUrl(d.id, d.period, version) },
  };
}

const LEVEL_ORDER = { nation: 0, region: 1, municipality: 2 } as const;
const BREAKDOWN_ORDER = new Map(Object.entries(BREAKDOWNS).flatMap(([b, def]) => Object.keys(def.values).map((v) => `${b}:${v}`)).map((k, i) => [k, i]));

/** Nation, regions, municipalities (by code), each headline first, then the breakdowns in catalog order. */
export function compareCells(a: ResultCell, b: ResultCell): number {
  return (
    LEVEL_ORDER[a.areaLevel] - LEVEL_ORDER[b.areaLevel] ||
    a.areaCode.localeCompare(b.areaCode) ||
    (BREAKDOWN_ORDER.get(`${a.breakdown}:${a.breakdownValue}`) ?? 999) - (BREAKDOWN_ORDER.get(`${b.breakdown}:${b.breakdownValue}`) ?? 999)
  );
}

function areaNames(directory: Directory): Map<string, string> {
  return new Map<string, string>([[`nation:${NATION}`, NATION_NAME], ...directory.regions.map((r) => [`region:${r.code}`, r.name] as const), ...directory.municipalities.map((m) => [`municipality:${m.code}`, m.name] as const)]);
}

function breakdownLabel(breakdown: string, value: string): string {
  const def = (BREAKDOWNS as Record<string, { label: string; values: Record<string, string> }>)[breakdown];
  return def?.values[value] ?? value;
}

/** One result row of the API (JSON) – and, with the report id in front, one CSV line. */
export interface ResultRow {
  indicatorId: string;
  period: string;
  areaLevel: ResultCell["areaLevel"];
  areaCode: string;
  areaName: string | null;
  breakdown: string;
  breakdownValue: string;
  breakdownLabel: string;
  state: ResultCell["state"];
  suppressed: boolean;
  suppressionReason: ResultCell["suppression"];
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  benchmark: string | null;
  standardMet: boolean | null;
  standardCiSide: string | null;
  uoplyst: number | null;
  uoplystSuppressed: boolean;
  /** uoplyst / (denominator + uoplyst), as on the pages */
  uoplystShare: number | null;
}

/** The CSV columns, in order: the report id, then the fields of a result row. */
export const RESULT_CSV_COLUMNS = [
  "reportId", "indicatorId", "period", "areaLevel", "areaCode", "areaName", "breakdown", "breakdownValue", "breakdownLabel", "state", "suppressed",
  "suppressionReason", "numerator", "denominator", "value", "ciLow", "ciHigh", "benchmark", "standardMet", "standardCiSide", "uoplyst",
  "uoplystSuppressed", "uoplystShare",
] as const satisfies readonly ("reportId" | keyof ResultRow)[];

export function resultRows(cells: readonly ResultCell[], directory: Directory): ResultRow[] {
  const names = areaNames(directory);
  return [...cells].sort(compareCells).map((c) => {
    const all = c.denominator !== null && c.uoplyst !== null ? c.denominator + c.uoplyst : 0;
    return {
      indicatorId: c.indicatorId,
      period: c.period,
      areaLevel: c.areaLevel,
      areaCode: c.areaCode,
      areaName: names.get(`${c.areaLevel}:${c.areaCode}`) ?? null,
      breakdown: c.breakdown,
      breakdownValue: c.breakdownValue,
      breakdownLabel: breakdownLabel(c.breakdown, c.breakdownValue),
      state: c.state,
      suppressed: c.state === "suppressed",
      suppressionReason: c.suppression,
      numerator: c.numerator,
      denominator: c.denominator,
      value: c.value,
      ciLow: c.ciLow,
      ciHigh: c.ciHigh,
      benchmark: c.benchmark,
      standardMet: c.standardMet,
      standardCiSide: c.standardCiSide,
      uoplyst: c.uoplyst,
      uoplystSuppressed: c.uoplystSuppressed,
      uoplystShare: c.uoplyst !== null && all > 0 ? c.uoplyst / all : null,
    };
  });
}

/**
 * CSV for machines (RFC 4180): comma separated, a point as decimal separator, CRLF line ends, UTF-8 without
 * byte-order mark, one header row with the JSON field names; empty for null (a suppressed or missing figure),
 * true/false for flags. The report id is the first column, so a line stays citable on its own.
 */
export function resultsCsv(report: ReportRef, rows: readonly ResultRow[]): string {
  const line = (r: ResultRow) => RESULT_CSV_COLUMNS.map((k) => (k === "reportId" ? report.id : r[k])).map((v) => (v === null ? "" : String(v)));
  return stringify([[...RESULT_CSV_COLUMNS], ...rows.map(line)], { delimiter: ",", record_delimiter: "\r\n" });
}
