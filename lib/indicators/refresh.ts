/**
 * Recomputes indicator aggregates, one transaction per group of indicators sharing a period and its children (the
 * nine infant indicators of a birth cohort; each school indicator of a school year), so pages never see a
 * half-written period. Per group: place the children once (lib/indicators/facts.ts `placed`), write each
 * indicator's facts from them, then the aggregates.
 *
 * `all` recomputes every period with data from scratch and counts all facts. After ingest only what changed is
 * recomputed: the facts of the children marked in `refresh_citizen` (and of the children of marked parents) in the
 * periods they count in, and the aggregates are changed by the difference between the facts removed and written
 * (lib/indicators/aggregate.ts `applyChanges`) — work in proportion to the changed children, not to the period. A
 * period that has no results yet is computed whole when a changed child gives it data, as a full refresh would.
 * Groups run in concurrent lanes (lib/db/lanes.ts), and the data-completeness visit facts are computed alongside
 * them; the completeness aggregates follow, since coverage reads the indicator facts. Two refreshes take turns on
 * each group (an advisory lock per group), so counts and facts cannot drift apart.
 */
import type pg from "pg";
import { inLanes, refreshLanes } from "@/lib/db/lanes";
import { LOCK_CLASS } from "@/lib/db/locks";
import { withTransaction } from "@/lib/db/transaction";
import { completenessAggregates, completenessFacts } from "@/lib/completeness/refresh";
import { progress } from "@/lib/ingest/progress";
import { applyChanges, countFacts, storedCounts, withStatistics, writeResults } from "./aggregate";
import { DEFAULT_EPDS_CUTOFF, INDICATORS } from "./catalog";
import { computeFacts, createFactChanges, createStagedFacts, placeChildren, removeFacts, writeStagedFacts } from "./facts";
import { VISIT } from "./codes";
import { periodsForBirthYear } from "./periods";
import { currentStandards } from "./standards";

export interface RefreshSummary {
  cells: { indicatorId: string; period: string; children: number | "all" }[];
  seconds: number;
  /** The data-completeness phases' own times, added up: visit facts, then visit and validity aggregates (both
   * alongside the indicators), and coverage aggregates (after them). */
  completenessSeconds: number;
}

/** Indicators computed together: one period, the same children. */
interface Group {
  period: string;
  indicatorIds: string[];
  /** The children to recompute; null: all of the period. */
  only: string[] | null;
}

const INFANT = INDICATORS.filter((d) => d.periodKind === "birth-cohort").map((d) => d.id);
const SCHOOL = INDICATORS.filter((d) => d.periodKind === "school-year").map((d) => d.id);
/**
 * Advisory lock (two-key space, apart from ingest's one-key locks) every refresh transaction holds shared, and a
 * standard change (./standard-admin.ts) exclusively, so neither writes over the other.
 */
export const REFRESH_LOCK = [LOCK_CLASS.refresh, 1] as const;

/**
 * Birth years with data: the years with reported first-year contacts (infant cohorts), and the birth years of the
 * school cohorts with school examinations reported in their school year — over everybody, or the children in `kids`.
 */
async function yearsWithData(pool: pg.Pool, kids: string[] | null): Promise<{ y: number; kind: string }[]> {
  const { rows } = await pool.query<{ y: number; kind: string }>(
    `SELECT DISTINCT extract(year FROM c.birth_date)::int AS y, 'birth-cohort' AS kind FROM citizen c JOIN encounter e ON e.citizen_id = c.id
     WHERE e.start < c.birth_date + 365 AND ($3::bigint[] IS NULL OR c.id = ANY($3::bigint[]))
     UNION
     SELECT DISTINCT extract(year FROM e.start - interval '7 months')::int - CASE e.type_code WHEN $1 THEN 6 ELSE 15 END,
            CASE e.type_code WHEN $1 THEN 'LDBU-10' ELSE 'LDBU-11' END
     FROM encounter e WHERE e.type_code IN ($1, $2) AND ($3::bigint[] IS NULL OR e.citizen_id = ANY($3::bigint[]))`,
    [VISIT.indskoling, VISIT.udskoling, kids],
  );
  return rows.filter((r) => r.y >= 1990);
}

const groupOf = (y: number, kind: string) => (kind === "birth-cohort" ? { period: String(y), indicatorIds: INFANT } : { period: periodsForBirthYear(kind, y, "school-year"), indicatorIds: [kind] });

const largestFirst = (a: Group, b: Group) => b.indicatorIds.length - a.indicatorIds.length || a.period.localeCompare(b.period) || a.indicatorIds[0].localeCompare(b.indicatorIds[0]);

async function work(pool: pg.Pool, all: boolean, started: Date): Promise<Group[]> {
  const thisYear = started.getFullYear();
  const due = (g: { period: string }) => Number(g.period.slice(0, 4)) <= thisYear;
  // the largest groups (a birth cohort's nine indicators) first, so the lanes end together
  if (all) return (await yearsWithData(pool, null)).map((r) => ({ ...groupOf(r.y, r.kind), only: null })).filter(due).sort(largestFirst);

  const { rows: touched } = await pool.query<{ y: number; ids: string[] }>(
    `WITH touched AS (SELECT citizen_id FROM refresh_citizen WHERE marked_at <= $1),
          kids AS (SELECT t.citizen_id AS id FROM touched t
                   WHERE NOT EXISTS (SELECT 1 FROM parent_link p WHERE p.parent_id = t.citizen_id)
                   UNION SELECT pl.child_id FROM parent_link pl JOIN touched t ON t.citizen_id = pl.parent_id)
     SELECT extract(year FROM c.birth_date)::int AS y, array_agg(c.id::text) AS ids
     FROM kids JOIN citizen c ON c.id = kids.id GROUP BY 1`,
    [started],
  );
  if (touched.length === 0) return [];
  const { rows: results } = await pool.query<{ indicator_id: string; period: string }>(
    `SELECT DISTINCT indicator_id, period FROM indicator_result WHERE area_level = 'nation' AND breakdown = 'all'`,
  );
  const hasResults = new Set(results.map((r) => `${r.indicator_id}|${r.period}`));
  const active = (g: { period: string; indicatorIds: string[] }) => g.indicatorIds.some((id) => hasResults.has(`${id}|${g.period}`));
  const groups = new Map<string, Group>();
  // periods the changed children give data for the first time: whole
  for (const r of await yearsWithData(pool, touched.flatMap((t) => t.ids))) {
    const g = groupOf(r.y, r.kind);
    if (!active(g)) groups.set(`${g.indicatorIds[0]}|${g.period}`, { ...g, only: null });
  }
  // periods with results: the changed children only
  for (const { y, ids } of touched)
    for (const kind of ["birth-cohort", ...SCHOOL]) {
      const g = groupOf(y, kind);
      const key = `${g.indicatorIds[0]}|${g.period}`;
      if (active(g) && !groups.has(key)) groups.set(key, { ...g, only: ids });
    }
  return [...groups.values()].filter(due);
}
export async function epdsCutoff(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ value: unknown }>(`SELECT value FROM setting WHERE key = 'epds_cutoff'`);
  const v = Number(r.rows[0]?.value);
  return Number.isInteger(v) && v > 0 && v <= 30 ? v : DEFAULT_EPDS_CUTOFF;
}

export async function refreshIndicators(pool: pg.Pool, opts: { all?: boolean; quiet?: boolean } = {}): Promise<RefreshSummary> {
  const started = new Date();
  const p = progress("refresh");
  // the visit facts of data completeness, and the visit and validity aggregates from them, do not depend on the
  // indicators: computed alongside them, from the start (coverage reads the indicator facts: after them)
  const visitFacts = completenessFacts(pool, { all: opts.all, markedBefore: started });
  const visitAggregates = visitFacts.then((f) => completenessAggregates(pool, f, { quiet: opts.quiet, families: ["visits", "validity"] }));
  visitAggregates.catch(() => {}); // awaited below; an early failure must not go unhandled meanwhile
  const [groups, cutoff] = await Promise.all([work(pool, Boolean(opts.all), started), epdsCutoff(pool)]).catch(async (error) => {
    await visitAggregates.catch(() => {}); // nothing may still run on the pool when the refresh has failed
    throw error;
  });
  const cells = groups.flatMap((g) => g.indicatorIds.map((indicatorId) => ({ indicatorId, period: g.period, children: g.only ? g.only.length : ("all" as const) })));
  let done = 0;
  // the visit facts are one long query on one core: the groups get the other lanes, so the two do not slow each other,
  // and every lane once the visit facts and their aggregates are done
  const lanes = refreshLanes();
  await inLanes(groups, Math.max(1, lanes - 1), async (g) => {
    await withTransaction(pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock_shared($1, $2)`, [...REFRESH_LOCK]);
      await client.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LOCK_CLASS.refreshGroup, `${g.indicatorIds[0]}|${g.period}`]);
      // the placing's sort of a cohort's reports and the indicators' hashes stay in memory
      await client.query(`SET LOCAL work_mem = '64MB'`);
      // read under the lock: a standard SundK changes meanwhile is applied to these results too
      const standards = await currentStandards(client);
      await placeChildren(client, g.period, g.indicatorIds[0], g.only);
      if (g.only) {
        await createFactChanges(client);
        await removeFacts(client, g.indicatorIds, g.period, g.only);
      } else await createStagedFacts(client);
      for (const id of g.indicatorIds) await computeFacts(client, id, g.period, cutoff, g.only !== null);
      if (!g.only) await writeStagedFacts(client, g.indicatorIds, g.period);
      const counts = await countFacts(client, g.indicatorIds, g.period, g.only ? "changes" : "staged");
      for (const id of g.indicatorIds) {
        const changes = counts.get(id)!.filter((c) => c.numerator || c.denominator || c.uoplyst);
        if (g.only && changes.length === 0) continue; // the changed children's facts came out as before
        const rows = g.only ? applyChanges(await storedCounts(client, id, g.period), changes) : counts.get(id)!;
        await writeResults(client, id, g.period, withStatistics(id, rows, standards.get(id) ?? null));
      }
    });
    done += g.indicatorIds.length;
    if (!opts.quiet) p.update(`${done}/${cells.length} indikator × periode (${g.period})`);
  }, { when: visitAggregates, to: lanes });
  const facts = await visitFacts;
  const coverage = await completenessAggregates(pool, facts, { quiet: opts.quiet, families: ["coverage"] });
  const visits = await visitAggregates;
  // Citizens marked while we worked stay marked for the next refresh.
  await pool.query(`DELETE FROM refresh_citizen WHERE marked_at <= $1`, [started]);
  if (!opts.quiet) p.done(`${cells.length} indikator × periode genberegnet`);
  return { cells, seconds: p.elapsed(), completenessSeconds: facts.seconds + visits.seconds + coverage.seconds };
}
