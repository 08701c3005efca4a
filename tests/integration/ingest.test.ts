/**
 * Storage of delivery reports through the real path (prepare → validate → store) on a real
 * PostgreSQL: the guide's examples, rejection storing nothing, duplicates, corrections and
 * the documented version tie-break, and privacy (no CPR anywhere).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/client";
import { storeReports } from "@/lib/ingest/store";
import { prepareSubmission } from "@/lib/ingest/submission";
import { dataCounts, useAppDatabase } from "./helpers/app-db";

const EXAMPLES = "../shared/reference/fbu/examples";
const example = (f: string) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), "utf8"));
const expected: { bundles: { file: string; expected: string; event: string | null }[] } = example("expected-validity.json");

async function send(bundle: unknown) {
  const [r] = await storeReports(pool(), prepareSubmission(JSON.stringify(bundle), { channel: "cli" }).reports);
  return r;
}

let db: Awaited<ReturnType<typeof useAppDatabase>>;
beforeAll(async () => {
  db = await useAppDatabase();
  // The examples' custodian SOR code, mapped to a municipality as SundK would.
  await pool().query(`INSERT INTO organisation (sor_code, name, municipality_code, updated_at) VALUES ('123456789012345', 'Eksempelkommunens sundhedspleje', '751', now())`);
});
afterAll(async () => db.close());

describe("storing the guide's examples", () => {
  it("accepts exactly the valid ones; a rejected report stores nothing but its receipt", async () => {
    const ordered = [...expected.bundles].sort((a, b) => example(a.file).timestamp.localeCompare(example(b.file).timestamp));
    for (const b of ordered) {
      const before = await dataCounts();
      const r = await send(example(b.file));
      expect(r.outcome, b.file).toBe(b.expected === "valid" ? "accepted" : "rejected");
      if (r.outcome === "rejected") expect(await dataCounts()).toEqual(before);
    }
    const receipts = await pool().query(`SELECT outcome, count(*)::int AS n FROM receipt GROUP BY outcome ORDER BY outcome`);
    expect(receipts.rows).toEqual([{ outcome: "accepted", n: 8 }, { outcome: "rejected", n: 1 }]);
    const rejected = await pool().query(`SELECT error_count, issues FROM receipt WHERE outcome = 'rejected'`);
    expect(rejected.rows[0].error_count).toBeGreaterThan(0);
    expect(JSON.stringify(rejected.rows[0].issues)).toContain("gateway-children-report-parent-relationship");
  });

  it("derives birth date and sex from the CPR and never stores the CPR", async () => {
    const rikke = await pool().query(`SELECT c.birth_date::text, c.sex FROM citizen c JOIN citizen_record r ON r.citizen_id = c.id WHERE r.resource_id = 'Rikke' OR r.resource_id LIKE '%Rikke%' LIMIT 1`);
    expect(rikke.rows[0]).toEqual({ birth_date: "2020-05-05", sex: "female" });
    const cprs = new Set<string>();
    for (const b of expected.bundles)
      for (const e of example(b.file).entry) if (e.resource.resourceType === "Patient") cprs.add(e.resource.identifier[0].value);
    const tables = (await pool().query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)).rows.map((r) => r.table_name);
    for (const t of tables) {
      const dump = JSON.stringify((await pool().query(`SELECT * FROM "${t}"`)).rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
      for (const cpr of cprs) expect(dump.includes(cpr), `${t} contains a CPR`).toBe(false);
    }
  });

  it("links parents to children and stores weights in grams (kg normalised)", async () => {
    const links = await pool().query(`SELECT count(*)::int AS n FROM parent_link WHERE parent_id IS NOT NULL AND active`);
    expect(links.rows[0].n).toBeGreaterThan(0);
    const kg = await pool().query(`SELECT unit, value_quantity::float AS v FROM observation WHERE kind = 'weight' AND unit = 'kg'`);
    for (const r of kg.rows) expect(r.v).toBeGreaterThan(1000); // a school child's kg value stored as grams
    expect(kg.rows.length).toBeGreaterThan(0);
  });

  it("records the EPDS total and the item sum", async () => {
    const q = await pool().query(`SELECT total_score, item_sum FROM questionnaire_response WHERE instrument = 'epds'`);
    expect(q.rows.length).toBeGreaterThan(0);
    expect(q.rows[0].total_score).toBe(10);
  });
});

describe("resubmissions and corrections", () => {
  const base = () => example("RikkeDeliveryReport2months.json");
  const encounterStatus = async (id: string) => (await pool().query(`SELECT status FROM encounter WHERE resource_id = $1`, [id])).rows[0]?.status;

  it("an identical resubmission changes nothing", async () => {
    const before = await dataCounts();
    const r = await send(base());
    expect(r.outcome).toBe("duplicate");
    expect(await dataCounts()).toEqual(before);
  });

  it("a later entered-in-error retracts; an older version arriving afterwards cannot resurrect it", async () => {
    const retract = base();
    retract.timestamp = "2020-07-10T08:00:00Z";
    retract.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === "Encounter").resource.status = "entered-in-error";
    expect((await send(retract)).outcome).toBe("accepted");
    expect(await encounterStatus("2mthEncounter")).toBe("entered-in-error");

    const stale = base();
    stale.timestamp = "2020-07-09T08:00:00Z"; // newer than the original, older than the retraction
    stale.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === "Encounter").resource.period.end = "2020-07-07T13:30:00Z";
    expect((await send(stale)).outcome).toBe("accepted");
    expect(await encounterStatus("2mthEncounter")).toBe("entered-in-error");
  });

  it("on equal timestamps a retraction wins whatever the arrival order", async () => {
    const mk = (status: string, obsId: string) => {
      const b = base();
      b.timestamp = "2020-08-01T10:00:00Z";
      const enc = b.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === "Encounter").resource;
      enc.id = "tie-encounter";
      b.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === "Encounter").fullUrl = "https://test.fhir.dk/Encounter/tie-encounter";
      for (const e of b.entry) if (e.resource.encounter) e.resource.encounter.reference = "https://test.fhir.dk/Encounter/tie-encounter";
      enc.status = status;
      b.id = `tie-${status}-${obsId}`;
      return b;
    };
    expect((await send(mk("entered-in-error", "a"))).outcome).toBe("accepted");
    expect((await send(mk("finished", "b"))).outcome).toBe("accepted");
    expect(await encounterStatus("tie-encounter")).toBe("entered-in-error");
  });
});
