/**
 * Visit-level completeness facts: one row in `completeness_visit` per finished standard visit (encounter), with its
 * period, custodian, when it was reported, and which of its mandatory observations are missing or were sent without
 * a value. The aggregates (./aggregate.ts) are summed from these rows and the Fejlliste lists them.
 *
 * Rules (shown on the Datakomplethed page, see ./definitions.ts):
 * - A visit is an Encounter of one of the ten standard visit types with status `finished`; retracted encounters
 *   (entered-in-error) and encounters of wholly retracted citizens count nowhere.
 * - Mandatory observations (./items.ts) are checked for face-to-face visits only (class HH or AMB), as the guide's
 *   rules do. An observation belongs to the visit when it references the encounter, or when it references no
 *   encounter and is dated the same (Danish) day and is about the visit's subject or a parent of the child (parent
 *   observations carry no encounter reference, profiles.md). Retracted observations count nowhere.
 * - Per observation: "value" when at least one such observation has a value; else "absent" (sent with a
 *   data-absent reason, the latest reason is kept); else "missing" — whether the receiver rejected such reports
 *   (enforced rules: then it was sent in another report) or only warned (intended rules: motor function,
 *   parent relationship at 8–11 months).
 * - Reported at: the earlier of when LDBU first received the encounter and the report's own timestamp
 *   (Bundle.timestamp), so data loaded in bulk after the fact are timed by when they were reported.
 * - Period: the child's birth cohort for infant visits (for the pregnancy visit, whose subject is the parent: the
 *   birth year of the parent's child born 0–300 days after the visit, else the year of the visit); the school year
 *   of the visit date for school examinations.
 */
import type pg from "pg";
import { VISIT } from "@/lib/indicators/codes";
import { FACE_TO_FACE_CLASSES, ITEMS, STANDARD_VISIT_CODES, VISITS, VISIT_ITEMS } from "./items";
import { schoolYearSql } from "./periods";

const local = (ts: string) => `(${ts} AT TIME ZONE 'Europe/Copenhagen')::date`;

const SCHOOL_VISITS = VISITS.filter((v) => v.programme === "school").map((v) => v.code);

/**
 * Not a wholly retracted citizen: some active record, or none at all (register-only). For all citizens PostgreSQL
 * hashes citizen_record once; for the few of an incremental refresh a lookup per citizen (index) is far cheaper.
 */
const NOT_RETRACTED = {
  all: `(EXISTS (SELECT 1 FROM citizen_record r WHERE r.citizen_id = e.citizen_id AND r.active)
         OR NOT EXISTS (SELECT 1 FROM citizen_record r WHERE r.citizen_id = e.citizen_id))`,
  some: `COALESCE((SELECT bool_or(r.active) FROM citizen_record r WHERE r.citizen_id = e.citizen_id), true)`,
};

/** The SELECT producing fact rows for the encounters of the given citizens (all when $2 is null). */
const factsSelect = (some: boolean) => `
  WITH enc AS (
    SELECT e.resource_id, e.citizen_id, e.type_code, e.start, e.sor_code, e.receipt_id,
           e.class_code = ANY($8::text[]) AS f2f,
           LEAST(e.first_received_at, e.report_timestamp) AS reported_at,
           ${local("e.start")} AS on_date, c.birth_date
    FROM encounter e JOIN citizen c ON c.id = e.citizen_id
    WHERE e.status = 'finished' AND e.type_code = ANY($1::text[])
      AND ($2::bigint[] IS NULL OR e.citizen_id = ANY($2::bigint[]))
      AND ${some ? NOT_RETRACTED.some : NOT_RETRACTED.all}
  ),
  -- each mandatory observation is a bit ($11: the items, bit i = the (i+1)th), each visit type a mask of its items
  visit_masks AS (SELECT * FROM unnest($3::text[], $4::bigint[]) AS t(visit_type, mask)),
  matchers AS (SELECT * FROM unnest($5::int[], $6::text[], $7::text[]) AS t(bit, kind, code)),
  linked AS (
    SELECT x.resource_id AS enc_id, o.kind::text AS kind, o.code, o.value_code, o.value_quantity, o.data_absent_reason, o.effective_start
    FROM enc x JOIN observation o ON o.encounter_id = x.resource_id
    WHERE x.f2f AND o.status <> 'entered-in-error'
    UNION ALL
    -- observations without an encounter, of the visit's day, by the visit's subject or a parent of the child: one
    -- join of those few observations with both kinds of owner (two joins read them twice)
    SELECT w.resource_id, o.kind::text, o.code, o.value_code, o.value_quantity, o.data_absent_reason, o.effective_start
    FROM (
      SELECT x.resource_id, x.citizen_id AS owner, x.on_date FROM enc x WHERE x.f2f
      UNION ALL
      SELECT x.resource_id, pl.parent_id, x.on_date FROM enc x
      JOIN parent_link pl ON pl.child_id = x.citizen_id AND pl.active AND pl.parent_id IS NOT NULL
      WHERE x.f2f
    ) w
    JOIN observation o ON o.citizen_id = w.owner AND o.encounter_id IS NULL AND ${local("o.effective_start")} = w.on_date
    WHERE o.status <> 'entered-in-error'
  ),
  matched AS (
    SELECT l.enc_id, 1::bigint << m.bit AS b, l.value_code IS NOT NULL OR l.value_quantity IS NOT NULL AS has_value, l.data_absent_reason, l.effective_start
    FROM linked l
    -- measurements are matched by kind whatever code they carry; the rest by kind and code (one hashable key)
    JOIN matchers m ON m.kind = l.kind AND COALESCE(m.code, '') = CASE WHEN l.kind IN ('weight', 'height', 'head_circumference') THEN '' ELSE l.code END
  ),
  -- per visit (one aggregate row, not one per observation): which items were sent at all, which with a value
  sent AS (
    SELECT enc_id, bit_or(b) AS seen, COALESCE(bit_or(b) FILTER (WHERE has_value), 0) AS valued FROM matched GROUP BY enc_id
  ),
  -- the latest data-absent reason per visit and item, among the few observations that carry one
  reasons AS (
    SELECT DISTINCT ON (enc_id, b) enc_id, b, data_absent_reason AS reason
    FROM matched WHERE data_absent_reason IS NOT NULL
    ORDER BY enc_id, b, effective_start DESC, data_absent_reason DESC
  ),
  -- items sent only without a value: "item:reason", for the visits that have any
  absent AS (
    SELECT a.enc_id, array_agg(i.item || ':' || COALESCE(NULLIF(r.reason, ''), 'unknown') ORDER BY i.item || ':' || COALESCE(NULLIF(r.reason, ''), 'unknown')) AS items
    FROM (SELECT x.resource_id AS enc_id, v.mask & p.seen & ~p.valued AS bits
          FROM enc x JOIN visit_masks v ON v.visit_type = x.type_code JOIN sent p ON p.enc_id = x.resource_id
          WHERE x.f2f AND v.mask & p.seen & ~p.valued <> 0) a
    JOIN unnest($11::text[]) WITH ORDINALITY AS i(item, n) ON a.bits & (1::bigint << (i.n - 1)::int) <> 0
    LEFT JOIN reasons r ON r.enc_id = a.enc_id AND r.b = 1::bigint << (i.n - 1)::int
    GROUP BY a.enc_id
  )
  SELECT x.resource_id, x.citizen_id,
    CASE
      WHEN x.type_code = ANY($9::text[]) THEN ${schoolYearSql("x.on_date")}
      WHEN x.type_code = $10 THEN COALESCE(
        (SELECT extract(year FROM min(ch.birth_date))::int FROM parent_link pl JOIN citizen ch ON ch.id = pl.child_id
         WHERE pl.parent_id = x.citizen_id AND pl.active AND ch.birth_date BETWEEN x.on_date AND x.on_date + 300),
        extract(year FROM x.on_date)::int)::text
      ELSE extract(year FROM x.birth_date)::int::text
    END AS period,
    x.type_code, x.f2f, x.sor_code, x.receipt_id, x.start, x.reported_at,
    -- checked for face-to-face visits only: the type's mandatory observations not sent at all
    CASE WHEN NOT x.f2f OR v.mask & ~COALESCE(p.seen, 0) = 0 THEN '{}'::text[]
         ELSE ARRAY(SELECT i.item FROM unnest($11::text[]) WITH ORDINALITY AS i(item, n) WHERE v.mask & ~COALESCE(p.seen, 0) & (1::bigint << (i.n - 1)::int) <> 0 ORDER BY 1)
    END AS missing,
    COALESCE(a.items, '{}') AS absent
  FROM enc x LEFT JOIN visit_masks v ON v.visit_type = x.type_code LEFT JOIN sent p ON p.enc_id = x.resource_id LEFT JOIN absent a ON a.enc_id = x.resource_id`;

function parameters(citizenIds: readonly string[] | null): unknown[] {
  const bit = new Map(ITEMS.map((item, i) => [item.key, i]));
  if (ITEMS.length > 62) throw new Error("Datakomplethed: højst 62 obligatoriske observationer (én bit hver).");
  const visits = [...VISIT_ITEMS.keys()];
  const mask = (visit: string) => VISIT_ITEMS.get(visit)!.reduce((m, i) => m | (1n << BigInt(bit.get(i.item)!)), 0n).toString();
  const matchers = ITEMS.flatMap((i) => i.match.map((m) => [bit.get(i.key)!, m.kind, m.code] as const));
  return [
    STANDARD_VISIT_CODES, citizenIds,
    visits, visits.map(mask),
    matchers.map((m) => m[0]), matchers.map((m) => m[1]), matchers.map((m) => m[2]),
    FACE_TO_FACE_CLASSES, SCHOOL_VISITS, VISIT.graviditet, ITEMS.map((i) => i.key),
  ];
}

/**
 * Replaces the visit facts of the given citizens' encounters (all facts when `citizenIds` is null) and returns the
 * periods whose aggregates changed: those of the facts removed and of the facts written.
 */
export async function computeVisitFacts(client: pg.ClientBase, citizenIds: readonly string[] | null): Promise<Set<string>> {
  const periods = new Set<string>();
  // sorts and hashes over all visits of a full refresh stay in memory (call inside a transaction)
  await client.query(`SET LOCAL work_mem = '128MB'`);
  if (citizenIds === null) {
    for (const r of (await client.query<{ period: string }>(`SELECT DISTINCT period FROM completeness_visit`)).rows) periods.add(r.period);
    await client.query(`DELETE FROM completeness_visit`);
  } else {
    if (citizenIds.length === 0) return periods;
    const removed = await client.query<{ period: string }>(
      `WITH d AS (DELETE FROM completeness_visit WHERE citizen_id = ANY($1::bigint[]) RETURNING period) SELECT DISTINCT period FROM d`,
      [citizenIds],
    );
    for (const r of removed.rows) periods.add(r.period);
  }
  // all facts are written in period order, so each period's aggregates read its own stretch of the table (written
  // by citizen, a period's rows were spread over most of the table's pages)
  const written = await client.query<{ period: string }>(
    `WITH w AS (
       INSERT INTO completeness_visit (encounter_id, citizen_id, period, visit_type, face_to_face, sor_code, receipt_id, start, reported_at, missing, absent)
       ${factsSelect(citizenIds !== null)}
       ${citizenIds === null ? "ORDER BY period" : ""}
       RETURNING period
     ) SELECT DISTINCT period FROM w`,
    parameters(citizenIds),
  );
  for (const r of written.rows) periods.add(r.period);
  return periods;
}
