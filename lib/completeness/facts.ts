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
import { rebuildTable } from "@/lib/db/rebuild";
import { notWhollyRetracted } from "@/lib/ingest/retraction";
import { VISIT } from "@/lib/indicators/codes";
import { FACE_TO_FACE_CLASSES, HAS_VALUE_SQL, ITEM_BIT_SQL, ITEMS, STANDARD_VISIT_CODES, VISITS, VISIT_ITEMS } from "./items";
import { schoolYearSql } from "./periods";
import { applyVisitChanges, createVisitChanges, rebuildVisitGroups, VISIT_CHANGE_COLUMNS } from "./visit-groups";

const local = (ts: string) => `(${ts} AT TIME ZONE 'Europe/Copenhagen')::date`;

const SCHOOL_VISITS = VISITS.filter((v) => v.programme === "school").map((v) => v.code);

/**
 * The SELECT producing fact rows for the encounters of the given citizens (all when $2 is null). Which items a visit's
 * own observations (those referencing it) sent is kept per encounter by the ingest (visit_observed,
 * lib/ingest/visit-observed.ts); the observations without an encounter are matched here. Data-absent reasons are read
 * only for the visits with an item sent without a value.
 */
const factsSelect = (some: boolean) => `
  WITH enc AS (
    SELECT e.resource_id, e.citizen_id, e.type_code, e.start, e.sor_code, e.receipt_id,
           e.class_code = ANY($5::text[]) AS f2f,
           LEAST(e.first_received_at, e.report_timestamp) AS reported_at,
           ${local("e.start")} AS on_date, c.birth_date
    FROM encounter e JOIN citizen c ON c.id = e.citizen_id
    WHERE e.status = 'finished' AND e.type_code = ANY($1::text[])
      AND ($2::bigint[] IS NULL OR e.citizen_id = ANY($2::bigint[]))
      AND ${notWhollyRetracted("e.citizen_id")}
  ),
  -- each visit type's mandatory observations as a mask of item bits
  visit_masks AS (SELECT * FROM unnest($3::text[], $4::bigint[]) AS t(visit_type, mask)),
  -- observations without an encounter (1.4 M nationally), each keyed by the subjects whose visits of its day it counts
  -- for: its owner, and the owner's children (parent observations carry no encounter reference); summed per subject
  -- and day. Keying the few observations costs less than listing every visit with each of its owners (4.4 M rows)
  dayless_obs AS (
    SELECT o.citizen_id, ${local("o.effective_start")} AS on_date, ${ITEM_BIT_SQL} AS b, ${HAS_VALUE_SQL} AS has_value,
           o.data_absent_reason AS reason, o.effective_start
    FROM ${some ? `(SELECT x.citizen_id AS owner FROM enc x WHERE x.f2f
                    UNION SELECT pl.parent_id FROM enc x JOIN parent_link pl ON pl.child_id = x.citizen_id AND pl.active WHERE x.f2f) w
                   JOIN observation o ON o.citizen_id = w.owner` : "observation o"}
    WHERE o.encounter_id IS NULL AND o.status <> 'entered-in-error' AND ${ITEM_BIT_SQL} IS NOT NULL
  ),
  dayless AS (
    SELECT k.subject, k.on_date, bit_or(k.b) AS seen, COALESCE(bit_or(k.b) FILTER (WHERE k.has_value), 0) AS valued,
           -- the data-absent reasons among the day's observations (few), for the items sent only without a value below
           jsonb_agg(jsonb_build_array(k.b, k.effective_start, k.reason)) FILTER (WHERE k.reason IS NOT NULL) AS reasons
    FROM (
      SELECT d.citizen_id AS subject, d.on_date, d.b, d.has_value, d.reason, d.effective_start FROM dayless_obs d
      UNION ALL
      SELECT pl.child_id, d.on_date, d.b, d.has_value, d.reason, d.effective_start FROM dayless_obs d
      JOIN parent_link pl ON pl.parent_id = d.citizen_id AND pl.active
    ) k
    GROUP BY k.subject, k.on_date
  ),
  visits AS (
    SELECT x.*, COALESCE(v.mask, 0) AS mask,
           COALESCE(ow.seen, 0) | COALESCE(dl.seen, 0) AS seen, COALESCE(ow.valued, 0) | COALESCE(dl.valued, 0) AS valued,
           dl.reasons AS dayless_reasons
    FROM enc x
    LEFT JOIN visit_masks v ON v.visit_type = x.type_code
    LEFT JOIN visit_observed ow ON x.f2f AND ow.encounter_id = x.resource_id
    LEFT JOIN dayless dl ON x.f2f AND dl.subject = x.citizen_id AND dl.on_date = x.on_date
  )
  SELECT x.resource_id, x.citizen_id,
    CASE
      WHEN x.type_code = ANY($6::text[]) THEN ${schoolYearSql("x.on_date")}
      WHEN x.type_code = $7 THEN COALESCE(
        (SELECT extract(year FROM min(ch.birth_date))::int FROM parent_link pl JOIN citizen ch ON ch.id = pl.child_id
         WHERE pl.parent_id = x.citizen_id AND pl.active AND ch.birth_date BETWEEN x.on_date AND x.on_date + 300),
        extract(year FROM x.on_date)::int)::text
      ELSE extract(year FROM x.birth_date)::int::text
    END AS period,
    x.type_code, x.f2f, x.sor_code, x.receipt_id, x.start, x.reported_at,
    -- checked for face-to-face visits only: the type's mandatory observations not sent at all
    CASE WHEN NOT x.f2f OR x.mask & ~x.seen = 0 THEN '{}'::text[]
         ELSE ARRAY(SELECT i.item FROM unnest($8::text[]) WITH ORDINALITY AS i(item, n) WHERE x.mask & ~x.seen & (1::bigint << (i.n - 1)::int) <> 0 ORDER BY 1)
    END AS missing,
    -- "item:reason" per mandatory item sent only without a value, with the latest data-absent reason (of the visit's
    -- own observations, from observation_absent_reason_idx, and of the day's); worked out only for those few visits,
    -- so the visits are read once
    CASE WHEN NOT x.f2f OR x.mask & x.seen & ~x.valued = 0 THEN '{}'::text[]
         ELSE ARRAY(
           SELECT i.item || ':' || COALESCE(NULLIF((
             SELECT r.reason FROM (
               SELECT o.effective_start, o.data_absent_reason AS reason FROM observation o
               WHERE o.encounter_id = x.resource_id AND o.status <> 'entered-in-error' AND o.data_absent_reason IS NOT NULL
                 AND ${ITEM_BIT_SQL} = 1::bigint << (i.n - 1)::int
               UNION ALL
               SELECT (d->>1)::timestamptz, d->>2 FROM jsonb_array_elements(x.dayless_reasons) d
               WHERE (d->>0)::bigint = 1::bigint << (i.n - 1)::int
             ) r ORDER BY r.effective_start DESC, r.reason DESC LIMIT 1), ''), 'unknown')
           FROM unnest($8::text[]) WITH ORDINALITY AS i(item, n)
           WHERE x.mask & x.seen & ~x.valued & (1::bigint << (i.n - 1)::int) <> 0 ORDER BY 1)
    END AS absent
  FROM visits x`;

function parameters(citizenIds: readonly string[] | null): unknown[] {
  const bit = new Map(ITEMS.map((item, i) => [item.key, i]));
  if (ITEMS.length > 62) throw new Error("Datakomplethed: højst 62 obligatoriske observationer (én bit hver).");
  const visits = [...VISIT_ITEMS.keys()];
  const mask = (visit: string) => VISIT_ITEMS.get(visit)!.reduce((m, i) => m | (1n << BigInt(bit.get(i.item)!)), 0n).toString();
  return [
    STANDARD_VISIT_CODES, citizenIds,
    visits, visits.map(mask),
    FACE_TO_FACE_CLASSES, SCHOOL_VISITS, VISIT.graviditet, ITEMS.map((i) => i.key),
  ];
}

/**
 * Replaces the visit facts of the given citizens' encounters (all facts when `citizenIds` is null) and returns the
 * periods whose aggregates changed: those of the facts removed and of the facts written. The visit groups
 * (./visit-groups.ts) follow in the same transaction: rebuilt with all facts, else changed by the facts replaced.
 * Call inside a transaction.
 */
export async function computeVisitFacts(client: pg.ClientBase, citizenIds: readonly string[] | null): Promise<Set<string>> {
  const periods = new Set<string>();
  // hashes over all visits of a full refresh stay in memory (at national scale the observations' aggregate per
  // encounter holds 2.2 M groups, about 350 MB; 128 MB spilled it to disk)
  await client.query(`SET LOCAL work_mem = '${citizenIds === null ? 256 : 64}MB'`);
  const insert = (table: string) => `
    INSERT INTO ${table} (encounter_id, citizen_id, period, visit_type, face_to_face, sor_code, receipt_id, start, reported_at, missing, absent)
    ${factsSelect(citizenIds !== null)}`;
  if (citizenIds === null) {
    // the periods of the facts before and after, from the few visit groups (returning them kept all 2 M facts in a
    // temporary store); a full refresh recomputes every period with results anyway (./refresh.ts)
    const groupPeriods = async () => {
      for (const r of (await client.query<{ period: string }>(`SELECT DISTINCT period FROM completeness_visit_group`)).rows) periods.add(r.period);
    };
    await groupPeriods();
    // in the order they come (sorting 2 M facts by period spilled 330 MB to disk; the aggregates read the summed
    // visit groups, coverage a period's facts by completeness_visit_period_idx)
    await rebuildTable(client, "completeness_visit", async (table) => void (await client.query(insert(table), parameters(null))));
    await rebuildVisitGroups(client);
    await groupPeriods();
    return periods;
  }
  if (citizenIds.length === 0) return periods;
  await createVisitChanges(client);
  // the facts removed and written are recorded, by which the visit groups change
  const record = (rows: string, sign: number) => `, c AS (INSERT INTO visit_change SELECT ${sign}, ${VISIT_CHANGE_COLUMNS} FROM ${rows})`;
  const removed = await client.query<{ period: string }>(
    `WITH d AS (DELETE FROM completeness_visit WHERE citizen_id = ANY($1::bigint[]) RETURNING *)${record("d", -1)} SELECT DISTINCT period FROM d`,
    [citizenIds],
  );
  for (const r of removed.rows) periods.add(r.period);
  const written = await client.query<{ period: string }>(`WITH w AS (${insert("completeness_visit")} RETURNING *)${record("w", 1)} SELECT DISTINCT period FROM w`, parameters(citizenIds));
  for (const r of written.rows) periods.add(r.period);
  await applyVisitChanges(client);
  return periods;
}
