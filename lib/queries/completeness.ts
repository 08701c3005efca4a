/**
 * Data completeness as a viewer may see it: the one way pages, the API and exports read the completeness
 * aggregates. Reads the precomputed rows of `completeness_result` (lib/completeness/refresh.ts), then applies
 * small-number suppression for every area the viewer is not entitled to see unsuppressed (decided by
 * lib/auth/access.ts, action "read:current": own municipality unsuppressed, others suppressed; SundK everything).
 * Suppressed figures carry no numbers at all – not even to the browser.
 *
 * Cache: the rows of a period are kept in memory with their suppression groups and the suppression outcome per
 * entitlement. The refresh replaces a period in one transaction and rewrites its "version" row, whose computed_at
 * identifies the stored version of the period; each request reads the version rows first (one indexed query) and
 * reloads a period whose version changed.
 */
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { figureSource, NO_DATA, type Figure, type FigureSource } from "@/lib/completeness/figures";
import { VISIT_BY_CODE } from "@/lib/completeness/items";
import { pagePeriods, yearOfPeriod, type PagePeriods } from "@/lib/completeness/periods";
import { figureCells, figureGroups, suppressFigures, TYPE, type Entitlement, type FigureCell } from "@/lib/completeness/suppression";
import { MEASURES, NATION, type AreaLevel, type CompletenessRow } from "@/lib/completeness/types";
import {
  areaSummary, columnsFor, detailVisits, heatmapRow, sortHeatmapRows, topRules,
  type AreaRef, type AreaSummary, type Column, type DetailVisit, type HeatmapRow, type MeasureKey, type RuleFigure, type SortDirection, type Sources,
} from "@/lib/completeness/views";
import { pool } from "@/lib/db/client";
import { formatPercent, type AdditiveGroup } from "@/lib/stats";
import type { Directory } from "@/lib/views/types";
import { areaDirectory } from "./municipalities";
import { cachedView, cachedShared, type ViewPayload } from "./view-cache";

export class CompletenessAccessDenied extends Error {}

// ---------------------------------------------------------------- cache

interface Table {
  period: string;
  version: string;
  rows: CompletenessRow[];
  cells: FigureCell[];
  groups: AdditiveGroup[] | null;
  /** the viewer's figures per entitlement (the set of entitled areas) */
  outcomes: Map<string, FigureSource>;
  full: FigureSource | null;
}

const MAX_TABLES = 60;
const MAX_OUTCOMES = 120;
const cache = ((globalThis as { ldbuCompletenessCache?: Map<string, Table> }).ldbuCompletenessCache ??= new Map<string, Table>());

interface PeriodVersion {
  period: string;
  version: string;
  /** a birth cohort with a register population */
  cohort: boolean;
  /** visits (timeliness) or receipts (validity) were counted in the period */
  activity: boolean;
}

async function periodVersions(): Promise<PeriodVersion[]> {
  const { rows } = await pool().query<PeriodVersion>(
    `SELECT v.period, to_char(v.computed_at, 'YYYYMMDDHH24MISSUS') AS version,
            EXISTS (SELECT 1 FROM completeness_result c WHERE c.measure = $2 AND c.period = v.period AND c.area_level = 'nation'
                      AND c.visit_type = '' AND c.denominator > 0) AS cohort,
            EXISTS (SELECT 1 FROM completeness_result c WHERE c.measure = ANY($3::text[]) AND c.period = v.period AND c.area_level = 'nation'
                      AND c.visit_type = '' AND c.denominator > 0) AS activity
     FROM completeness_result v WHERE v.measure = $1 ORDER BY v.period`,
    [MEASURES.version, MEASURES.coverage, [MEASURES.timeliness, MEASURES.validity]],
  );
  return rows;
}

async function tables(wanted: readonly PeriodVersion[]): Promise<Map<string, Table>> {
  const stale = wanted.filter((p) => cache.get(p.period)?.version !== p.version);
  if (stale.length) {
    const { rows } = await pool().query(
      `SELECT measure, period, area_level::text AS "areaLevel", area_code AS "areaCode", visit_type AS "visitType", item,
              numerator, denominator, value, detail
       FROM completeness_result WHERE period = ANY($1::text[]) AND measure <> $2`,
      [stale.map((p) => p.period), MEASURES.version],
    );
    const byPeriod = new Map<string, CompletenessRow[]>();
    for (const r of rows as CompletenessRow[]) (byPeriod.get(r.period) ?? byPeriod.set(r.period, []).get(r.period)!).push(r);
    for (const p of stale) {
      const periodRows = byPeriod.get(p.period) ?? [];
      cache.delete(p.period);
      cache.set(p.period, { period: p.period, version: p.version, rows: periodRows, cells: figureCells(periodRows), groups: null, outcomes: new Map(), full: null });
    }
    while (cache.size > MAX_TABLES) cache.delete(cache.keys().next().value!);
  }
  const out = new Map<string, Table>();
  for (const p of wanted) {
    const t = cache.get(p.period);
    if (t) out.set(p.period, t);
  }
  return out;
}

let regionOfCache: Map<string, string> | null = null;
async function regionOf(): Promise<Map<string, string>> {
  if (!regionOfCache) {
    const { rows } = await pool().query<{ code: string; region_code: string }>(`SELECT code, region_code FROM municipality`);
    regionOfCache = new Map(rows.map((r) => [r.code, r.region_code]));
  }
  return regionOfCache;
}

// ---------------------------------------------------------------- the viewer's figures

function assertCanRead(viewer: Viewer) {
  if (!decide(viewer, "read:current").allow) throw new CompletenessAccessDenied();
}

/** Whether the viewer sees every area unsuppressed (SundK). */
const seesEverything = (viewer: Viewer) => decide(viewer, "read:current").unsuppressed;

const entitlement = (viewer: Viewer): Entitlement => (level, code) => decide(viewer, "read:current", level === "municipality" ? code : undefined).unsuppressed;

async function sourceFor(viewer: Viewer, table: Table): Promise<FigureSource> {
  if (seesEverything(viewer)) return (table.full ??= figureSource(table.rows, table.cells, null));
  const entitled = entitlement(viewer);
  const key = [...new Set(table.cells.filter((c) => entitled(c.level, c.code)).map((c) => `${c.level}:${c.code}`))].sort().join(",");
  let source = table.outcomes.get(key);
  if (!source) {
    table.groups ??= figureGroups(table.cells, await regionOf());
    source = figureSource(table.rows, table.cells, suppressFigures(table.cells, table.groups, entitled));
    if (table.outcomes.size >= MAX_OUTCOMES) table.outcomes.delete(table.outcomes.keys().next().value!);
    table.outcomes.set(key, source);
  }
  return source;
}

/** Figure sources of the viewer for the given stored periods. */
async function viewerSources(viewer: Viewer, versions: readonly PeriodVersion[], periods: readonly string[]): Promise<Sources> {
  const wanted = versions.filter((v) => periods.includes(v.period));
  const loaded = await tables(wanted);
  const sources = new Map<string, FigureSource>();
  for (const [period, t] of loaded) sources.set(period, await sourceFor(viewer, t));
  return (period) => sources.get(period) ?? null;
}

/**
 * Years with reported visits or receipts, newest first, and the default: the newest birth cohort with both a register
 * population and visits. (Coverage alone is also computed for the birth years of the school cohorts, which have no
 * infant data; those years are not offered.)
 */
function yearsOf(versions: readonly PeriodVersion[]): { years: number[]; defaultYear: number | null } {
  const years = [...new Set(versions.filter((v) => v.activity).map((v) => yearOfPeriod(v.period)).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  const cohorts = versions.filter((v) => v.cohort && v.activity && !v.period.includes("/")).map((v) => Number(v.period)).sort((a, b) => b - a);
  return { years, defaultYear: cohorts[0] ?? years[0] ?? null };
}

const ownCode = (viewer: Viewer) => (viewer.kind === "user" ? viewer.municipalityCode : null);

function areaRefs(directory: Directory, region: string | null): { nation: AreaRef; regions: AreaRef[]; municipalities: AreaRef[] } {
  return {
    nation: { level: "nation", code: NATION, name: "Hele landet", regionCode: null },
    regions: directory.regions.filter((r) => !region || r.code === region).map((r) => ({ level: "region", code: r.code, name: `Region ${r.name.replace(/^Region /, "")}`, regionCode: r.code })),
    municipalities: directory.municipalities.filter((m) => !region || m.regionCode === region).map((m) => ({ level: "municipality", code: m.code, name: m.name, regionCode: m.regionCode })),
  };
}

// ---------------------------------------------------------------- page data

export interface CompletenessQuery {
  year: number | null;
  measure: MeasureKey;
  region: string | null;
  sort: string;
  dir: SortDirection;
  municipality: string | null;
}

export interface HeatmapData {
  measure: MeasureKey;
  columns: Column[];
  nation: HeatmapRow;
  regions: HeatmapRow[];
  /** sorted as asked */
  municipalities: HeatmapRow[];
  sort: string;
  dir: SortDirection;
}

export interface MunicipalityDetail {
  area: AreaRef;
  own: boolean;
  summary: AreaSummary;
  nation: AreaSummary;
  visits: DetailVisit[];
  rules: RuleFigure[];
  trend: { year: number; summary: AreaSummary }[];
}

export interface CompletenessData {
  /** null when nothing has been computed yet */
  year: number | null;
  years: number[];
  periods: PagePeriods | null;
  region: string | null;
  threshold: number;
  overview: { nation: AreaSummary; own: (AreaSummary & { code: string; name: string }) | null; rules: RuleFigure[] } | null;
  heatmap: HeatmapData | null;
  detail: MunicipalityDetail | null;
}

/** Everything the Datakomplethed page shows, suppressed for the viewer. Throws CompletenessAccessDenied. */
export async function completenessData(viewer: Viewer, q: CompletenessQuery): Promise<CompletenessData> {
  return (await completenessView(viewer, q)).value;
}

export function completenessView(viewer: Viewer, q: CompletenessQuery): Promise<ViewPayload<CompletenessData>> {
  return cachedView("completeness", viewer, q, () => computeCompleteness(viewer, q));
}

async function computeCompleteness(viewer: Viewer, q: CompletenessQuery): Promise<CompletenessData> {
  assertCanRead(viewer);
  const [versions, directory, threshold] = await Promise.all([periodVersions(), areaDirectory(), coverageWarningThreshold()]);
  const { years, defaultYear } = yearsOf(versions);
  const year = q.year !== null && years.includes(q.year) ? q.year : defaultYear;
  if (year === null) return { year: null, years, periods: null, region: q.region, threshold, overview: null, heatmap: null, detail: null };
  const periods = pagePeriods(year);
  const sources = await viewerSources(viewer, versions, [periods.infant, periods.school]);
  const own = ownCode(viewer);
  const areas = areaRefs(directory, q.region);

  const columns = columnsFor(q.measure, periods);
  const row = (a: AreaRef) => heatmapRow(a, columns, sources, a.level === "municipality" && a.code === own);
  const heatmap: HeatmapData = {
    measure: q.measure, columns, nation: row(areas.nation), regions: areas.regions.map(row),
    municipalities: sortHeatmapRows(areas.municipalities.map(row), columns, q.sort, q.dir), sort: q.sort, dir: q.dir,
  };
  const ownRef = own ? directory.municipalities.find((m) => m.code === own) : undefined;
  const overview = {
    nation: areaSummary("nation", NATION, periods, sources),
    own: ownRef ? { ...areaSummary("municipality", ownRef.code, periods, sources), code: ownRef.code, name: ownRef.name } : null,
    rules: topRules(sources(periods.validity), "nation", NATION, 5),
  };
  const detail = q.municipality ? await municipalityDetail(viewer, q.municipality, year, versions, directory, years) : null;
  return { year, years, periods, region: q.region, threshold, overview, heatmap, detail };
}

async function municipalityDetail(viewer: Viewer, code: string, year: number, versions: PeriodVersion[], directory: Directory, years: number[]): Promise<MunicipalityDetail | null> {
  const m = directory.municipalities.find((x) => x.code === code);
  if (!m) return null;
  const area: AreaRef = { level: "municipality", code: m.code, name: m.name, regionCode: m.regionCode };
  const allPeriods = years.flatMap((y) => [pagePeriods(y).infant, pagePeriods(y).school]);
  const sources = await viewerSources(viewer, versions, allPeriods);
  const periods = pagePeriods(year);
  return {
    area,
    own: ownCode(viewer) === code,
    summary: areaSummary("municipality", code, periods, sources),
    nation: areaSummary("nation", NATION, periods, sources),
    visits: detailVisits(area, periods, sources),
    rules: topRules(sources(periods.validity), "municipality", code),
    // the years with any figure for the municipality (hidden ones count: the row shows "<5")
    trend: [...years]
      .sort((a, b) => a - b)
      .map((y) => ({ year: y, summary: areaSummary("municipality", code, pagePeriods(y), sources) }))
      .filter((t) => Object.values(t.summary).some((f) => f !== null && typeof f === "object" && f.state !== "no-data")),
  };
}

// ---------------------------------------------------------------- coverage warning for the dashboards

export const COVERAGE_WARNING_SETTING = "coverage_warning_threshold";
export const DEFAULT_COVERAGE_WARNING_THRESHOLD = 0.9;

/** SundK's threshold (setting `coverage_warning_threshold`, a share 0–1); 0.9 when unset or invalid. */
export function coverageWarningThreshold(): Promise<number> {
  return cachedShared("coverage-warning-threshold", readCoverageWarningThreshold);
}

async function readCoverageWarningThreshold(): Promise<number> {
  const r = await pool().query<{ value: unknown }>(`SELECT value FROM setting WHERE key = $1`, [COVERAGE_WARNING_SETTING]);
  return thresholdOf(r.rows[0]?.value);
}

/** The threshold a stored setting value stands for: the default when absent or invalid. */
export function thresholdOf(stored: unknown): number {
  const v = Number(stored);
  return Number.isFinite(v) && v > 0 && v <= 1 ? v : DEFAULT_COVERAGE_WARNING_THRESHOLD;
}

/** The coverage an indicator's result rests on: the visit its denominator needs, else "at least one report". */
const INDICATOR_COVERAGE: Readonly<Record<string, string>> = {
  "LDBU-02": "51f30d1c-d60e-4e3e-ac22-ec9712ea962d",
  "LDBU-03": "51f30d1c-d60e-4e3e-ac22-ec9712ea962d",
  "LDBU-04": "51f30d1c-d60e-4e3e-ac22-ec9712ea962d",
  "LDBU-07": "3f3e6489-31bd-44cf-9920-3c632868feb7",
  "LDBU-08": "3f3e6489-31bd-44cf-9920-3c632868feb7",
  "LDBU-10": "c06ed6f1-be9d-460e-a45e-34821bcbd533",
  "LDBU-11": "dd766967-4d02-4c17-8ed3-021852785fdf",
};

export interface CoverageWarning {
  areaLevel: AreaLevel;
  areaCode: string;
  period: string;
  /** the visit ("" = at least one accepted report) */
  visit: string;
  visitLabel: string;
  threshold: number;
  /** the coverage as the viewer may see it */
  coverage: Figure;
  /** the coverage is shown and below the threshold */
  below: boolean;
  /** Danish warning text when below, else null */
  text: string | null;
}

/**
 * Coverage behind an indicator result, for the dashboards: call it with the indicator, period ("2024" or "2024/25")
 * and area of a result; show `text` next to the result when `below`. Coverage hidden for the viewer (small numbers)
 * never warns. Throws CompletenessAccessDenied when the viewer may not read current results.
 */
export async function coverageWarnings(viewer: Viewer, q: { indicatorId: string; period: string; areas: readonly { areaLevel: AreaLevel; areaCode: string }[] }): Promise<CoverageWarning[]> {
  assertCanRead(viewer);
  const [versions, threshold] = await Promise.all([periodVersions(), coverageWarningThreshold()]);
  const sources = await viewerSources(viewer, versions, [q.period]);
  const src = sources(q.period);
  const visit = INDICATOR_COVERAGE[q.indicatorId] ?? "";
  const visitLabel = visit ? `${VISIT_BY_CODE.get(visit)!.label.toLowerCase()}` : "mindst én indberetning";
  return q.areas.map(({ areaLevel, areaCode }) => {
    const coverage = src?.figure(areaLevel, areaCode, TYPE.coverage(visit)) ?? NO_DATA;
    const below = coverage.state === "ok" && coverage.value !== null && coverage.value < threshold;
    return {
      areaLevel, areaCode, period: q.period, visit, visitLabel, threshold, coverage, below,
      text: below
        ? `Dækningsgraden (${visitLabel}) er ${formatPercent(coverage.value)} i ${q.period}, under SundK's grænse på ${formatPercent(threshold, 0)}. Resultatet bygger på ufuldstændige data og skal tolkes varsomt.`
        : null,
    };
  });
}

/** One area's coverage warning (see coverageWarnings). */
export async function coverageWarning(viewer: Viewer, q: { indicatorId: string; period: string; areaLevel: AreaLevel; areaCode: string }): Promise<CoverageWarning> {
  return (await coverageWarnings(viewer, { indicatorId: q.indicatorId, period: q.period, areas: [{ areaLevel: q.areaLevel, areaCode: q.areaCode }] }))[0];
}


/** Years with completeness data, newest first (for period filters elsewhere, e.g. the Fejlliste). */
export async function completenessYears(): Promise<number[]> {
  return yearsOf(await periodVersions()).years;
}
