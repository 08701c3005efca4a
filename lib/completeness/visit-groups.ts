/**
 * The visit facts summed per period × visit type × custodian (SOR code): counts and every visit's delay
 * (completeness_visit_group), and the mandatory observations lacking (completeness_item_group). Timeliness and variable
 * completeness (./aggregate.ts visitRows) are computed from these few hundred rows per period instead of from all of a
 * period's visits (300 k for a national birth cohort, the longest step of an incremental refresh).
 *
 * A full refresh builds them from the facts; an incremental one changes them by the facts it removed and wrote
 * (`visit_change`, recorded by ./facts.ts), in the same transaction as the facts, so the two always agree. Delays are
 * changed value by value (exact medians need every one): the removed facts' delays are taken out, the new ones added.
 */
import type pg from "pg";
import { TIMELY_HOURS } from "./items";

/** Milliseconds from a fact's start to its report (whole: the timestamps' precision), as float8: exact. */
const DELAY_MS = `(extract(epoch FROM f.reported_at - f.start) * 1000)::float8`;
const TIMELY = `f.reported_at - f.start <= make_interval(hours => ${TIMELY_HOURS})`;

/** (period, visit_type, sor_code, item, reason, sign) per lacking item of the facts `f` in `from`; reason "" = not sent. */
const lacking = (from: string, sign: string) => `
  SELECT f.period, f.visit_type, f.sor_code, split_part(a, ':', 1) AS item, substr(a, strpos(a, ':') + 1) AS reason, ${sign} AS sign
  FROM ${from} CROSS JOIN LATERAL unnest(f.absent) AS a
  UNION ALL
  SELECT f.period, f.visit_type, f.sor_code, m, '', ${sign} FROM ${from} CROSS JOIN LATERAL unnest(f.missing) AS m`;

/** The temporary table (dropped at commit) the facts an incremental refresh removes (−1) and writes (+1) go into. */
export async function createVisitChanges(client: pg.ClientBase): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS visit_change`);
  await client.query(
    `CREATE TEMP TABLE visit_change (sign int NOT NULL, period text NOT NULL, visit_type text NOT NULL, sor_code text NOT NULL,
       face_to_face boolean NOT NULL, start timestamptz NOT NULL, reported_at timestamptz NOT NULL, missing text[], absent text[]) ON COMMIT DROP`,
  );
}

/** The columns of completeness_visit that visit_change keeps, for an INSERT INTO visit_change SELECT. */
export const VISIT_CHANGE_COLUMNS = "period, visit_type, sor_code, face_to_face, start, reported_at, missing, absent";

/** Builds both tables from all visit facts (full refresh; or the first refresh of a database from before them). */
export async function rebuildVisitGroups(client: pg.ClientBase): Promise<void> {
  await client.query(`DELETE FROM completeness_visit_group`);
  await client.query(`DELETE FROM completeness_item_group`);
  await client.query(
    `INSERT INTO completeness_visit_group (period, visit_type, sor_code, visits, timely, face_to_face, delays)
     SELECT f.period, f.visit_type, f.sor_code, count(*), count(*) FILTER (WHERE ${TIMELY}), count(*) FILTER (WHERE f.face_to_face),
            string_agg(float8send(${DELAY_MS}), ''::bytea)
     FROM completeness_visit f GROUP BY 1, 2, 3`,
  );
  // only the facts lacking something (completeness_visit_lacking_idx): 9 % of them
  const lackingFacts = `(SELECT * FROM completeness_visit WHERE absent <> '{}' OR missing <> '{}') f`;
  await client.query(
    `INSERT INTO completeness_item_group (period, visit_type, sor_code, item, reason, n)
     SELECT period, visit_type, sor_code, item, reason, count(*) FROM (${lacking(lackingFacts, "1")}) x GROUP BY 1, 2, 3, 4, 5`,
  );
}

const inconsistent = () => new Error("Datakomplethed: de summerede besøg passer ikke med besøgsfakta – kør en fuld genberegning (ldbu refresh --all).");

/**
 * A group's delays after some visits left it and others came: one occurrence of each removed value taken out (the
 * same fact gives the same delay), the added appended. All three are float8send bytes (8 big-endian per value).
 */
export function withDelayChanges(current: Buffer, removed: Buffer | null, added: Buffer | null): Buffer {
  const take = new Map<number, number>();
  for (let i = 0; removed && i < removed.length; i += 8) {
    const d = removed.readDoubleBE(i);
    take.set(d, (take.get(d) ?? 0) + 1);
  }
  if ((removed?.length ?? 0) > current.length) throw inconsistent();
  const kept = Buffer.allocUnsafe(current.length - (removed?.length ?? 0) + (added?.length ?? 0));
  let n = 0;
  let left = removed?.length ?? 0;
  for (let i = 0; i < current.length; i += 8) {
    if (left > 0) {
      const d = current.readDoubleBE(i);
      const t = take.get(d);
      if (t) {
        take.set(d, t - 1);
        left -= 8;
        continue;
      }
    }
    if (n + 8 > kept.length - (added?.length ?? 0)) throw inconsistent();
    current.copy(kept, n, i, i + 8);
    n += 8;
  }
  if (left > 0) throw inconsistent(); // a removed delay that was not there
  if (added) added.copy(kept, n);
  return kept;
}

/** Changes both tables by the facts in visit_change (incremental refresh; call in the facts' transaction). */
export async function applyVisitChanges(client: pg.ClientBase): Promise<void> {
  const built = (await client.query(`SELECT EXISTS (SELECT 1 FROM completeness_visit_group) AS built`)).rows[0].built as boolean;
  if (!built) return rebuildVisitGroups(client);
  // each changed group as stored (none: a new one) with the signed sums of its changes; its new state worked out here,
  // checked (no count below zero, a delay per visit) and written once
  type Changed = { period: string; visit_type: string; sor_code: string; visits: number; timely: number; f2f: number; delays: Buffer | null; removed: Buffer | null; added: Buffer | null };
  const { rows } = await client.query<Changed>(
    `SELECT c.period, c.visit_type, c.sor_code, COALESCE(g.visits, 0) + c.visits AS visits, COALESCE(g.timely, 0) + c.timely AS timely,
            COALESCE(g.face_to_face, 0) + c.f2f AS f2f, g.delays, c.removed, c.added
     FROM (SELECT f.period, f.visit_type, f.sor_code, sum(f.sign)::int AS visits, COALESCE(sum(f.sign) FILTER (WHERE ${TIMELY}), 0)::int AS timely,
                  COALESCE(sum(f.sign) FILTER (WHERE f.face_to_face), 0)::int AS f2f,
                  string_agg(float8send(${DELAY_MS}), ''::bytea) FILTER (WHERE f.sign < 0) AS removed,
                  string_agg(float8send(${DELAY_MS}), ''::bytea) FILTER (WHERE f.sign > 0) AS added
           FROM visit_change f GROUP BY 1, 2, 3) c
     LEFT JOIN completeness_visit_group g USING (period, visit_type, sor_code)`,
  );
  const next = rows.map((r) => ({ ...r, delays: withDelayChanges(r.delays ?? Buffer.alloc(0), r.removed, r.added) }));
  if (next.some((r) => r.visits < 0 || r.timely < 0 || r.f2f < 0 || r.delays.length !== 8 * r.visits)) throw inconsistent();
  const col = <K extends keyof (typeof next)[number]>(k: K) => next.map((r) => r[k]);
  await client.query(
    `WITH u AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::bytea[])
                AS u(period, visit_type, sor_code, visits, timely, face_to_face, delays)),
     -- groups left empty disappear, as from a rebuild
     gone AS (DELETE FROM completeness_visit_group g USING u
              WHERE u.visits = 0 AND (g.period, g.visit_type, g.sor_code) = (u.period, u.visit_type, u.sor_code))
     INSERT INTO completeness_visit_group AS g SELECT * FROM u WHERE u.visits > 0
     ON CONFLICT (period, visit_type, sor_code) DO UPDATE
     SET visits = EXCLUDED.visits, timely = EXCLUDED.timely, face_to_face = EXCLUDED.face_to_face, delays = EXCLUDED.delays`,
    [col("period"), col("visit_type"), col("sor_code"), col("visits"), col("timely"), col("f2f"), col("delays")],
  );
  const items = await client.query<{ n: number }>(
    `INSERT INTO completeness_item_group AS g (period, visit_type, sor_code, item, reason, n)
     SELECT period, visit_type, sor_code, item, reason, sum(sign) FROM (${lacking("visit_change f", "f.sign")}) x
     GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0
     ON CONFLICT (period, visit_type, sor_code, item, reason) DO UPDATE SET n = g.n + EXCLUDED.n
     RETURNING n`,
  );
  if (items.rows.some((r) => r.n < 0)) throw inconsistent();
  await client.query(
    `DELETE FROM completeness_item_group g USING (SELECT DISTINCT period, visit_type, sor_code FROM visit_change) c
     WHERE (g.period, g.visit_type, g.sor_code) = (c.period, c.visit_type, c.sor_code) AND g.n = 0`,
  );
}
