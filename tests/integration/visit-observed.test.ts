/**
 * visit_observed (lib/ingest/visit-observed.ts): per visit, which mandatory items its own observations sent at all
 * and with a value, kept by the ingest. Worked by hand on small reports through the real ingest — new visits, a
 * correction that moves an observation to another visit, a retraction, an older version arriving late, two batches
 * adding to one visit at the same time — and compared with a recomputation from every stored observation. And the
 * database's item definition (completeness_item_bit, made by a migration) against lib/completeness/items.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ITEMS } from "@/lib/completeness/items";
import { pool } from "@/lib/db/client";
import { storeReports } from "@/lib/ingest/store";
import { prepareSubmission } from "@/lib/ingest/submission";
import { useAppDatabase } from "./helpers/app-db";
import { citizen, encounter, indicatorObs, report, weight, SOR_AARHUS, VALUE, VISIT } from "./helpers/reports";

let db: Awaited<ReturnType<typeof useAppDatabase>>;
beforeAll(async () => void (db = await useAppDatabase()));
afterAll(async () => db.close());

const bit = (key: string) => 1n << BigInt(ITEMS.findIndex((i) => i.key === key));
const bits = (...keys: string[]) => keys.reduce((m, k) => m | bit(k), 0n);

const CHILD = { id: "c1", cpr: "0102234121" };
const AT = "2023-03-01T10:00:00+01:00";
const ENC = "https://test.fhir.dk/Encounter/";
const visit = (id: string) => encounter(id, "c1", VISIT.toMaaneder, AT);
const sleep = (id: string, enc: string, value: string | null, status = "final") =>
  indicatorObs(id, "klgateway-children-sleep", "73f981f8-455a-4158-b435-7c6d83ab84da", "c1", AT, value, enc, status);
const communication = (id: string, enc: string) =>
  indicatorObs(id, "klgateway-children-communication", "653c2b0b-bb64-4906-888b-aea6fef3c3f8", "c1", AT, "042d522d-0abe-46eb-a958-6e235b5d5408", enc);
const motor = (id: string, enc: string, value: string | null) =>
  indicatorObs(id, "klgateway-children-motor-function", "e04f2ca1-888a-4671-a97a-371b525cd2a3", "c1", AT, value, enc);

async function send(id: string, timestamp: string, resources: Record<string, unknown>[]) {
  const [r] = await storeReports(pool(), prepareSubmission(JSON.stringify(report(id, timestamp, resources as never)), { channel: "cli" }).reports);
  expect(r.issues.filter((i) => i.severity === "error"), id).toEqual([]);
  expect(r.outcome, id).toBe("accepted");
}

async function observed(): Promise<Record<string, [seen: bigint, valued: bigint]>> {
  const { rows } = await pool().query(`SELECT encounter_id, seen::text, valued::text FROM visit_observed ORDER BY 1`);
  return Object.fromEntries(rows.map((r) => [r.encounter_id, [BigInt(r.seen), BigInt(r.valued)]]));
}

/** visit_observed as worked out from all stored observations now (what the migration filled it with). */
async function recomputed(): Promise<Record<string, [bigint, bigint]>> {
  const { rows } = await pool().query(
    `SELECT encounter_id, bit_or(b)::text AS seen, COALESCE(bit_or(b) FILTER (WHERE has_value), 0)::text AS valued
     FROM (SELECT encounter_id, completeness_item_bit(kind, code) AS b, (value_code IS NOT NULL OR value_quantity IS NOT NULL) AS has_value
           FROM observation WHERE encounter_id IS NOT NULL AND status <> 'entered-in-error') o
     WHERE b IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.encounter_id, [BigInt(r.seen), BigInt(r.valued)]]));
}

describe("completeness_item_bit", () => {
  it("gives every matcher of ITEMS its item's bit, and nothing else a bit", async () => {
    const q = async (kind: string, code: string) =>
      (await pool().query(`SELECT completeness_item_bit($1::observation_kind, $2)::text AS b`, [kind, code])).rows[0].b as string | null;
    for (const [i, item] of ITEMS.entries())
      for (const m of item.match) expect(await q(m.kind, m.code ?? "any-code"), `${item.key} ${m.kind} ${m.code}`).toBe(String(1n << BigInt(i)));
    const coded = new Set(ITEMS.flatMap((i) => i.match.filter((m) => m.code !== null).map((m) => m.kind)));
    for (const kind of coded) expect(await q(kind, "an-unknown-code"), kind).toBeNull();
    // the stored kinds that are no mandatory item at all
    const kinds = (await pool().query(`SELECT unnest(enum_range(NULL::observation_kind))::text AS k`)).rows.map((r) => r.k as string);
    for (const kind of kinds.filter((k) => !ITEMS.some((i) => i.match.some((m) => m.kind === k)))) expect(await q(kind, "any-code"), kind).toBeNull();
  });
});

describe("visit_observed kept by the ingest", () => {
  it("follows new visits, a moved observation, a retraction and a late older version", async () => {
    // e1: sleep with a value, motor without (data-absent reason), a weight referencing it; e2: communication
    await send("r1", "2023-03-01T12:00:00+01:00", [
      citizen(CHILD, SOR_AARHUS), visit("e1"), visit("e2"),
      sleep("o-sleep", "e1", "b07eec60-941d-484d-8c2a-aeaa2ba798bf"), motor("o-motor", "e1", null),
      { ...weight("o-weight", "c1", AT, 5100), encounter: { reference: `${ENC}e1` } }, communication("o-comm", "e2"),
    ]);
    expect(await observed()).toEqual({
      e1: [bits("sleep", "motor", "weight"), bits("sleep", "weight")],
      e2: [bit("communication"), bit("communication")],
    });

    // later: the communication observation is corrected to belong to e1, and the sleep observation is retracted;
    // e2 is left with no item, so it has no row
    await send("r2", "2023-03-02T12:00:00+01:00", [
      citizen(CHILD, SOR_AARHUS), visit("e1"), communication("o-comm", "e1"),
      sleep("o-sleep", "e1", "b07eec60-941d-484d-8c2a-aeaa2ba798bf", "entered-in-error"),
    ]);
    expect(await observed()).toEqual({ e1: [bits("motor", "weight", "communication"), bits("weight", "communication")] });

    // an older version of the motor observation (with a value, on e2) arrives late: the stored version stays
    await send("r0", "2023-03-01T11:00:00+01:00", [citizen(CHILD, SOR_AARHUS), visit("e2"), motor("o-motor", "e2", VALUE.motorNormal)]);
    expect(await observed()).toEqual({ e1: [bits("motor", "weight", "communication"), bits("weight", "communication")] });
    expect(await observed()).toEqual(await recomputed());
  });

  it("keeps both of two batches that add to one visit at the same time", async () => {
    await send("r3", "2023-03-03T12:00:00+01:00", [citizen(CHILD, SOR_AARHUS), visit("e3")]);
    await Promise.all([
      send("r-a", "2023-03-04T12:00:00+01:00", [citizen(CHILD, SOR_AARHUS), visit("e3"), sleep("o-a", "e3", null)]),
      send("r-b", "2023-03-04T12:00:00+01:00", [citizen(CHILD, SOR_AARHUS), visit("e3"), communication("o-b", "e3")]),
    ]);
    expect((await observed()).e3).toEqual([bits("sleep", "communication"), bit("communication")]);
    expect(await observed()).toEqual(await recomputed());
  });
});
