/**
 * Every indicator on a small hand-built set of delivery reports (through the real ingest)
 * and register rows. The expected numerator, denominator and uoplyst were worked out by
 * hand; the reasoning is beside each child. Visits use class VR so fixtures need no
 * unrelated mandatory observations (the invariants trigger on HH/AMB only).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/client";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { storeReports } from "@/lib/ingest/store";
import { prepareSubmission } from "@/lib/ingest/submission";
import { importRegister } from "@/lib/register/import";
import { REGISTER_HEADER } from "@/lib/register/parse";
import { useAppDatabase } from "./helpers/app-db";
import {
  citizen, encounter, epds, feeding, motor, parentMental, parentSupport, relatedParent, report, weight,
  SOR_AARHUS, SOR_LAESOE, VALUE, VISIT, type Person,
} from "./helpers/reports";

const PARTIAL = "3edc905c-2830-442a-98cc-463cc3701dd1"; // "Ammes som supplement til anden kost"
const MOTOR_POTENTIAL = "936a0163-08eb-4fdb-bf0c-bcf5bc7cb3f6"; // "Få tegn på udfordret motorik"
const MENTAL_NORMAL = "0e5db980-8c6e-4034-abab-054e0eb40935";

/** ISO date `days` after an ISO birth date. */
const day = (birth: string, days: number) => new Date(Date.parse(`${birth}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let serial = 0;
/** A syntactically valid CPR for a birth date and sex (7th digit 4: born 2000–2036). */
function person(id: string, birth: string, sex: "K" | "M"): Person & { birth: string; sex: "K" | "M" } {
  const [y, m, d] = birth.split("-");
  serial++;
  return { id, birth, sex, cpr: `${d}${m}${y.slice(2)}4${String(serial).padStart(2, "0")}${sex === "K" ? 2 : 1}` };
}
const adult = (id: string) => {
  serial++;
  return { id, cpr: `0101854${String(serial).padStart(2, "0")}2` };
};

const reports: { entry: { resource: { resourceType: string; id: string; identifier?: { value: string }[] } }[] }[] = [];
/** The CPR a fixture child was sent with. */
const reportsCpr = (id: string) =>
  reports.flatMap((r) => r.entry).find((e) => e.resource.resourceType === "Patient" && e.resource.id === id)!.resource.identifier![0].value;
const registerRows: string[] = [];
let ts = Date.parse("2026-01-01T00:00:00Z");
/** Each report a minute after the previous one (the order a gateway would forward them). */
const send = (resources: Parameters<typeof report>[2], at?: string) => reports.push(report(`r${reports.length}`, at ?? new Date((ts += 60_000)).toISOString(), resources));
const inRegister = (c: { cpr: string; birth: string; sex: string }, weightG: number | "", parity = 1, kommune = "751", edu = "grundskole") =>
  registerRows.push([c.cpr, c.birth, c.sex, weightG, "280", parity, kommune, edu].join(";"));

async function result(indicatorId: string, period: string, areaCode = "751") {
  const r = await pool().query(
    `SELECT numerator, denominator, uoplyst FROM indicator_result WHERE indicator_id = $1 AND period = $2 AND area_code = $3 AND breakdown = 'all'`,
    [indicatorId, period, areaCode],
  );
  return r.rows[0] ?? { numerator: 0, denominator: 0, uoplyst: 0 };
}

// ---------------------------------------------------------------- LDBU-01 (born 2023)
{
  const B = "2023-03-01";
  const A = person("w-a", B, "K"); // 3100 g on day 3 of 3500 g: 11.4 % loss → numerator
  const Bb = person("w-b", B, "M"); // 3200 g day 3, 3160 g day 10 of 3500 g: lowest 9.7 % → denominator only
  const C = person("w-c", B, "K"); // 3.6 kg on day 5 of 4000 g: exactly 10 % (kg = g) → numerator
  const D = person("w-d", B, "M"); // weight day 4 but no birth weight in the register → uoplyst
  const E = person("w-e", B, "K"); // weight day 2 sent without value (data-absent reason) → uoplyst
  const F = person("w-f", B, "M"); // weights only on day 0 and day 15 (outside 1–14) → not counted
  // Danish days, not UTC days: day 0 at 23:30 and day 15 at 00:30 (both within UTC's day 1–14) → not counted;
  // day 1 at 00:15 (UTC: day 0) and day 14 at 23:45 (UTC: day 14) count
  const H = person("w-h", B, "K"); // 2900 g day 0 23:30 and 2950 g day 15 00:30 Danish time → not counted
  const I = person("w-i", B, "M"); // 2600 g of 3000 g day 1 00:15 Danish time (13.3 %) → numerator
  const J = person("w-j", B, "K"); // 2650 g of 3000 g day 14 23:45 Danish time (11.7 %) → numerator
  const G = person("w-g", B, "K"); // 2900 g day 4 (12 %), later entered-in-error → no valid weight → not counted
  const T1 = person("w-t1", B, "K"); // twin: 2200 g of 2500 g (12 %) → numerator
  const T2 = person("w-t2", B, "M"); // twin: 2300 g of 2500 g (8 %) → denominator only
  const M = person("w-m", B, "M"); // 3000 g of 3400 g (11.8 %) reported by Læsø, then moves: latest report Aarhus → Aarhus numerator
  send([citizen(A, SOR_AARHUS), weight("w-a1", A.id, day(B, 3), 3100)]);
  send([citizen(Bb, SOR_AARHUS), weight("w-b1", Bb.id, day(B, 3), 3200), weight("w-b2", Bb.id, day(B, 10), 3160)]);
  send([citizen(C, SOR_AARHUS), weight("w-c1", C.id, day(B, 5), 3.6, "kg")]);
  send([citizen(D, SOR_AARHUS), weight("w-d1", D.id, day(B, 4), 3000)]);
  send([citizen(E, SOR_AARHUS), weight("w-e1", E.id, day(B, 2), null)]);
  send([citizen(F, SOR_AARHUS), weight("w-f1", F.id, day(B, 0), 3000), weight("w-f2", F.id, day(B, 15), 2600)]);
  send([citizen(H, SOR_AARHUS), weight("w-h1", H.id, `${day(B, 0)}T23:30:00+01:00`, 2900), weight("w-h2", H.id, `${day(B, 15)}T00:30:00+01:00`, 2950)]);
  send([citizen(I, SOR_AARHUS), weight("w-i1", I.id, `${day(B, 1)}T00:15:00+01:00`, 2600)]);
  send([citizen(J, SOR_AARHUS), weight("w-j1", J.id, `${day(B, 14)}T23:45:00+01:00`, 2650)]);
  send([citizen(G, SOR_AARHUS), weight("w-g1", G.id, day(B, 4), 2900)]);
  send([citizen(G, SOR_AARHUS), weight("w-g1", G.id, day(B, 4), 2900, "g", "entered-in-error")]);
  send([citizen(T1, SOR_AARHUS), weight("w-t11", T1.id, day(B, 3), 2200)]);
  send([citizen(T2, SOR_AARHUS), weight("w-t21", T2.id, day(B, 3), 2300)]);
  send([citizen(M, SOR_LAESOE), weight("w-m1", M.id, day(B, 3), 3000)], `${day(B, 4)}T08:00:00Z`);
  send([citizen(M, SOR_AARHUS), encounter("w-m-e", M.id, VISIT.behovSmaaboern, `${day(B, 60)}T10:00:00Z`)], `${day(B, 61)}T08:00:00Z`);
  for (const [c, w] of [[A, 3500], [Bb, 3500], [C, 4000], [D, ""], [E, 3000], [F, 3000], [H, 3000], [I, 3000], [J, 3000], [G, 3300], [T1, 2500], [T2, 2500], [M, 3400]] as const) inRegister(c, w);
}

// ---------------------------------------------------------------- LDBU-02/03/04 (born 2023)
{
  const B = "2023-05-01";
  const family = (key: string, child: ReturnType<typeof person>) => {
    const parent = adult(`${key}-parent`);
    const rp = `${key}-rp`;
    return { parent, rp, base: [citizen(child, SOR_AARHUS), citizen(parent, SOR_AARHUS, { relatedParentId: rp }), relatedParent(rp, child.id)] };
  };
  const visit = (key: string, child: { id: string }, d: number, status = "finished") => encounter(`${key}-v`, child.id, VISIT.toMaaneder, `${day(B, d)}T10:00:00Z`, status);
  // P1: visit day 60; parent EPDS day 60 = 14 (≥ 11); support day 70 (10 days later) → 02 num, 03 num, 04 num
  const P1 = person("e-p1", B, "K"), f1 = family("e-p1", P1);
  send([...f1.base, visit("e-p1", P1, 60), epds("e-p1-q", f1.parent.id, day(B, 60), [2, 2, 2, 2, 2, 2, 1, 1, 0, 0])]);
  send([...f1.base, parentSupport("e-p1-i", f1.parent.id, day(B, 70))]);
  // P2: visit day 62; EPDS day 50 = 5; mental state "problem" day 60; support day 100 (40 days) → 02 num, 03 den, 04 den
  const P2 = person("e-p2", B, "M"), f2 = family("e-p2", P2);
  send([...f2.base, visit("e-p2", P2, 62), epds("e-p2-q", f2.parent.id, day(B, 50), [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]), parentMental("e-p2-m", f2.parent.id, day(B, 60), VALUE.parentMentalProblem)]);
  send([...f2.base, parentSupport("e-p2-i", f2.parent.id, day(B, 100))]);
  // P3: visit day 58, parent known, no EPDS → 02 den
  const P3 = person("e-p3", B, "K"), f3 = family("e-p3", P3);
  send([...f3.base, visit("e-p3", P3, 58), parentMental("e-p3-m", f3.parent.id, day(B, 58), MENTAL_NORMAL)]);
  // P4: visit day 61, no parent reported at all → 02 uoplyst
  const P4 = person("e-p4", B, "M");
  send([citizen(P4, SOR_AARHUS), visit("e-p4", P4, 61)]);
  // P5: visit day 60; EPDS on day 30 = 20 (outside 42–98) → 02 den; not in 03/04
  const P5 = person("e-p5", B, "K"), f5 = family("e-p5", P5);
  send([...f5.base, visit("e-p5", P5, 60), epds("e-p5-q", f5.parent.id, day(B, 30), [2, 2, 2, 2, 2, 2, 2, 2, 2, 2])]);
  // P6a/P6b twins, one parent: visits day 60; EPDS day 60 = 11 (= cut-off); support day 60 (0 days) → both 02 num, 03 num, 04 num
  const P6a = person("e-p6a", B, "K"), P6b = person("e-p6b", B, "M"), parent6 = adult("e-p6-parent");
  const twins = [citizen(P6a, SOR_AARHUS), citizen(P6b, SOR_AARHUS), citizen(parent6, SOR_AARHUS, { relatedParentId: "e-p6a-rp" }), relatedParent("e-p6a-rp", P6a.id)];
  send([...twins, visit("e-p6a", P6a, 60), visit("e-p6b", P6b, 60), epds("e-p6-q", parent6.id, day(B, 60), [2, 2, 2, 1, 1, 1, 1, 1, 0, 0]), parentSupport("e-p6-i", parent6.id, day(B, 60))]);
  // The same parent is linked to the second twin through a second RelatedParent in a later report.
  send([citizen(P6b, SOR_AARHUS), citizen(parent6, SOR_AARHUS, { relatedParentId: "e-p6b-rp" }), relatedParent("e-p6b-rp", P6b.id)]);
  // P7: 2-month visit entered-in-error (not in 02); EPDS day 60 = 3 → 03 den
  const P7 = person("e-p7", B, "M"), f7 = family("e-p7", P7);
  send([...f7.base, visit("e-p7", P7, 60), epds("e-p7-q", f7.parent.id, day(B, 60), [1, 1, 1, 0, 0, 0, 0, 0, 0, 0])]);
  send([...f7.base, visit("e-p7", P7, 60, "entered-in-error")]);
  for (const c of [P1, P2, P3, P4, P5, P6a, P6b, P7]) inRegister(c, 3400, 2);
}

// ---------------------------------------------------------------- LDBU-05/06 (born 2023)
{
  const B = "2023-07-01";
  const FULL = VALUE.fullBreastfeeding;
  const F = (n: number) => person(`f-${n}`, B, n % 2 ? "K" : "M");
  const [F1, F2, F3, F4, F5, F6, F7] = [1, 2, 3, 4, 5, 6, 7].map(F);
  send([citizen(F1, SOR_AARHUS), feeding("f-1a", F1.id, { start: day(B, 0), end: day(B, 130) }, FULL)]); // 130 > 119 → 05 num; < 182 → 06 den
  send([citizen(F2, SOR_AARHUS), feeding("f-2a", F2.id, { start: day(B, 0), end: day(B, 119) }, FULL)]); // exactly 119 is not "more than" → den
  send([citizen(F3, SOR_AARHUS), feeding("f-3a", F3.id, { start: day(B, 10) }, FULL)]); // open from day 10 …
  send([citizen(F3, SOR_AARHUS), feeding("f-3b", F3.id, day(B, 120), FULL)]);
  send([citizen(F3, SOR_AARHUS), feeding("f-3c", F3.id, day(B, 190), FULL)]); // … still full on day 190 → 05 num, 06 num
  send([citizen(F4, SOR_AARHUS), feeding("f-4a", F4.id, { start: day(B, 20), end: day(B, 200) }, FULL)]); // starts after day 14 → den
  send([citizen(F5, SOR_AARHUS), feeding("f-5a", F5.id, { start: day(B, 0) }, FULL)]); // open from day 0, but …
  send([citizen(F5, SOR_AARHUS), feeding("f-5b", F5.id, day(B, 100), PARTIAL), feeding("f-5c", F5.id, day(B, 150), FULL)]); // … partial on day 100 ends it → den
  send([citizen(F6, SOR_AARHUS), feeding("f-6a", F6.id, day(B, 60), null)]); // only data-absent → uoplyst
  send([citizen(F7, SOR_AARHUS), feeding("f-7a", F7.id, { start: day(B, 0), end: day(B, 182) }, FULL)]); // 182 ≥ 182 → 05 num, 06 num
  for (const c of [F1, F2, F3, F4, F5, F6, F7]) inRegister(c, 3500);
}

// ---------------------------------------------------------------- LDBU-07/08 (born 2023)
{
  const B = "2023-01-15";
  const at = (d: number) => `${day(B, d)}T09:00:00Z`;
  const M = (n: number) => person(`m-${n}`, B, n % 2 ? "M" : "K");
  const [M1, M2, M3, M4, M5, M6, M7] = [1, 2, 3, 4, 5, 6, 7].map(M);
  const v811 = (c: { id: string }, status = "finished") => encounter(`${c.id}-v`, c.id, VISIT.otteElleveMaaneder, at(280), status);
  send([citizen(M1, SOR_AARHUS), v811(M1), motor("m-1o", M1.id, day(B, 280), VALUE.motorNormal, `${M1.id}-v`)]); // 07 num, 08 num
  send([citizen(M2, SOR_AARHUS), v811(M2), motor("m-2o", M2.id, day(B, 280), MOTOR_POTENTIAL)]); // same day, no link: 07 num, 08 den
  send([citizen(M3, SOR_AARHUS), v811(M3), motor("m-3o", M3.id, day(B, 280), null, `${M3.id}-v`)]); // data-absent: 07 den, 08 uoplyst
  send([citizen(M4, SOR_AARHUS), v811(M4)]); // no motor observation: 07 den
  send([citizen(M5, SOR_AARHUS), v811(M5), motor("m-5o", M5.id, day(B, 301), VALUE.motorNormal)]); // another day, unlinked: 07 den
  send([citizen(M6, SOR_AARHUS), v811(M6), motor("m-6o", M6.id, day(B, 280), VALUE.motorNormal, `${M6.id}-v`)]);
  send([citizen(M6, SOR_AARHUS), v811(M6, "entered-in-error")]); // visit retracted: counts nowhere
  send([citizen(M7, SOR_AARHUS), encounter("m-7-v46", M7.id, VISIT.fireSeksMaaneder, at(150)), motor("m-7o", M7.id, day(B, 150), VALUE.motorNormal, "m-7-v46")]); // no 8–11 visit
  for (const c of [M1, M2, M3, M4, M5, M6, M7]) inRegister(c, 3300);
}

// ---------------------------------------------------------------- LDBU-09 (born 2022)
{
  const B = "2022-04-10";
  const at = (d: number) => `${day(B, d)}T09:00:00Z`;
  const visits = (c: { id: string }, days: [number, number, number, number], retractOne = false) => {
    const types = [VISIT.etablering, VISIT.toMaaneder, VISIT.fireSeksMaaneder, VISIT.otteElleveMaaneder];
    return types.map((t, i) => encounter(`${c.id}-v${i}`, c.id, t, at(days[i]), retractOne && i === 2 ? "entered-in-error" : "finished"));
  };
  const V1 = person("v-1", B, "K"); // all four in year 1 → num
  const V2 = person("v-2", B, "M"); // no 4–6-month visit → den
  const V3 = person("v-3", B, "K"); // 8–11-month visit on day 370, after the first birthday → den
  const V4 = person("v-4", B, "M"); // register only, lives on Læsø → Læsø den
  const V5 = person("v-5", B, "K"); // all four, but the 4–6-month visit is entered-in-error → den
  const V6 = person("v-6", B, "M"); // all four, but not in the register population → not counted
  send([citizen(V1, SOR_AARHUS), ...visits(V1, [5, 60, 150, 300])]);
  send([citizen(V2, SOR_AARHUS), ...visits(V2, [5, 60, 150, 300]).filter((_, i) => i !== 2)]);
  send([citizen(V3, SOR_AARHUS), ...visits(V3, [5, 60, 150, 370])]);
  send([citizen(V5, SOR_AARHUS), ...visits(V5, [5, 60, 150, 300], true)]);
  send([citizen(V6, SOR_AARHUS), ...visits(V6, [5, 60, 150, 300])]);
  for (const c of [V1, V2, V3, V5]) inRegister(c, 3400);
  inRegister(V4, 3400, 1, "825");
}

// ---------------------------------------------------------------- LDBU-10/11 (school year 2024/25)
{
  const S1 = person("s-1", "2018-02-02", "K"); // school entry exam 1 Oct 2024 → num
  const S2 = person("s-2", "2018-03-03", "M"); // exam in June 2024, the previous school year → den
  const S3 = person("s-3", "2018-04-04", "K"); // no exam, register only → den (bopælskommune Aarhus)
  const U1 = person("s-u1", "2009-05-05", "M"); // school exit exam 1 Mar 2025 → num
  const U2 = person("s-u2", "2009-06-06", "K"); // none → den
  send([citizen(S1, SOR_AARHUS), encounter("s-1-v", S1.id, VISIT.indskoling, "2024-10-01T09:00:00Z")]);
  send([citizen(S2, SOR_AARHUS), encounter("s-2-v", S2.id, VISIT.indskoling, "2024-06-01T09:00:00Z")]);
  send([citizen(U1, SOR_AARHUS), encounter("s-u1-v", U1.id, VISIT.udskoling, "2025-03-01T09:00:00Z")]);
  for (const c of [S1, S2, S3, U1, U2]) inRegister(c, "");
}

let db: Awaited<ReturnType<typeof useAppDatabase>>;
beforeAll(async () => {
  db = await useAppDatabase();
  await pool().query(
    `INSERT INTO organisation (sor_code, name, municipality_code, updated_at) VALUES ($1, 'Aarhus', '751', now()), ($2, 'Læsø', '825', now())`,
    [SOR_AARHUS, SOR_LAESOE],
  );
  const reg = await importRegister(pool(), "test.csv", [REGISTER_HEADER.join(";"), ...registerRows].join("\n"));
  expect(reg.problems).toEqual([]);
  const results = await storeReports(pool(), reports.flatMap((r) => prepareSubmission(JSON.stringify(r), { channel: "cli" }).reports));
  const rejected = results.filter((r) => r.outcome !== "accepted");
  expect(rejected.map((r) => r.issues.filter((i) => i.severity === "error").map((i) => `${i.details.coding[0].code} ${i.expression}`))).toEqual([]);
  await refreshIndicators(pool(), { all: true, quiet: true });
});
afterAll(async () => db.close());

describe("indicators on hand-worked data", () => {
  it("LDBU-01 weight loss ≥ 10 %: 6 of 8, 2 uoplyst (days 1–14 are Danish days); the moving child counts for Aarhus", async () => {
    expect(await result("LDBU-01", "2023")).toEqual({ numerator: 6, denominator: 8, uoplyst: 2 });
    expect(await result("LDBU-01", "2023", "825")).toEqual({ numerator: 0, denominator: 0, uoplyst: 0 });
    expect(await result("LDBU-01", "2023", "DK")).toEqual({ numerator: 6, denominator: 8, uoplyst: 2 });
  });
  it("LDBU-02 EPDS screening: 4 of 6, 1 uoplyst (no parent known)", async () => {
    expect(await result("LDBU-02", "2023")).toEqual({ numerator: 4, denominator: 6, uoplyst: 1 });
  });
  it("LDBU-03 EPDS ≥ 11: 3 of 5 screened (11 counts)", async () => {
    expect(await result("LDBU-03", "2023")).toEqual({ numerator: 3, denominator: 5, uoplyst: 0 });
  });
  it("LDBU-04 support within 30 days: 3 of 4", async () => {
    expect(await result("LDBU-04", "2023")).toEqual({ numerator: 3, denominator: 4, uoplyst: 0 });
  });
  it("LDBU-05 full breastfeeding > 17 weeks: 3 of 6, 1 uoplyst", async () => {
    expect(await result("LDBU-05", "2023")).toEqual({ numerator: 3, denominator: 6, uoplyst: 1 });
  });
  it("LDBU-06 full breastfeeding ≥ 26 weeks: 2 of 6, 1 uoplyst", async () => {
    expect(await result("LDBU-06", "2023")).toEqual({ numerator: 2, denominator: 6, uoplyst: 1 });
  });
  it("LDBU-07 motor function assessed: 2 of 5", async () => {
    expect(await result("LDBU-07", "2023")).toEqual({ numerator: 2, denominator: 5, uoplyst: 0 });
  });
  it("LDBU-08 age-appropriate motor function: 1 of 2, 1 uoplyst", async () => {
    expect(await result("LDBU-08", "2023")).toEqual({ numerator: 1, denominator: 2, uoplyst: 1 });
  });
  it("LDBU-09 all four universal visits: Aarhus 1 of 4, Læsø 0 of 1, nation 1 of 5", async () => {
    expect(await result("LDBU-09", "2022")).toEqual({ numerator: 1, denominator: 4, uoplyst: 0 });
    expect(await result("LDBU-09", "2022", "825")).toEqual({ numerator: 0, denominator: 1, uoplyst: 0 });
    expect(await result("LDBU-09", "2022", "DK")).toEqual({ numerator: 1, denominator: 5, uoplyst: 0 });
  });
  it("LDBU-10 school entry: 1 of 3; LDBU-11 school exit: 1 of 2", async () => {
    expect(await result("LDBU-10", "2024/25")).toEqual({ numerator: 1, denominator: 3, uoplyst: 0 });
    expect(await result("LDBU-11", "2024/25")).toEqual({ numerator: 1, denominator: 2, uoplyst: 0 });
  });
  it("region values are computed from the same children as the nation", async () => {
    const r = await pool().query(
      `SELECT n.id, n.indicator_id, n.period, n.breakdown, n.breakdown_value, n.numerator AS nn, n.denominator AS nd, sum(r.numerator)::int AS rn, sum(r.denominator)::int AS rd
       FROM indicator_result n JOIN indicator_result r ON r.indicator_id = n.indicator_id AND r.period = n.period
         AND r.area_level = 'region' AND r.breakdown = n.breakdown AND r.breakdown_value = n.breakdown_value
       WHERE n.area_level = 'nation' GROUP BY n.id`,
    );
    for (const x of r.rows) expect([x.rn, x.rd], `${x.indicator_id} ${x.period} ${x.breakdown}=${x.breakdown_value}`).toEqual([x.nn, x.nd]);
    expect(r.rows.length).toBeGreaterThan(10);
  });

  it("an incremental refresh recomputes only the touched children and gives the same result as a full one", async () => {
    // Retract child A's only weight (was a numerator of LDBU-01): 5 of 7 remain.
    const retraction = report("r-retract", "2026-06-01T00:00:00Z", [
      citizen({ id: "w-a", cpr: reportsCpr("w-a") }, SOR_AARHUS),
      weight("w-a1", "w-a", day("2023-03-01", 3), 3100, "g", "entered-in-error"),
    ]);
    const [r] = await storeReports(pool(), prepareSubmission(JSON.stringify(retraction), { channel: "cli" }).reports);
    expect(r.outcome).toBe("accepted");
    const incremental = await refreshIndicators(pool(), { quiet: true });
    expect(incremental.cells.every((c) => c.children === 1)).toBe(true);
    expect(incremental.cells.map((c) => c.period)).toContain("2023");
    expect(await result("LDBU-01", "2023")).toEqual({ numerator: 5, denominator: 7, uoplyst: 2 });
    const before = (await pool().query(`SELECT indicator_id, period, area_code, breakdown, breakdown_value, numerator, denominator, uoplyst FROM indicator_result ORDER BY 1, 2, 3, 4, 5`)).rows;
    await refreshIndicators(pool(), { all: true, quiet: true });
    const after = (await pool().query(`SELECT indicator_id, period, area_code, breakdown, breakdown_value, numerator, denominator, uoplyst FROM indicator_result ORDER BY 1, 2, 3, 4, 5`)).rows;
    expect(after).toEqual(before);
  });

  it("refreshes running at the same time (groups in lanes, a full and an incremental one) give what one full refresh gives", async () => {
    const rows = async (table: string, cols: string) => (await pool().query(`SELECT ${cols} FROM ${table} ORDER BY ${cols}`)).rows;
    const RESULT = "indicator_id, period, area_code, breakdown, breakdown_value, numerator, denominator, uoplyst, benchmark";
    const COMPLETENESS = "measure, period, area_level, area_code, visit_type, item, numerator, denominator";
    await refreshIndicators(pool(), { all: true, quiet: true });
    const expected = { results: await rows("indicator_result", RESULT), completeness: await rows("completeness_result WHERE measure <> 'version' AND measure <> 'state'", COMPLETENESS) };
    await pool().query(`INSERT INTO refresh_citizen (citizen_id) SELECT id FROM citizen ON CONFLICT (citizen_id) DO UPDATE SET marked_at = now()`);
    await Promise.all([refreshIndicators(pool(), { all: true, quiet: true }), refreshIndicators(pool(), { quiet: true }), refreshIndicators(pool(), { all: true, quiet: true })]);
    expect(await rows("indicator_result", RESULT)).toEqual(expected.results);
    expect(await rows("completeness_result WHERE measure <> 'version' AND measure <> 'state'", COMPLETENESS)).toEqual(expected.completeness);
  });

  it("a full refresh writes the facts by difference: drifted facts are put right, every other fact is left as it was", async () => {
    await refreshIndicators(pool(), { all: true, quiet: true });
    const FACTS = `SELECT indicator_id, period, citizen_id::text, municipality_code, status::text, sex::text, mother_education::text, parity FROM indicator_fact ORDER BY 1, 2, 3`;
    const expected = (await pool().query(FACTS)).rows;
    const versions = async () => new Map((await pool().query(`SELECT indicator_id || ' ' || period || ' ' || citizen_id AS k, xmin::text AS v FROM indicator_fact`)).rows.map((r) => [r.k, r.v]));
    // drift: one fact deleted, one with the wrong status, one of a citizen who counts nowhere (a parent)
    const [gone, wrong] = (await pool().query(`SELECT indicator_id, period, citizen_id FROM indicator_fact WHERE indicator_id = 'LDBU-01' ORDER BY citizen_id LIMIT 2`)).rows;
    await pool().query(`DELETE FROM indicator_fact WHERE indicator_id = $1 AND period = $2 AND citizen_id = $3`, [gone.indicator_id, gone.period, gone.citizen_id]);
    await pool().query(
      `UPDATE indicator_fact SET status = CASE status WHEN 'numerator' THEN 'denominator' ELSE 'numerator' END::fact_status WHERE indicator_id = $1 AND period = $2 AND citizen_id = $3`,
      [wrong.indicator_id, wrong.period, wrong.citizen_id],
    );
    const stray = await pool().query(
      `INSERT INTO indicator_fact (indicator_id, period, citizen_id, municipality_code, status, sex)
       SELECT 'LDBU-01', $1, p.parent_id, '751', 'numerator', 'female' FROM parent_link p WHERE p.parent_id IS NOT NULL LIMIT 1 RETURNING citizen_id`,
      [gone.period],
    );
    expect(stray.rowCount).toBe(1);
    const before = await versions();
    await refreshIndicators(pool(), { all: true, quiet: true });
    expect((await pool().query(FACTS)).rows).toEqual(expected);
    const after = await versions();
    const rewritten = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
    expect(rewritten.sort()).toEqual([`${gone.indicator_id} ${gone.period} ${gone.citizen_id}`, `${wrong.indicator_id} ${wrong.period} ${wrong.citizen_id}`].sort());
    expect(after.size).toBe(expected.length);
  });
});
