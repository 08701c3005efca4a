/**
 * Recomputes indicator aggregates. After ingest only what changed is recomputed: the facts
 * of the children marked in `refresh_citizen` (and of the children of marked parents) in the
 * periods they belong to, then those periods' aggregates. `all` recomputes every period with
 * data from scratch. Each indicator × period is replaced in its own transaction, so pages
 * never see a half-written period.
 */
import type pg from "pg";
import { withTransaction } from "@/lib/db/transaction";
import { progress } from "@/lib/ingest/progress";
import { countFacts, withStatistics, writeResults } from "./aggregate";
import { DEFAULT_EPDS_CUTOFF, INDICATORS, type PeriodKind } from "./catalog";
import { computeFacts } from "./facts";
import { VISIT } from "./codes";
import { periodsForBirthYear } from "./periods";
import { currentStandards } from "./standards";

export interface RefreshSummary {
  cells: { indicatorId: string; period: string; children: number | "all" }[];
  seconds: number;
}

/**
 * Birth year → the children to recompute ("all" for a full refresh). A full refresh covers the
 * birth years with reported first-year contacts (infant cohorts) and the birth years of the
 * school cohorts with school examinations reported in their school year.
 */
/** What a birth year is computed for: its infant cohort, and/or a school indicator (by id). */
type Work = Map<number, { ids: string[] | "all"; kinds: Set<string> }>;
const workKind = (d: { id: string; periodKind: PeriodKind }) => (d.periodKind === "birth-cohort" ? "birth-cohort" : d.id);

async function work(pool: pg.Pool, all: boolean, started: Date): Promise<Work> {
  if (all) {
    const { rows } = await pool.query<{ y: number; kind: string }>(
      `SELECT DISTINCT extract(year FROM c.birth_date)::int AS y, 'birth-cohort' AS kind FROM citizen c JOIN encounter e ON e.citizen_id = c.id
       WHERE e.start < c.birth_date + 365
       UNION
       SELECT DISTINCT extract(year FROM e.start - interval '7 months')::int - CASE e.type_code WHEN $1 THEN 6 ELSE 15 END,
              CASE e.type_code WHEN $1 THEN 'LDBU-10' ELSE 'LDBU-11' END
       FROM encounter e WHERE e.type_code IN ($1, $2)`,
      [VISIT.indskoling, VISIT.udskoling],
    );
    const w: Work = new Map();
    for (const r of rows.filter((r) => r.y >= 1990)) (w.get(r.y) ?? w.set(r.y, { ids: "all", kinds: new Set() }).get(r.y)!).kinds.add(r.kind);
    return w;
  }
  const { rows } = await pool.query<{ y: number; ids: string[] }>(
    `WITH touched AS (SELECT citizen_id FROM refresh_citizen WHERE marked_at <= $1),
          kids AS (SELECT t.citizen_id AS id FROM touched t
                   WHERE NOT EXISTS (SELECT 1 FROM parent_link p WHERE p.parent_id = t.citizen_id)
                   UNION SELECT pl.child_id FROM parent_link pl JOIN touched t ON t.citizen_id = pl.parent_id)
     SELECT extract(year FROM c.birth_date)::int AS y, array_agg(c.id::text) AS ids
     FROM kids JOIN citizen c ON c.id = kids.id GROUP BY 1`,
    [started],
  );
  return new Map(rows.map((r) => [r.y, { ids: r.ids, kinds: new Set(["birth-cohort", ...INDICATORS.map(workKind)]) }]));
}

export async function epdsCutoff(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ value: unknown }>(`SELECT value FROM setting WHERE key = 'epds_cutoff'`);
  const v = Number(r.rows[0]?.value);
  return Number.isInteger(v) && v > 0 && v <= 30 ? v : DEFAULT_EPDS_CUTOFF;
}

export async function refreshIndicators(pool: pg.Pool, opts: { all?: boolean; quiet?: boolean } = {}): Promise<RefreshSummary> {
  const started = new Date();
  const p = progress("refresh");
  const byYear = await work(pool, Boolean(opts.all), started);
  const thisYear = started.getFullYear();
  const cells: RefreshSummary["cells"] = [];
  const idsFor = new Map<string, string[] | "all">();
  for (const def of INDICATORS)
    for (const [year, { ids, kinds }] of byYear) {
      if (!kinds.has(workKind(def))) continue;
      const period = periodsForBirthYear(def.id, year, def.periodKind);
      if (Number(period.slice(0, 4)) > thisYear) continue;
      cells.push({ indicatorId: def.id, period, children: ids === "all" ? "all" : ids.length });
      idsFor.set(`${def.id}|${period}`, ids);
    }
  const cutoff = await epdsCutoff(pool);
  const standards = await currentStandards(pool);
  let done = 0;
  for (const cell of cells) {
    const ids = idsFor.get(`${cell.indicatorId}|${cell.period}`)!;
    await withTransaction(pool, async (client) => {
      await computeFacts(client, cell.indicatorId, cell.period, cutoff, ids === "all" ? null : ids);
      const rows = withStatistics(cell.indicatorId, await countFacts(client, cell.indicatorId, cell.period), standards.get(cell.indicatorId) ?? null);
      await writeResults(client, cell.indicatorId, cell.period, rows);
    });
    done++;
    if (!opts.quiet) p.update(`${done}/${cells.length} indikator × periode (${cell.indicatorId} ${cell.period})`);
  }
  await (await import("@/lib/completeness/refresh")).refreshCompleteness(pool, { all: opts.all, quiet: opts.quiet, markedBefore: started });
  // Citizens marked while we worked stay marked for the next refresh.
  await pool.query(`DELETE FROM refresh_citizen WHERE marked_at <= $1`, [started]);
  if (!opts.quiet) p.done(`${cells.length} indikator × periode genberegnet`);
  return { cells, seconds: p.elapsed() };
}
