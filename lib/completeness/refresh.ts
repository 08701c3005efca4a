/**
 * Recomputes the data-completeness aggregates. After ingest only what changed is recomputed: the visit facts of the
 * citizens marked in `refresh_citizen` (with their children and parents: parent observations count for the child's
 * visit, and a pregnancy visit's period is its child's birth cohort), the coverage of those children's birth cohorts
 * and school years, and the validity of the years with new receipts; then, of exactly those periods, the measure
 * families whose inputs changed (./aggregate.ts FAMILIES). `all` recomputes everything. Each period is replaced in
 * its own transaction (periods in concurrent lanes), so pages never see a half-written period. Coverage reads the
 * indicator facts of LDBU-09/10/11, so the aggregates follow the indicator refresh: `refreshIndicators` runs phase 1
 * (`completenessFacts`) alongside its own work and phase 2 (`completenessAggregates`) after it, before the citizens'
 * marks are cleared.
 */
import { inLanes, refreshLanes } from "@/lib/db/lanes";
import { LOCK_CLASS } from "@/lib/db/locks";
import { withTransaction } from "@/lib/db/transaction";
import type pg from "pg";
import { progress } from "@/lib/ingest/progress";
import { schoolYearLabel } from "@/lib/indicators/periods";
import { coverageRows, validityRows, visitRows, writePeriod, type Family } from "./aggregate";
import { computeVisitFacts } from "./facts";
import { MEASURES, NATION, type CompletenessRow } from "./types";

export interface CompletenessFactsOptions {
  all?: boolean;
  /** Only citizens marked at or before this time (the indicator refresh's start); default now. */
  markedBefore?: Date;
}

export interface CompletenessRefreshSummary {
  periods: string[];
  seconds: number;
}

async function touchedCitizens(pool: pg.Pool, markedBefore: Date): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `WITH touched AS (SELECT citizen_id FROM refresh_citizen WHERE marked_at <= $1)
     SELECT citizen_id::text AS id FROM touched
     UNION SELECT pl.child_id::text FROM parent_link pl JOIN touched t ON t.citizen_id = pl.parent_id
     UNION SELECT pl.parent_id::text FROM parent_link pl JOIN touched t ON t.citizen_id = pl.child_id WHERE pl.parent_id IS NOT NULL`,
    [markedBefore],
  );
  return rows.map((r) => r.id);
}

/** Birth cohorts and school years whose coverage depends on these children. */
async function coveragePeriods(pool: pg.Pool, ids: string[] | null): Promise<Set<string>> {
  if (ids === null) {
    const { rows } = await pool.query<{ period: string }>(
      `SELECT DISTINCT period FROM indicator_result WHERE indicator_id = ANY($1::text[]) AND area_level = 'nation' AND breakdown = 'all'`,
      [["LDBU-09", "LDBU-10", "LDBU-11"]],
    );
    return new Set(rows.map((r) => r.period));
  }
  const { rows } = await pool.query<{ y: number }>(`SELECT DISTINCT extract(year FROM birth_date)::int AS y FROM citizen WHERE id = ANY($1::bigint[])`, [ids]);
  const candidates = new Set<string>();
  for (const { y } of rows) {
    candidates.add(String(y));
    candidates.add(schoolYearLabel(y + 6));
    candidates.add(schoolYearLabel(y + 15));
  }
  // only the periods with a population (indicator results) or with coverage stored (parents' birth years have none)
  const { rows: existing } = await pool.query<{ period: string }>(
    `SELECT DISTINCT period FROM indicator_result WHERE indicator_id = ANY($1::text[]) AND area_level = 'nation' AND breakdown = 'all' AND period = ANY($2::text[])
     UNION SELECT DISTINCT period FROM completeness_result WHERE measure = $3 AND area_level = 'nation' AND period = ANY($2::text[])`,
    [["LDBU-09", "LDBU-10", "LDBU-11"], [...candidates], MEASURES.coverage],
  );
  return new Set(existing.map((r) => r.period));
}

/** Years with receipts the validity measures have not seen (all years for a full refresh), and the newest receipt id. */
async function receiptYears(pool: pg.Pool, all: boolean): Promise<{ years: Set<number>; upTo: string | null }> {
  const state = all ? null : (await pool.query<{ seen: string | null }>(`SELECT detail->>'receiptId' AS seen FROM completeness_result WHERE measure = $1`, [MEASURES.state])).rows[0]?.seen ?? null;
  const { rows } = await pool.query<{ y: number | null; upto: string | null }>(
    `SELECT DISTINCT extract(year FROM LEAST(r.received_at, r.report_timestamp) AT TIME ZONE 'Europe/Copenhagen')::int AS y,
            max(r.id) OVER ()::text AS upto
     FROM receipt r WHERE $1::bigint IS NULL OR r.id > $1::bigint`,
    [state],
  );
  return { years: new Set(rows.map((r) => r.y).filter((y): y is number => y !== null)), upTo: rows[0]?.upto ?? state };
}

/** What the first phase found: the citizens recomputed (null: all) and the periods whose visit facts changed. */
export interface CompletenessFacts {
  all: boolean;
  ids: string[] | null;
  factPeriods: Set<string>;
  seconds: number;
}

/** Phase 1: the visit facts of the touched citizens (all for `all`), in one transaction (the Fejlliste reads them). */
export async function completenessFacts(pool: pg.Pool, opts: CompletenessFactsOptions = {}): Promise<CompletenessFacts> {
  const t0 = process.hrtime.bigint();
  const all = Boolean(opts.all);
  const ids = all ? null : await touchedCitizens(pool, opts.markedBefore ?? new Date());
  const factPeriods = await withTransaction(pool, async (c) => {
    await c.query(`SELECT pg_advisory_xact_lock($1, 0)`, [LOCK_CLASS.completeness]); // two refreshes take turns
    return computeVisitFacts(c, ids);
  });
  return { all, ids, factPeriods, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

/** Phase 2 (after the indicator refresh, whose facts coverage reads): the aggregates of the periods that changed. */
export async function completenessAggregates(pool: pg.Pool, facts: CompletenessFacts, opts: { quiet?: boolean } = {}): Promise<CompletenessRefreshSummary> {
  const p = progress("datakomplethed");
  const { all, ids, factPeriods } = facts;
  const coverage = await coveragePeriods(pool, ids);
  const receipts = await receiptYears(pool, all);
  const periods = new Set<string>([...factPeriods, ...coverage, ...[...receipts.years].map(String)]);
  if (all) for (const r of (await pool.query<{ period: string }>(`SELECT DISTINCT period FROM completeness_result WHERE period <> ''`)).rows) periods.add(r.period);
  const plausible = [...periods].filter((x) => /^(\d{4})(\/\d{2})?$/.test(x) && Number(x.slice(0, 4)) >= 1990).sort();

  // Each period in its own transaction, in concurrent lanes; after ingest only the families whose inputs changed.
  const familiesOf = (period: string): Family[] => {
    const school = period.includes("/");
    if (all) return school ? ["coverage", "visits"] : ["coverage", "visits", "validity"];
    const f: Family[] = [];
    if (coverage.has(period)) f.push("coverage");
    if (factPeriods.has(period)) f.push("visits");
    if (!school && receipts.years.has(Number(period))) f.push("validity");
    return f;
  };
  let done = 0;
  await inLanes(plausible, refreshLanes(), async (period) => {
    const families = familiesOf(period);
    await withTransaction(pool, async (c) => {
      await c.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LOCK_CLASS.completeness, period]);
      await c.query(`SET LOCAL work_mem = '64MB'`);
      const rows: CompletenessRow[] = [];
      if (families.includes("coverage")) rows.push(...(await coverageRows(c, period)));
      if (families.includes("visits")) rows.push(...(await visitRows(c, period)));
      if (families.includes("validity")) rows.push(...(await validityRows(c, Number(period))));
      await writePeriod(c, period, families, rows);
    });
    done++;
    if (!opts.quiet) p.update(`${done}/${plausible.length} perioder (${period})`);
  });
  if (receipts.upTo !== null)
    await pool.query(
      `INSERT INTO completeness_result (measure, period, area_level, area_code, visit_type, item, numerator, denominator, detail)
       VALUES ($1, '', 'nation', $2, '', '', 0, 0, jsonb_build_object('receiptId', $3::text))
       ON CONFLICT (measure, period, area_level, area_code, visit_type, item) DO UPDATE SET detail = EXCLUDED.detail, computed_at = now()`,
      [MEASURES.state, NATION, receipts.upTo],
    );
  if (!opts.quiet) p.done(`datakomplethed: ${plausible.length} perioder genberegnet`);
  return { periods: plausible, seconds: facts.seconds + p.elapsed() };
}
