/**
 * Keeps `visit_observed` (prisma/schema.prisma VisitObserved): per encounter, which mandatory items its own
 * observations sent at all and with a value, recomputed for every encounter a batch's observations reference now or
 * referenced before, in the transaction that stores them. The refresh's visit facts read it instead of all
 * observations (prisma/migrations/20261129100000_visit_observed).
 *
 * An observation's earlier encounter is read only for a version that moves it to another encounter (lib/ingest/store.ts
 * stores those apart, after the rest; a new observation needs no read). Concurrent batches: that read comes after the
 * batch's upsert has locked the stored row, and each encounter is recomputed under an advisory lock taken after the
 * batch's writes, in sorted order — so the recomputation of a visit sees every committed observation of it, and the
 * batch that commits last writes it.
 */
import type pg from "pg";
import { HAS_VALUE_SQL, ITEM_BIT_SQL } from "@/lib/completeness/items";
import { LOCK_CLASS } from "@/lib/db/locks";

/** The encounters the stored versions of these observations reference (call with their rows locked, before they are replaced). */
export async function storedEncounters(client: pg.ClientBase, observationIds: readonly string[]): Promise<string[]> {
  if (observationIds.length === 0) return [];
  const { rows } = await client.query<{ encounter_id: string }>(
    `SELECT encounter_id FROM observation WHERE resource_id = ANY($1::text[]) AND encounter_id IS NOT NULL`,
    [observationIds],
  );
  return rows.map((r) => r.encounter_id);
}

/** Recomputes the observed items of these encounters from their stored observations (call after storing them). */
export async function updateVisitObserved(client: pg.ClientBase, encounterIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(encounterIds)];
  if (ids.length === 0) return;
  await client.query(
    `SELECT count(*) FROM (SELECT pg_advisory_xact_lock($1, k) FROM (SELECT DISTINCT hashtext(e) AS k FROM unnest($2::text[]) e) d ORDER BY k) l`,
    [LOCK_CLASS.visitObserved, ids],
  );
  await client.query(
    `WITH now AS (
       SELECT o.encounter_id, bit_or(o.b) AS seen, COALESCE(bit_or(o.b) FILTER (WHERE o.has_value), 0) AS valued
       FROM (SELECT o.encounter_id, ${ITEM_BIT_SQL} AS b, ${HAS_VALUE_SQL} AS has_value
             FROM observation o WHERE o.encounter_id = ANY($1::text[]) AND o.status <> 'entered-in-error') o
       WHERE o.b IS NOT NULL
       GROUP BY o.encounter_id
     ),
     -- visits left with no mandatory item
     gone AS (DELETE FROM visit_observed v WHERE v.encounter_id = ANY($1::text[]) AND v.encounter_id NOT IN (SELECT encounter_id FROM now))
     INSERT INTO visit_observed AS v (encounter_id, seen, valued) SELECT * FROM now ORDER BY encounter_id
     ON CONFLICT (encounter_id) DO UPDATE SET seen = EXCLUDED.seen, valued = EXCLUDED.valued
     WHERE (v.seen, v.valued) IS DISTINCT FROM (EXCLUDED.seen, EXCLUDED.valued)`,
    [ids],
  );
}
