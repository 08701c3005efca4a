/**
 * Recomputes indicator aggregates. After ingest, only the periods touched since the last
 * refresh are recomputed (refresh marks: birth years of changed children; school years follow
 * from them); `all` recomputes every period with data. Each indicator × period is replaced
 * in its own transaction, so pages never see a half-written period.
 */
import type pg from "pg";
import { progress } from "@/lib/ingest/progress";
import { countFacts, withStatistics, writeResults } from "./aggregate";
import { DEFAULT_EPDS_CUTOFF, INDICATORS } from "./catalog";
import { computeFacts } from "./facts";
import { periodsForBirthYear } from "./periods";
import { currentStandards } from "./standards";

export interface RefreshSummary {
  cells: { indicatorId: string; period: string }[];
  seconds: number;
}

async function markedBirthYears(pool: pg.Pool, all: boolean): Promise<number[]> {
  const sql = all
    ? `SELECT DISTINCT extract(year FROM birth_date)::int AS y FROM register_person
       UNION SELECT DISTINCT extract(year FROM c.birth_date)::int FROM citizen c JOIN encounter e ON e.citizen_id = c.id`
    : `SELECT DISTINCT period::int AS y FROM refresh_mark WHERE period ~ '^[0-9]{4}$'`;
  return (await pool.query<{ y: number }>(sql)).rows.map((r) => r.y).filter((y) => y >= 1990).sort();
}

export async function epdsCutoff(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ value: unknown }>(`SELECT value FROM setting WHERE key = 'epds_cutoff'`);
  const v = Number(r.rows[0]?.value);
  return Number.isInteger(v) && v > 0 && v <= 30 ? v : DEFAULT_EPDS_CUTOFF;
}

export async function refreshIndicators(pool: pg.Pool, opts: { all?: boolean; quiet?: boolean } = {}): Promise<RefreshSummary> {
  const started = new Date();
  const p = progress("refresh");
  const years = await markedBirthYears(pool, Boolean(opts.all));
  const thisYear = new Date().getFullYear();
  const cells: { indicatorId: string; period: string }[] = [];
  for (const def of INDICATORS)
    for (const y of years) {
      const period = periodsForBirthYear(def.id, y, def.periodKind);
      if (Number(period.slice(0, 4)) <= thisYear && !cells.some((c) => c.indicatorId === def.id && c.period === period)) cells.push({ indicatorId: def.id, period });
    }
  const cutoff = await epdsCutoff(pool);
  const standards = await currentStandards(pool);
  let done = 0;
  for (const cell of cells) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await computeFacts(client, cell.indicatorId, cell.period, cutoff);
      const rows = withStatistics(cell.indicatorId, await countFacts(client, cell.indicatorId, cell.period), standards.get(cell.indicatorId) ?? null);
      await writeResults(client, cell.indicatorId, cell.period, rows);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    done++;
    if (!opts.quiet) p.update(`${done}/${cells.length} indikator × periode (${cell.indicatorId} ${cell.period})`);
  }
  // Marks set while we worked stay for the next refresh.
  await pool.query(`DELETE FROM refresh_mark WHERE marked_at <= $1`, [started]);
  if (!opts.quiet) p.done(`${cells.length} indikator × periode genberegnet`);
  return { cells, seconds: p.elapsed() };
}
