/**
 * SundK's SOR code → municipality mapping (lib/organisations) on a real PostgreSQL, with reports through the real
 * ingest: only SundK may change it; bad input is refused field by field and changes nothing; a change marks exactly
 * the citizens whose custodian rows or visits carry the code for the next refresh (which then places the children
 * anew), in the same transaction as the change and its audit entry; a mapping reports carry cannot be deleted; a
 * change waits for a running refresh transaction; the SOR codes reports carry without a mapping are listed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminRefused } from "@/lib/accounts/admin";
import { ANONYMOUS, type Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";
import { ensureDemoUsers } from "@/lib/demo/users";
import { REFRESH_LOCK, refreshIndicators } from "@/lib/indicators/refresh";
import { storeReports } from "@/lib/ingest/store";
import { prepareSubmission } from "@/lib/ingest/submission";
import { deleteOrganisation, saveOrganisation } from "@/lib/organisations/admin";
import { listOrganisations, listUnmappedSorCodes } from "@/lib/organisations/list";
import { useAppDatabase } from "./helpers/app-db";
import { citizen, encounter, report, SOR_AARHUS, VISIT } from "./helpers/reports";
import { demoViewers } from "./helpers/viewers";

const SOR_X = "11111111111"; // unmapped: children A and C, and E's visit
const SOR_Z = "22222222222222"; // unmapped: child D
const SOR_UNUSED = "33333333333"; // in no report

const VISIT_AT = "2024-10-21T09:00:00Z"; // day 280 of children born 15 January 2024: the 8–11-month visit (LDBU-07)
let serial = 0;
const child = (id: string) => ({ id, cpr: `150124${4}${String(++serial).padStart(2, "0")}${serial % 2 ? 1 : 2}` });
const [A, B, C, D, E] = ["o-a", "o-b", "o-c", "o-d", "o-e"].map(child);
const visit = (c: { id: string }) => encounter(`${c.id}-v`, c.id, VISIT.otteElleveMaaneder, VISIT_AT);

const REPORTS = [
  report("o1", "2024-11-01T10:00:00Z", [citizen(C, SOR_X), visit(C)]),
  report("o2", "2024-11-03T10:00:00Z", [citizen(A, SOR_X), visit(A)]),
  report("o3", "2024-11-04T10:00:00Z", [citizen(B, SOR_AARHUS), visit(B)]),
  report("o4", "2024-11-05T10:00:00Z", [citizen(C, SOR_AARHUS)]), // C's latest report: Aarhus
  report("o5", "2024-11-06T10:00:00Z", [citizen(D, SOR_Z), visit(D)]),
  report("o6", "2024-11-07T10:00:00Z", [citizen(E, SOR_AARHUS), visit(E)]),
];

let db: Awaited<ReturnType<typeof useAppDatabase>>;
let viewers: Record<string, Viewer> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await useAppDatabase();
  await pool().query(`INSERT INTO organisation (sor_code, name, municipality_code, updated_at) VALUES ($1, 'Sundhedsplejen, Aarhus', '751', now())`, [SOR_AARHUS]);
  const results = await storeReports(pool(), REPORTS.flatMap((r) => prepareSubmission(JSON.stringify(r), { channel: "cli" }).reports));
  expect(results.map((r) => r.outcome)).toEqual(REPORTS.map(() => "accepted"));
  // a visit carrying the code without a custodian row with it: the ingest never stores one today, the marking must not rely on that
  await pool().query(`UPDATE encounter SET sor_code = $1 WHERE resource_id = $2`, [SOR_X, `${E.id}-v`]);
  const { rows } = await pool().query<{ resource_id: string; citizen_id: string }>(`SELECT resource_id, citizen_id::text FROM citizen_record`);
  for (const r of rows) ids[r.resource_id] = r.citizen_id;
  await refreshIndicators(pool(), { all: true, quiet: true });
  await ensureDemoUsers();
  viewers = await demoViewers();
}, 600_000);
afterAll(async () => db?.close());

const marked = async () => (await pool().query<{ id: string }>(`SELECT citizen_id::text AS id FROM refresh_citizen ORDER BY 1`)).rows.map((r) => r.id);
const idsOf = (...cs: { id: string }[]) => cs.map((c) => ids[c.id]).sort();
const auditRows = async () => (await pool().query(`SELECT username, action, resource, municipality_code, details FROM audit_entry WHERE resource = 'organisation' ORDER BY id`)).rows;
const state = async () => ({
  organisations: (await pool().query(`SELECT * FROM organisation ORDER BY sor_code`)).rows,
  marked: await marked(),
  audit: await auditRows(),
});
/** The municipality each 2024 child counts for in LDBU-07 (null: the nation only). */
const placed = async () =>
  Object.fromEntries(
    (await pool().query<{ id: string; kommune: string | null }>(`SELECT citizen_id::text AS id, municipality_code AS kommune FROM indicator_fact WHERE indicator_id = 'LDBU-07' AND period = '2024'`)).rows.map((r) => [r.id, r.kommune]),
  );
/** Receipts reported in 2024 (rejected, all) by the municipality their SOR code places them in, and the nation's. */
const validity = async () =>
  Object.fromEntries(
    (await pool().query<{ code: string; numerator: number; denominator: number }>(
      `SELECT area_code AS code, numerator::int, denominator::int FROM completeness_result
       WHERE measure = 'validity' AND period = '2024' AND area_level IN ('municipality', 'nation')`,
    )).rows.map((r) => [r.code, [r.numerator, r.denominator]]),
  );

async function refused(p: Promise<unknown>): Promise<AdminRefused> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AdminRefused);
  return e as AdminRefused;
}

describe("SOR codes without a mapping", () => {
  it("are listed with their citizens (custodian rows and visits) and latest report, most used first; children count for the nation only", async () => {
    expect(await listUnmappedSorCodes()).toEqual([
      { sorCode: SOR_X, citizens: 3, lastReportAt: new Date("2024-11-07T10:00:00Z") },
      { sorCode: SOR_Z, citizens: 1, lastReportAt: new Date("2024-11-06T10:00:00Z") },
    ]);
    expect(await listOrganisations()).toMatchObject([{ sorCode: SOR_AARHUS, municipalityCode: "751", municipalityName: "Aarhus", regionName: "Region Midtjylland" }]);
    expect(await placed()).toEqual({ [ids[A.id]]: null, [ids[B.id]]: "751", [ids[C.id]]: "751", [ids[D.id]]: null, [ids[E.id]]: "751" });
    expect(await marked()).toEqual([]);
  });
});

describe("changing the mapping", () => {
  it("refuses everyone but SundK, and bad input field by field, changing nothing", async () => {
    const before = await state();
    const input = { sorCode: SOR_X, name: "Sundhedsplejen, Fanø", municipalityCode: "563" };
    for (const v of [ANONYMOUS, viewers.politiker, viewers.sundhedsplejerske, viewers.leder, { kind: "gateway", clientId: 1, name: "fk" } as Viewer]) {
      expect((await refused(saveOrganisation(v, input))).message).toBe("Du har ikke adgang til at ændre organisationer.");
      expect((await refused(deleteOrganisation(v, { sorCode: SOR_AARHUS }))).message).toBe("Du har ikke adgang til at ændre organisationer.");
    }
    const bad: [Record<string, unknown>, Record<string, string>][] = [
      [{ sorCode: "1234567890", name: "X", municipalityCode: "563" }, { sorCode: "SOR-koden skal bestå af mindst 11 cifre og intet andet." }],
      [{ sorCode: "1234567890A1", name: "X", municipalityCode: "563" }, { sorCode: "SOR-koden skal bestå af mindst 11 cifre og intet andet." }],
      [{ sorCode: SOR_X, name: "  ", municipalityCode: "" }, { name: "Skriv organisationens navn.", municipalityCode: "Vælg en kommune." }],
      [{ sorCode: SOR_X, name: "x".repeat(201), municipalityCode: "563'; --" }, { name: "Navnet må højst have 200 tegn.", municipalityCode: "Kommunen skal være en 3-cifret kommunekode." }],
      [{ sorCode: SOR_X, name: "X", municipalityCode: "999" }, { municipalityCode: "Kommunekoden 999 findes ikke." }],
    ];
    for (const [input, fields] of bad) {
      const e = await refused(saveOrganisation(viewers.sundk, input));
      expect(e.message).toBe("Tilknytningen er ikke gemt.");
      expect(e.fields).toEqual(fields);
    }
    expect((await refused(deleteOrganisation(viewers.sundk, { sorCode: "12" }))).fields).toEqual({ sorCode: "SOR-koden skal bestå af mindst 11 cifre og intet andet." });
    expect((await refused(deleteOrganisation(viewers.sundk, { sorCode: SOR_UNUSED }))).message).toBe(`SOR-koden ${SOR_UNUSED} er ikke knyttet til en kommune.`);
    expect(await state()).toEqual(before);
  });

  it("creates a mapping, marks exactly the citizens carrying the code and audits it; the next refresh places the child and the receipts", async () => {
    expect(await validity()).toEqual({ "751": [0, 3], DK: [0, 6] }); // o1, o2 (SOR_X) and o5 (SOR_Z): the nation only
    const r = await saveOrganisation(viewers.sundk, { sorCode: ` ${SOR_X} `, name: " Sundhedsplejen, Fanø ", municipalityCode: "563" });
    expect(r).toEqual({ sorCode: SOR_X, handling: "opret", name: "Sundhedsplejen, Fanø", municipalityCode: "563", municipalityName: "Fanø", marked: 3 });
    expect(await marked()).toEqual(idsOf(A, C, E));
    expect((await auditRows()).at(-1)).toEqual({
      username: "sundk", action: "admin", resource: "organisation", municipality_code: "563",
      details: { handling: "opret", sorKode: SOR_X, før: null, efter: { navn: "Sundhedsplejen, Fanø", kommune: "563" }, markeretTilGenberegning: 3 },
    });
    expect((await listUnmappedSorCodes()).map((u) => u.sorCode)).toEqual([SOR_Z]);
    expect((await listOrganisations({ kommune: "563" })).map((o) => [o.sorCode, o.name, o.regionName])).toEqual([[SOR_X, "Sundhedsplejen, Fanø", "Region Syddanmark"]]);
    expect((await listOrganisations({ soeg: "fanø" })).map((o) => o.sorCode)).toEqual([SOR_X]);
    expect((await listOrganisations({ soeg: "1111" })).map((o) => o.sorCode)).toEqual([SOR_X]);

    await refreshIndicators(pool(), { quiet: true });
    // A counts for Fanø now; C's latest report is Aarhus'; E's custodian is Aarhus (its visit's code places visits, not the child)
    expect(await placed()).toEqual({ [ids[A.id]]: "563", [ids[B.id]]: "751", [ids[C.id]]: "751", [ids[D.id]]: null, [ids[E.id]]: "751" });
    // no new receipts, yet o1 and o2 (sent under SOR_X) now count for Fanø
    expect(await validity()).toEqual({ "563": [0, 2], "751": [0, 3], DK: [0, 6] });
    expect(await marked()).toEqual([]);
  });

  it("a new name alone marks nobody; a new municipality marks the citizens again; an unchanged mapping writes nothing", async () => {
    const renamed = await saveOrganisation(viewers.sundk, { sorCode: SOR_X, name: "Sundhedsplejen i Fanø", municipalityCode: "563" });
    expect(renamed).toMatchObject({ handling: "ændr", marked: 0 });
    expect(await marked()).toEqual([]);
    expect((await auditRows()).at(-1)!.details).toEqual({
      handling: "ændr", sorKode: SOR_X, før: { navn: "Sundhedsplejen, Fanø", kommune: "563" }, efter: { navn: "Sundhedsplejen i Fanø", kommune: "563" }, markeretTilGenberegning: 0,
    });

    const moved = await saveOrganisation(viewers.sundk, { sorCode: SOR_X, name: "Sundhedsplejen i Fanø", municipalityCode: "751" });
    expect(moved).toMatchObject({ handling: "ændr", marked: 3, municipalityName: "Aarhus" });
    expect(await marked()).toEqual(idsOf(A, C, E));
    expect((await auditRows()).at(-1)).toMatchObject({ municipality_code: "751", details: { før: { kommune: "563" }, efter: { kommune: "751" }, markeretTilGenberegning: 3 } });

    const entries = (await auditRows()).length;
    expect(await saveOrganisation(viewers.sundk, { sorCode: SOR_X, name: "Sundhedsplejen i Fanø", municipalityCode: "751" })).toMatchObject({ handling: "uændret", marked: 0 });
    expect(await auditRows()).toHaveLength(entries);
    await refreshIndicators(pool(), { quiet: true });
    expect((await placed())[ids[A.id]]).toBe("751");
    expect(await validity()).toEqual({ "751": [0, 5], DK: [0, 6] });
  });

  it("refuses to delete a mapping reports carry; deletes an unused one, audited", async () => {
    const before = await state();
    const e = await refused(deleteOrganisation(viewers.sundk, { sorCode: SOR_X }));
    expect(e.message).toBe(`SOR-koden ${SOR_X} findes i indberetninger om 3 borgere og kan ikke slettes: børnene ville så kun tælle med på landsplan. Ret i stedet kommunen, hvis tilknytningen er forkert.`);
    expect(await state()).toEqual(before);

    expect(await saveOrganisation(viewers.sundk, { sorCode: SOR_UNUSED, name: "Ubrugt", municipalityCode: "101" })).toMatchObject({ handling: "opret", marked: 0 });
    expect(await deleteOrganisation(viewers.sundk, { sorCode: SOR_UNUSED })).toMatchObject({ handling: "slet", municipalityName: "København", marked: 0 });
    expect((await pool().query(`SELECT 1 FROM organisation WHERE sor_code = $1`, [SOR_UNUSED])).rowCount).toBe(0);
    expect((await auditRows()).at(-1)).toEqual({
      username: "sundk", action: "admin", resource: "organisation", municipality_code: "101",
      details: { handling: "slet", sorKode: SOR_UNUSED, før: { navn: "Ubrugt", kommune: "101" }, efter: null },
    });
    expect(await marked()).toEqual([]);
  });

  it("waits for a running refresh transaction (the refresh lock), then applies", async () => {
    const refresh = await pool().connect();
    try {
      await refresh.query("BEGIN");
      await refresh.query(`SELECT pg_advisory_xact_lock_shared($1, $2)`, [...REFRESH_LOCK]);
      let done = false;
      const change = saveOrganisation(viewers.sundk, { sorCode: SOR_Z, name: "Sundhedsplejen, Læsø", municipalityCode: "825" }).finally(() => (done = true));
      await new Promise((r) => setTimeout(r, 500));
      expect(done).toBe(false);
      expect((await pool().query(`SELECT 1 FROM organisation WHERE sor_code = $1`, [SOR_Z])).rowCount).toBe(0);
      await refresh.query("COMMIT");
      expect(await change).toMatchObject({ handling: "opret", marked: 1 });
    } finally {
      refresh.release();
    }
    expect(await marked()).toEqual(idsOf(D));
    expect(await listUnmappedSorCodes()).toEqual([]);
  });
});
