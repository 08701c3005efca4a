/**
 * The frozen content of an annual report (årsrapport): what SundK freezes for a year and what the hearing, the
 * public pages and the open data API read afterwards. It is stored as JSON in `annual_report.snapshot` and never
 * changes once written; new data reach the public only through a new version (a correction).
 *
 * A snapshot holds the figures UNSUPPRESSED, exactly as stored: every area and breakdown of each indicator × period,
 * because small-number suppression (lib/queries/viewer-cells.ts) must see a whole table to be complementary. Readers
 * go through ./published.ts, which suppresses per viewer.
 */
import type pg from "pg";
import { CATALOG_VERSION, COUNTING_RULES, INDICATORS, type IndicatorDefinition } from "@/lib/indicators/catalog";
import { schoolYearLabel } from "@/lib/indicators/periods";
import { MEASURES, type CompletenessRow } from "@/lib/completeness/types";
import type { StoredResult } from "@/lib/queries/viewer-cells";

export const SNAPSHOT_FORMAT = 1;

export interface SnapshotIndicator extends IndicatorDefinition {
  /** the period of this indicator the report covers: birth cohort "2025" or school year "2025/26" */
  period: string;
  /** SundK's standard (target share) at freezing time, or null when the indicator has none */
  standardTarget: number | null;
}

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  year: number;
  catalogVersion: string;
  /** ISO time the figures were read (the results include every report refreshed before it) */
  dataCutoff: string;
  countingRules: string[];
  /** the catalog as it was at freezing time, in catalog order */
  indicators: SnapshotIndicator[];
  /** every stored cell of each indicator × its period, unsuppressed */
  results: StoredResult[];
  /** the data-completeness rows of the year's periods (lib/completeness/periods.ts pagePeriods), unsuppressed */
  completeness: CompletenessRow[];
}

/**
 * The period an indicator covers in the report for `year`, the same convention as the Datakomplethed page: birth
 * cohort Y for the infant indicators, the school year starting in August of Y for the school examinations.
 */
export function reportPeriod(indicator: Pick<IndicatorDefinition, "periodKind">, year: number): string {
  return indicator.periodKind === "birth-cohort" ? String(year) : schoolYearLabel(year);
}

/** The periods of the completeness chapter for `year` (birth cohort, school year, receipts of the calendar year). */
export function completenessPeriods(year: number): string[] {
  return [...new Set([String(year), schoolYearLabel(year)])];
}

/**
 * Read the year's figures into a snapshot. Call it inside a REPEATABLE READ (or stricter) transaction so results,
 * standards and completeness come from one consistent view of the database.
 */
export async function buildSnapshot(client: pg.ClientBase, year: number): Promise<Snapshot> {
  const pairs = INDICATORS.map((d) => ({ id: d.id, period: reportPeriod(d, year) }));
  // one client runs one query at a time: in sequence, not Promise.all (pg deprecates queued queries)
  const now = await client.query<{ now: Date }>(`SELECT now() AS now`);
  const standards = await client.query<{ indicator_id: string; target: number }>(`SELECT indicator_id, target FROM indicator_standard`);
  const results = await client.query<StoredResult>(
      `SELECT r.indicator_id AS "indicatorId", r.period, r.area_level::text AS "areaLevel", r.area_code AS "areaCode",
              r.breakdown, r.breakdown_value AS "breakdownValue", r.numerator, r.denominator, r.uoplyst, r.value,
              r.ci_low AS "ciLow", r.ci_high AS "ciHigh", r.benchmark, r.standard_met AS "standardMet",
              r.standard_ci_side AS "standardCiSide"
       FROM indicator_result r
       JOIN unnest($1::text[], $2::text[]) AS p(indicator_id, period) ON p.indicator_id = r.indicator_id AND p.period = r.period
       ORDER BY r.indicator_id, r.area_level, r.area_code, r.breakdown, r.breakdown_value`,
      [pairs.map((p) => p.id), pairs.map((p) => p.period)],
    );
  const completeness = await client.query<CompletenessRow>(
      `SELECT measure, period, area_level::text AS "areaLevel", area_code AS "areaCode", visit_type AS "visitType", item,
              numerator, denominator, value, detail
       FROM completeness_result WHERE period = ANY($1::text[]) AND measure <> $2
       ORDER BY measure, period, area_level, area_code, visit_type, item`,
      [completenessPeriods(year), MEASURES.version],
    );
  const stored = new Map(standards.rows.map((r) => [r.indicator_id, r.target]));
  return {
    format: SNAPSHOT_FORMAT,
    year,
    catalogVersion: CATALOG_VERSION,
    dataCutoff: now.rows[0].now.toISOString(),
    countingRules: [...COUNTING_RULES],
    indicators: INDICATORS.map((d) => ({ ...d, period: reportPeriod(d, year), standardTarget: stored.get(d.id) ?? d.standard?.target ?? null })),
    results: results.rows,
    completeness: completeness.rows,
  };
}
