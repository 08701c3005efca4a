/**
 * Recomputes the data-completeness aggregates. After ingest only what changed is recomputed: the visit facts of the
 * citizens marked in `refresh_citizen` (with their children and parents: parent observations count for the child's
 * visit, and a pregnancy visit's period is its child's birth cohort), the coverage of those children's birth cohorts
 * and school years, and the validity of the years with new receipts; then, of exactly those periods, the measure
 * families whose inputs changed (./aggregate.ts FAMILIES). `all` recomputes everything. Each family of a period is
 * replaced in its own transaction (in concurrent lanes), so pages never see a half-written measure. Coverage reads the
 * indicator facts of LDBU-09/10/11, so it follows the indicator refresh: `refreshIndicators` runs phase 1
 * (`completenessFacts`) and then the visit and validity aggregates alongside its own work, and the coverage aggregates
 * after it, before the citizens' marks are cleared.
 */
import { inLanes, refreshLanes } from "@/lib/db/lanes";
import { LOCK_CLASS } from "@/lib/db/locks";
import { withTransaction } from "@/lib/db/transaction";
import type pg from "pg";
import { progress } from "@/lib/ingest/progress";
import { schoolYearLabel } from "@/lib/indicators/periods";
import { validityRows, visitRows, writePeriod, type Family } from "./aggregate";
import { coverageRows } from "./coverage";
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

const YEAR = (ts: string) => `extract(year FROM ${ts} AT TIME ZONE 'Europe/Copenhagen')::int`;

/** The SOR code → municipality mapping as one value: validity places its day counts by it when a year is summed. */
const MAPPING = `SELECT md5(COALESCE(string_agg(sor_code || '=' || municipality_code, ',' ORDER BY sor_code), '')) AS mapping FROM organisation`;

interface ReceiptYears {
  /** Each year to sum anew, with the days to recount first (null: the whole year; []: none, only placed anew). */
  years: Map<number, string[] | null>;
  /** The newest receipt id and the mapping the sums now follow: the state the next refresh starts from. */
  upTo: string | null;
  mapping: string;
}

/**
 * Years with receipts the validity measures have not counted, each with the days to recount (null: the whole year,
 * as for every year of a full refresh), and the newest receipt id. After a change of the SOR mapping every year is
 * summed anew from its day counts (a few thousand rows each), so rejected receipts move with their SOR code as the
 * children and visits do (lib/organisations/admin.ts marks those). The mapping is read before anything is summed: a
 * change made meanwhile leaves the old value recorded, and the next refresh places the years again.
 */
async function receiptYears(pool: pg.Pool, all: boolean): Promise<ReceiptYears> {
  const { mapping } = (await pool.query<{ mapping: string }>(MAPPING)).rows[0];
  const state = all
    ? null
    : (await pool.query<{ seen: string | null; mapping: string | null }>(
        `SELECT detail->>'receiptId' AS seen, detail->>'mapping' AS mapping FROM completeness_result WHERE measure = $1`,
        [MEASURES.state],
      )).rows[0];
  // day counts not yet made (a database from before them): every year whole, as a full refresh would
  const counted = !all && (await pool.query(`SELECT 1 FROM completeness_receipt_day LIMIT 1`)).rowCount === 1;
  if (!counted) {
    // all years: from the earliest report, each next year's first report by the reported_at index (a few lookups;
    // reading all 2.5 M national receipts took 6 s)
    const { rows } = await pool.query<{ y: number | null; upto: string | null }>(
      `WITH RECURSIVE years AS (
         SELECT (SELECT ${YEAR("min(reported_at)")} FROM receipt) AS y
         UNION ALL
         SELECT (SELECT ${YEAR("min(r.reported_at)")} FROM receipt r WHERE r.reported_at >= make_timestamptz(years.y + 1, 1, 1, 0, 0, 0, 'Europe/Copenhagen'))
         FROM years WHERE years.y IS NOT NULL
       )
       SELECT y, (SELECT max(id)::text FROM receipt) AS upto FROM years WHERE y IS NOT NULL`,
    );
    return { years: new Map(rows.map((r) => [r.y!, null])), upTo: rows[0]?.upto ?? null, mapping };
  }
  // the receipts since the last refresh: few, found by id
  const { rows } = await pool.query<{ y: number; days: string[]; upto: string }>(
    `SELECT ${YEAR("r.reported_at")} AS y, array_agg(DISTINCT to_char(r.reported_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD')) AS days,
            max(max(r.id)) OVER ()::text AS upto
     FROM receipt r WHERE r.id > $1::bigint GROUP BY 1`,
    [state?.seen ?? "0"],
  );
  const years = new Map<number, string[] | null>(rows.map((r) => [r.y, r.days]));
  if (state?.mapping !== mapping) {
    const summed = await pool.query<{ y: number }>(`SELECT DISTINCT period::int AS y FROM completeness_result WHERE measure = $1`, [MEASURES.validity]);
    for (const { y } of summed.rows) if (!years.has(y)) years.set(y, []);
  }
  return { years, upTo: rows[0]?.upto ?? state?.seen ?? null, mapping };
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

/** The order tasks are started in: the heaviest first, so that no lane is left with a long one at the end. */
const WEIGHT: Record<Family, number> = { visits: 0, validity: 1, coverage: 2 };

/**
 * Phase 2: the aggregates of the periods whose inputs changed, of the measure families asked for (all by default).
 * Visits and validity need only the visit facts and the receipts; coverage also reads the indicator facts, so it
 * follows the indicator refresh.
 */
export async function completenessAggregates(
  pool: pg.Pool,
  facts: CompletenessFacts,
  opts: { quiet?: boolean; families?: readonly Family[] } = {},
): Promise<CompletenessRefreshSummary> {
  const wanted = new Set<Family>(opts.families ?? ["coverage", "visits", "validity"]);
  const p = progress(`datakomplethed (${[...wanted].join(", ")})`);
  const { all, ids } = facts;
  const factPeriods = wanted.has("visits") ? facts.factPeriods : new Set<string>();
  const coverage = wanted.has("coverage") ? await coveragePeriods(pool, ids) : new Set<string>();
  const receipts: ReceiptYears = wanted.has("validity") ? await receiptYears(pool, all) : { years: new Map(), upTo: null, mapping: "" };
  // a full refresh drops the coverage children of periods that no longer have a population
  if (all && wanted.has("coverage")) await pool.query(`DELETE FROM completeness_coverage_child WHERE period <> ALL($1::text[])`, [[...coverage]]);
  const periods = new Set<string>([...factPeriods, ...coverage, ...[...receipts.years.keys()].map(String)]);
  if (all) for (const r of (await pool.query<{ period: string }>(`SELECT DISTINCT period FROM completeness_result WHERE period <> ''`)).rows) periods.add(r.period);
  const plausible = [...periods].filter((x) => /^(\d{4})(\/\d{2})?$/.test(x) && Number(x.slice(0, 4)) >= 1990).sort();

  // After ingest only the families whose inputs changed; each period × family in its own transaction, in lanes.
  const familiesOf = (period: string): Family[] => {
    const changed: Record<Family, boolean> = {
      coverage: all || coverage.has(period),
      visits: all || factPeriods.has(period),
      validity: !period.includes("/") && (all || receipts.years.has(Number(period))),
    };
    return [...wanted].filter((f) => changed[f]);
  };
  const tasks = plausible.flatMap((period) => familiesOf(period).map((family) => ({ period, family }))).sort((a, b) => WEIGHT[a.family] - WEIGHT[b.family]);
  let done = 0;
  await inLanes(tasks, refreshLanes(), async ({ period, family }) => {
    await withTransaction(pool, async (c) => {
      // a family of a period is computed by one refresh at a time; the families of a period are computed side by side
      // and written one at a time (each renews the period's version row)
      await c.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LOCK_CLASS.completeness, `${period}|${family}`]);
      await c.query(`SET LOCAL work_mem = '64MB'`);
      const rows: CompletenessRow[] =
        family === "coverage" ? await coverageRows(c, period, ids) : family === "visits" ? await visitRows(c, period) : await validityRows(c, Number(period), receipts.years.get(Number(period)) ?? null);
      await c.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LOCK_CLASS.completeness, period]);
      await writePeriod(c, period, [family], rows);
    });
    done++;
    if (!opts.quiet) p.update(`${done}/${tasks.length} perioder × mål (${period} ${family})`);
  });
  if (receipts.upTo !== null)
    await pool.query(
      `INSERT INTO completeness_result (measure, period, area_level, area_code, visit_type, item, numerator, denominator, detail)
       VALUES ($1, '', 'nation', $2, '', '', 0, 0, jsonb_build_object('receiptId', $3::text, 'mapping', $4::text))
       ON CONFLICT (measure, period, area_level, area_code, visit_type, item) DO UPDATE SET detail = EXCLUDED.detail, computed_at = now()`,
      [MEASURES.state, NATION, receipts.upTo, receipts.mapping],
    );
  if (!opts.quiet) p.done(`datakomplethed: ${tasks.length} perioder × mål genberegnet`);
  return { periods: plausible, seconds: p.elapsed() };
}
