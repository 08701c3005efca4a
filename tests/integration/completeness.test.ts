/**
 * Data completeness on hand-built delivery reports (through the real ingest) and register rows. Every expected
 * figure is worked out by hand in the comments next to the fixtures; the measures are defined in
 * lib/completeness (facts.ts, aggregate.ts). Face-to-face visits (class HH) must carry the observations the receiver
 * enforces, or the report is rejected; intended-but-unenforced observations (motor function, parent relationship
 * at 8–11 months) may be left out and then count as missing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/roles";
import { delaysFromBytes, writePeriod } from "@/lib/completeness/aggregate";
import type { CompletenessRow } from "@/lib/completeness/types";
import { withTransaction } from "@/lib/db/transaction";
import { describeSchema } from "@/lib/db/catalog";
import { pool } from "@/lib/db/client";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { storeReports } from "@/lib/ingest/store";
import { prepareSubmission } from "@/lib/ingest/submission";
import { compareData } from "@/lib/queries/compare";
import { completenessData, coverageWarning } from "@/lib/queries/completeness";
import { profileData } from "@/lib/queries/profile";
import { worklist, WorklistDenied } from "@/lib/queries/worklist";
import { importRegister } from "@/lib/register/import";
import { REGISTER_HEADER } from "@/lib/register/parse";
import { useAppDatabase } from "./helpers/app-db";
import { citizen, encounter, feeding, indicatorObs, relatedParent, report, weight, SOR_AARHUS, SOR_LAESOE, VALUE, VISIT, type Person } from "./helpers/reports";

const SD = "http://fhir.kl.dk/children/StructureDefinition/";
type Res = ReturnType<typeof encounter>;

// ---------------------------------------------------------------- builders

let serial = 0;
function person(id: string, birth: string, sex: "K" | "M" = "K"): Person & { birth: string; sex: "K" | "M" } {
  const [y, m, d] = birth.split("-");
  serial++;
  return { id, birth, sex, cpr: `${d}${m}${y.slice(2)}4${String(serial).padStart(2, "0")}${sex === "K" ? 2 : 1}` };
}
const adult = (id: string): Person => ({ id, cpr: `0101854${String(++serial).padStart(2, "0")}2` });

const absent = (r: Res, reason: string): Res => ({ ...r, dataAbsentReason: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: reason }] } });

function length(id: string, subject: string, on: string, value: number | null): Res {
  return {
    resourceType: "Observation", id, meta: { profile: [`${SD}klgateway-children-bodyheight`] }, status: "final",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
    code: { coding: [{ system: "http://snomed.info/sct", code: "1149101003" }, { system: "http://loinc.org", code: "8302-2" }] },
    subject: { reference: `https://test.fhir.dk/Patient/${subject}` }, effectiveDateTime: on,
    ...(value === null
      ? { dataAbsentReason: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown" }] } }
      : { valueQuantity: { value, unit: "cm", system: "http://unitsofmeasure.org", code: "cm" } }),
  };
}
function head(id: string, subject: string, on: string, value: number | null): Res {
  const r = length(id, subject, on, value);
  return { ...r, meta: { profile: [`${SD}klgateway-children-headcircum`] }, code: { coding: [{ system: "http://snomed.info/sct", code: "363812007" }, { system: "http://loinc.org", code: "9843-4" }] } };
}

const INDICATOR: Record<string, [profile: string, code: string, value: string]> = {
  relationship: ["klgateway-children-parent-relationship", "763c6f21-5467-4713-82fb-716c9d0a1fdf", "7a107df6-8fb8-4744-8413-be10b4c5c1d9"],
  socialInteraction: ["klgateway-children-social-interaction", "68605f88-49fb-44b9-b327-86947af6aa93", "008b1890-4be5-463a-b618-0ab3d89515d0"],
  communication: ["klgateway-children-communication", "653c2b0b-bb64-4906-888b-aea6fef3c3f8", "042d522d-0abe-46eb-a958-6e235b5d5408"],
  sleep: ["klgateway-children-sleep", "73f981f8-455a-4158-b435-7c6d83ab84da", "b07eec60-941d-484d-8c2a-aeaa2ba798bf"],
  motor: ["klgateway-children-motor-function", "e04f2ca1-888a-4671-a97a-371b525cd2a3", VALUE.motorNormal],
  parentMental: ["klgateway-children-parent-mental-status", "2c39af9f-8e45-4c88-962f-e7a9e2cd31b6", "0e5db980-8c6e-4034-abab-054e0eb40935"],
  parentSocial: ["klgateway-children-parent-social-status", "58997614-ba43-4534-90bd-10c7e76802f4", "57dd67d7-175a-4541-87ff-db1381c4e1d9"],
  network: ["klgateway-children-social-support-network", "7e7fab2f-278a-4b14-9bc9-efc36fffcba5", "fbd9a8a5-0ed6-4e1a-9841-066ade34b071"],
};

/**
 * How each mandatory observation of a visit is sent: "value"; "absent:<reason>" (no value, data-absent reason);
 * "other-day" (sent, but dated three days later without an encounter reference: it satisfies the receiver's
 * bundle-level rule yet does not belong to the visit); "omit" (not sent). Indicator observations reference the
 * encounter; weights, lengths and feeding are unlinked and dated the visit's day (matched by day).
 */
type How = "value" | `absent:${string}` | "other-day" | "omit";

function visit(encId: string, subject: string, type: string, at: string, obs: Record<string, How>, opts: { cls?: string; parent?: string } = {}): Res[] {
  const out: Res[] = [encounter(encId, subject, type, at, "finished", opts.cls ?? "HH")];
  const later = new Date(Date.parse(at) + 3 * 86_400_000).toISOString();
  for (const [item, how] of Object.entries(obs)) {
    if (how === "omit") continue;
    const id = `${encId}-${item}`;
    const on = how === "other-day" ? later : at;
    const none = how.startsWith("absent");
    let r: Res;
    if (item === "weight") r = weight(id, subject, on, none ? null : 3500);
    else if (item === "height") r = length(id, subject, on, none ? null : 55);
    else if (item === "head") r = head(id, subject, on, none ? null : 38);
    else if (item === "nutrition") r = feeding(id, subject, on, none ? null : VALUE.fullBreastfeeding);
    else {
      const [profile, code, value] = INDICATOR[item];
      const parentObs = item === "parentMental" && opts.parent;
      r = indicatorObs(id, profile, code, parentObs ? opts.parent! : subject, on, none ? null : value, how === "other-day" || parentObs ? undefined : encId);
    }
    out.push(none ? absent(r, how.slice(7)) : r);
  }
  return out;
}

const hoursAfter = (at: string, h: number) => new Date(Date.parse(at) + h * 3_600_000).toISOString();

// ---------------------------------------------------------------- fixtures

const submissions: string[] = [];
const registerRows: string[] = [];
const send = (id: string, at: string, resources: Res[]) => submissions.push(JSON.stringify(report(id, at, resources)));
const inRegister = (c: { cpr: string; birth: string; sex: string }, kommune = "751") => registerRows.push([c.cpr, c.birth, c.sex, 3400, 280, 1, kommune, "grundskole"].join(";"));

// Barselsbesøg, birth cohort 2023 (observations: relationship, weight, nutrition).
const BARSEL_AT = "2023-03-05T10:00:00+01:00";
const B = ["b1", "b2", "b3", "b4", "b5", "b6"].map((k) => person(k, "2023-03-01"));
// B1 HH, all three with a value; reported after 2 h.
send("r-b1", hoursAfter(BARSEL_AT, 2), [citizen(B[0], SOR_AARHUS), ...visit("b1-v", "b1", VISIT.barsel, BARSEL_AT, { relationship: "value", weight: "value", nutrition: "value" })]);
// B2 HH, relationship without value (unknown), weight without value (not-asked), nutrition value; after 47 h.
send("r-b2", hoursAfter(BARSEL_AT, 47), [citizen(B[1], SOR_AARHUS), ...visit("b2-v", "b2", VISIT.barsel, BARSEL_AT, { relationship: "absent:unknown", weight: "absent:not-asked", nutrition: "value" })]);
// B3 HH, the relationship observation is dated three days later → missing for the visit; after 49 h (late).
send("r-b3", hoursAfter(BARSEL_AT, 49), [citizen(B[2], SOR_AARHUS), ...visit("b3-v", "b3", VISIT.barsel, BARSEL_AT, { relationship: "other-day", weight: "value", nutrition: "value" })]);
// B4 by video (VR): not face to face, so no mandatory observations; after 30 days (late).
send("r-b4", hoursAfter(BARSEL_AT, 720), [citizen(B[3], SOR_AARHUS), ...visit("b4-v", "b4", VISIT.barsel, BARSEL_AT, {}, { cls: "VR" })]);
// B5 HH on Læsø, complete, after 5 h.
send("r-b5", hoursAfter(BARSEL_AT, 5), [citizen(B[4], SOR_LAESOE), ...visit("b5-v", "b5", VISIT.barsel, BARSEL_AT, { relationship: "value", weight: "value", nutrition: "value" })]);
// B6 HH, complete, later retracted (entered-in-error): counts nowhere.
send("r-b6", hoursAfter(BARSEL_AT, 1), [citizen(B[5], SOR_AARHUS), ...visit("b6-v", "b6", VISIT.barsel, BARSEL_AT, { relationship: "value", weight: "value", nutrition: "value" })]);
send("r-b6x", hoursAfter(BARSEL_AT, 240), [citizen(B[5], SOR_AARHUS), encounter("b6-v", "b6", VISIT.barsel, BARSEL_AT, "entered-in-error", "VR")]);

// 8–11-month visits, cohort 2023 (enforced: socialInteraction, weight, height, head, nutrition, communication, sleep;
// intended: relationship, motor).
const M_AT = "2023-10-20T09:00:00+02:00";
const M = ["m1", "m2", "m3"].map((k) => person(k, "2023-01-15"));
const ENFORCED_811 = { socialInteraction: "value", weight: "value", height: "value", head: "value", nutrition: "value", communication: "value", sleep: "value" } as const;
// M1 all nine with a value; after 24 h.
send("r-m1", hoursAfter(M_AT, 24), [citizen(M[0], SOR_AARHUS), ...visit("m1-v", "m1", VISIT.otteElleveMaaneder, M_AT, { ...ENFORCED_811, relationship: "value", motor: "value" })]);
// M2 without relationship and motor: accepted with the two warnings, both missing; after 72 h (late).
send("r-m2", hoursAfter(M_AT, 72), [citizen(M[1], SOR_AARHUS), ...visit("m2-v", "m2", VISIT.otteElleveMaaneder, M_AT, { ...ENFORCED_811 })]);
// M3 sleep without value (asked-declined), the rest with a value; after 1 h.
send("r-m3", hoursAfter(M_AT, 1), [citizen(M[2], SOR_AARHUS), ...visit("m3-v", "m3", VISIT.otteElleveMaaneder, M_AT, { ...ENFORCED_811, sleep: "absent:asked-declined", relationship: "value", motor: "value" })]);

// Pregnancy visit G1: subject the mother P1; parent mental state linked, social status same day unlinked, network
// another day → missing. Reported after 240 h (late). The child K1, born 2023-02-01 (within 300 days), is linked to
// P1 later → the visit belongs to birth cohort 2023.
const G_AT = "2022-11-01T10:00:00+01:00";
const P1 = adult("p1");
const K1 = person("k1", "2023-02-01");
send("r-g1", hoursAfter(G_AT, 240), [citizen(P1, SOR_AARHUS), ...visit("g1-v", "p1", VISIT.graviditet, G_AT, { parentMental: "value", parentSocial: "value", network: "other-day" })]);
// parentSocial is sent unlinked: rebuild it without the encounter reference (same day).
{
  const last = JSON.parse(submissions.pop()!);
  const e = last.entry.find((x: { resource: { id: string } }) => x.resource.id === "g1-v-parentSocial");
  delete e.resource.encounter;
  submissions.push(JSON.stringify(last));
}
send("r-k1", "2023-02-05T12:00:00+01:00", [citizen(K1, SOR_AARHUS), citizen(P1, SOR_AARHUS, { relatedParentId: "k1-rp" }), relatedParent("k1-rp", "k1")]);

// 2-month visit T1: the parent's mental state is about the parent P2 (linked to the child), unlinked, same day;
// everything with a value; reported exactly 48 h later (in time: "within 2 days" includes 48 h).
const T_AT = "2023-03-15T10:00:00+01:00";
const P2 = adult("p2");
const K2 = person("k2", "2023-01-10");
send("r-t1", hoursAfter(T_AT, 48), [
  citizen(K2, SOR_AARHUS), citizen(P2, SOR_AARHUS, { relatedParentId: "k2-rp" }), relatedParent("k2-rp", "k2"),
  ...visit("t1-v", "k2", VISIT.toMaaneder, T_AT, { ...ENFORCED_811, parentMental: "value", relationship: "value", motor: "value" }, { parent: "p2" }),
]);

// Coverage, birth cohort 2024 (all visits by video, VR: no observations needed).
const C = [person("c1", "2024-02-01"), person("c2", "2024-02-02"), person("c3", "2024-02-03"), person("c4", "2024-02-04"), person("c5", "2024-02-05"), person("c6", "2024-02-06")];
const cv = (c: { id: string }, type: string, day: string, status = "finished") => encounter(`${c.id}-${type.slice(0, 4)}`, c.id, type, `${day}T09:00:00+01:00`, status, "VR");
// C1: all four universal visits. C2: establishment only. C3 (Aarhus) and C4 (Læsø): register only, never reported.
// C5: establishment, and a 2-month visit that is retracted. C6: reported but not in the register (not counted).
// C1's four visits are reported together in November: the first three late (Fejlliste "sene"); C5's establishment
// visit is reported 52 days late.
send("r-c1", "2024-11-08T10:00:00+01:00", [citizen(C[0], SOR_AARHUS), cv(C[0], VISIT.etablering, "2024-02-06"), cv(C[0], VISIT.toMaaneder, "2024-04-01"), cv(C[0], VISIT.fireSeksMaaneder, "2024-07-01"), cv(C[0], VISIT.otteElleveMaaneder, "2024-11-07")]);
send("r-c2", "2024-02-08T10:00:00+01:00", [citizen(C[1], SOR_AARHUS), cv(C[1], VISIT.etablering, "2024-02-08")]);
send("r-c5", "2024-04-02T10:00:00+02:00", [citizen(C[4], SOR_AARHUS), cv(C[4], VISIT.etablering, "2024-02-10"), cv(C[4], VISIT.toMaaneder, "2024-04-01")]);
send("r-c5x", "2024-04-03T10:00:00+02:00", [citizen(C[4], SOR_AARHUS), cv(C[4], VISIT.toMaaneder, "2024-04-01", "entered-in-error")]);
send("r-c6", "2024-02-12T10:00:00+01:00", [citizen(C[5], SOR_AARHUS), cv(C[5], VISIT.etablering, "2024-02-11")]);
for (const c of C.slice(0, 5)) inRegister(c, c.id === "c4" ? "825" : "751");

// School year 2024/25: S1 school entry by video on 1 Oct 2024 (after 24 h); U2 school exit by video on 1 Mar 2025
// (after 1 h); S2 (entry cohort) and U1 (exit cohort) without examinations; X1 (not in the register) middle-school
// examination face to face, weight with a value, height without (unknown), reported after 96 h (late) — in 2025, and
// sent twice (the second is a duplicate receipt).
const S1 = person("s1", "2018-02-02"), S2 = person("s2", "2018-03-03"), U1 = person("u1", "2009-05-05"), U2 = person("u2", "2009-06-06"), X1 = person("x1", "2014-04-04");
const S_AT = "2024-10-01T09:00:00+02:00", U_AT = "2025-03-01T09:00:00+01:00", X_AT = "2025-03-03T09:00:00+01:00";
send("r-s1", hoursAfter(S_AT, 24), [citizen(S1, SOR_AARHUS), encounter("s1-v", "s1", VISIT.indskoling, S_AT, "finished", "VR")]);
send("r-u2", hoursAfter(U_AT, 1), [citizen(U2, SOR_AARHUS), encounter("u2-v", "u2", VISIT.udskoling, U_AT, "finished", "VR")]);
send("r-x1", hoursAfter(X_AT, 96), [citizen(X1, SOR_AARHUS), ...visit("x1-v", "x1", VISIT.mellemtrin, X_AT, { weight: "value", height: "absent:unknown" })]);
submissions.push(submissions.at(-1)!);
for (const c of [S1, S2, U1, U2]) inRegister(c);

// Rejected reports, reported in 2025: R1 (Aarhus) barsel HH without weight; R2 (Aarhus) without weight and
// nutrition; R3 (Læsø) without weight. R4 is not JSON at all: no SOR code, no timestamp → nation only, year of receipt.
const R = ["r1", "r2", "r3"].map((k) => person(k, "2025-01-20"));
const R_AT = "2025-01-25T10:00:00+01:00";
send("r-r1", "2025-02-01T10:00:00+01:00", [citizen(R[0], SOR_AARHUS), ...visit("r1-v", "r1", VISIT.barsel, R_AT, { relationship: "value", nutrition: "value" })]);
send("r-r2", "2025-02-02T10:00:00+01:00", [citizen(R[1], SOR_AARHUS), ...visit("r2-v", "r2", VISIT.barsel, R_AT, { relationship: "value" })]);
send("r-r3", "2025-02-03T10:00:00+01:00", [citizen(R[2], SOR_LAESOE), ...visit("r3-v", "r3", VISIT.barsel, R_AT, { relationship: "value", nutrition: "value" })]);
submissions.push("{ikke json");

// Birth cohort 2022, Læsø: L1's Barselsbesøg sends parent relationship (own observation) and weight (matched by day)
// twice each without a value, with different reasons: the latest of each counts (relationship: not-asked, an hour
// later than asked-declined; weight: asked-declined, two hours later than not-asked).
const L1 = person("l1", "2022-03-01");
const L_AT = "2022-03-05T10:00:00+01:00";
const [relationshipProfile, relationshipCode] = INDICATOR.relationship;
send("r-l1", hoursAfter(L_AT, 3), [
  citizen(L1, SOR_LAESOE), encounter("l1-v", "l1", VISIT.barsel, L_AT, "finished", "HH"),
  absent(indicatorObs("l1-rel-a", relationshipProfile, relationshipCode, "l1", L_AT, null, "l1-v"), "asked-declined"),
  absent(indicatorObs("l1-rel-b", relationshipProfile, relationshipCode, "l1", hoursAfter(L_AT, 1), null, "l1-v"), "not-asked"),
  absent(weight("l1-w-a", "l1", L_AT, null), "not-asked"),
  absent(weight("l1-w-b", "l1", hoursAfter(L_AT, 2), null), "asked-declined"),
  feeding("l1-n", "l1", L_AT, VALUE.fullBreastfeeding),
]);

// ---------------------------------------------------------------- run

let db: Awaited<ReturnType<typeof useAppDatabase>>;
const receipts = new Map<string, { outcome: string; rules: string[] }>();
/** The schema as the migrations made it, before the full refresh rebuilt the visit facts' table. */
let migratedCatalog: string[] = [];
const catalog = async () => {
  const c = await pool().connect();
  try {
    return await describeSchema(c);
  } finally {
    c.release();
  }
};

beforeAll(async () => {
  db = await useAppDatabase();
  await pool().query(`INSERT INTO organisation (sor_code, name, municipality_code, updated_at) VALUES ($1, 'Aarhus', '751', now()), ($2, 'Læsø', '825', now())`, [SOR_AARHUS, SOR_LAESOE]);
  const reg = await importRegister(pool(), "test.csv", [REGISTER_HEADER.join(";"), ...registerRows].join("\n"));
  expect(reg.problems).toEqual([]);
  for (const text of submissions) {
    const id = /"id":"(r-[a-z0-9]+)"/.exec(text)?.[1] ?? "json";
    const [r] = await storeReports(pool(), prepareSubmission(text, { channel: "cli" }).reports);
    receipts.set(receipts.has(id) ? `${id}-again` : id, { outcome: r.outcome, rules: r.issues.filter((i) => i.severity !== "information").map((i) => `${i.severity} ${i.details.coding[0].code}`) });
  }
  migratedCatalog = await catalog();
  await refreshIndicators(pool(), { all: true, quiet: true });
});
afterAll(async () => db.close());

type Row = { numerator: number; denominator: number; detail: Record<string, unknown> | null };
async function stored(measure: string, period: string, areaCode: string, visitType: string, item = ""): Promise<Row | undefined> {
  const r = await pool().query(
    `SELECT numerator, denominator, detail FROM completeness_result WHERE measure = $1 AND period = $2 AND area_code = $3 AND visit_type = $4 AND item = $5`,
    [measure, period, areaCode, visitType, item],
  );
  return r.rows[0];
}
const counts = async (...args: Parameters<typeof stored>) => {
  const r = await stored(...args);
  return r ? [r.numerator, r.denominator] : undefined;
};

const LEDER: Viewer = { kind: "user", id: 1, username: "leder", name: "Leder", role: "leder", municipalityCode: "751" };
const SUNDK: Viewer = { kind: "user", id: 2, username: "sundk", name: "SundK", role: "sundk", municipalityCode: null };
const POLITIKER: Viewer = { kind: "user", id: 3, username: "politiker", name: "Politiker", role: "politiker", municipalityCode: "751" };
const PLEJERSKE: Viewer = { kind: "user", id: 4, username: "sp", name: "Sundhedsplejerske", role: "sundhedsplejerske", municipalityCode: "751" };

describe("the fixtures go through the receiver as intended", () => {
  it("accepts the visits, warns about the intended observations, rejects R1–R4", () => {
    expect(receipts.get("r-m2")).toEqual({ outcome: "accepted", rules: ["warning ldbu-intended-motor-function", "warning ldbu-intended-parent-relationship"] });
    for (const id of ["r-l1", "r-b1", "r-b2", "r-b3", "r-b4", "r-b5", "r-b6", "r-b6x", "r-m1", "r-m3", "r-g1", "r-k1", "r-t1", "r-c1", "r-x1", "r-s1", "r-u2"])
      expect(receipts.get(id)?.outcome, `${id} ${receipts.get(id)?.rules}`).toBe("accepted");
    expect(receipts.get("r-x1-again")?.outcome).toBe("duplicate");
    expect(receipts.get("r-r1")).toEqual({ outcome: "rejected", rules: ["error gateway-children-report-weight"] });
    expect(receipts.get("r-r2")?.rules.toSorted()).toEqual(["error gateway-children-report-nutrition", "error gateway-children-report-weight"]);
    expect(receipts.get("json")?.outcome).toBe("rejected");
  });
});

describe("variable completeness (birth cohort 2023)", () => {
  const BARSEL = VISIT.barsel, M811 = VISIT.otteElleveMaaneder;
  it("Barselsbesøg in Aarhus: 3 face-to-face visits (B4 by video and the retracted B6 do not count)", async () => {
    // relationship: value B1; without value B2 (unknown); missing B3 (dated another day)
    expect(await stored("variable", "2023", "751", BARSEL, "relationship")).toEqual({ numerator: 1, denominator: 3, detail: { visits: 3, absent: 1, missing: 1, reasons: { unknown: 1 } } });
    // weight: value B1, B3 (unlinked, same day); without value B2 (not-asked)
    expect(await stored("variable", "2023", "751", BARSEL, "weight")).toEqual({ numerator: 2, denominator: 3, detail: { visits: 3, absent: 1, missing: 0, reasons: { "not-asked": 1 } } });
    expect(await stored("variable", "2023", "751", BARSEL, "nutrition")).toEqual({ numerator: 3, denominator: 3, detail: { visits: 3, absent: 0, missing: 0, reasons: {} } });
    // all slots: 3 visits × 3 observations = 9; with a value 1 + 2 + 3 = 6; absent 2; missing 1
    expect(await stored("variable", "2023", "751", BARSEL)).toEqual({ numerator: 6, denominator: 9, detail: { visits: 3, absent: 2, missing: 1 } });
  });

  it("an item sent several times without a value counts with its latest reason, of the visit's own observations and of the day's", async () => {
    const r = await pool().query(`SELECT missing, absent FROM completeness_visit WHERE encounter_id = 'l1-v'`);
    expect(r.rows).toEqual([{ missing: [], absent: ["relationship:not-asked", "weight:asked-declined"] }]);
  });
  it("8–11 months in Aarhus: the intended observations M2 left out count as missing", async () => {
    expect(await counts("variable", "2023", "751", M811, "motor")).toEqual([2, 3]);
    expect((await stored("variable", "2023", "751", M811, "motor"))?.detail).toMatchObject({ missing: 1, absent: 0 });
    expect((await stored("variable", "2023", "751", M811, "relationship"))?.detail).toMatchObject({ missing: 1, absent: 0 });
    expect(await stored("variable", "2023", "751", M811, "sleep")).toEqual({ numerator: 2, denominator: 3, detail: { visits: 3, absent: 1, missing: 0, reasons: { "asked-declined": 1 } } });
    expect(await counts("variable", "2023", "751", M811, "head")).toEqual([3, 3]);
    // 3 visits × 9 = 27 slots; with a value 3+2+3+3+3+3+3+2+2 = 24; absent 1 (sleep); missing 2 (M2's two)
    expect(await stored("variable", "2023", "751", M811)).toEqual({ numerator: 24, denominator: 27, detail: { visits: 3, absent: 1, missing: 2 } });
  });

  it("parent observations count for the visit: pregnancy visit (period = the child's cohort) and the 2-month visit", async () => {
    // G1: mental state linked, social status same day unlinked, network another day → 2 of 3, network missing
    expect(await counts("variable", "2023", "751", VISIT.graviditet, "network")).toEqual([0, 1]);
    expect(await stored("variable", "2023", "751", VISIT.graviditet)).toEqual({ numerator: 2, denominator: 3, detail: { visits: 1, absent: 0, missing: 1 } });
    expect(await stored("variable", "2022", "751", VISIT.graviditet)).toBeUndefined();
    // T1: the parent's mental state (about P2, no encounter reference, same day) belongs to the child's visit: 10 of 10
    expect(await counts("variable", "2023", "751", VISIT.toMaaneder, "parentMental")).toEqual([1, 1]);
    expect(await counts("variable", "2023", "751", VISIT.toMaaneder)).toEqual([10, 10]);
  });

  it("all infant visits: Aarhus 42 of 49 slots; Læsø 3 of 3; region = municipality; nation = sum", async () => {
    // slots 9 + 27 + 3 + 10 = 49; value 6 + 24 + 2 + 10 = 42; absent 2 + 1 = 3; missing 1 + 2 + 1 = 4; visits 3 + 3 + 1 + 1 = 8
    expect(await stored("variable", "2023", "751", "")).toEqual({ numerator: 42, denominator: 49, detail: { visits: 8, absent: 3, missing: 4 } });
    expect(await counts("variable", "2023", "825", BARSEL)).toEqual([3, 3]);
    expect(await counts("variable", "2023", "1082", "")).toEqual([42, 49]);
    expect(await counts("variable", "2023", "1081", "")).toEqual([3, 3]);
    expect(await stored("variable", "2023", "DK", BARSEL, "relationship")).toEqual({ numerator: 2, denominator: 4, detail: { visits: 4, absent: 1, missing: 1, reasons: { unknown: 1 } } });
    expect(await counts("variable", "2023", "DK", "")).toEqual([45, 52]);
  });
});

describe("timeliness (report time − visit start, within 48 hours)", () => {
  it("Barselsbesøg in Aarhus: 2, 47, 49 and 720 hours → 2 of 4 in time, median 48 h", async () => {
    expect(await stored("timeliness", "2023", "751", VISIT.barsel)).toEqual({ numerator: 2, denominator: 4, detail: { medianHours: 48 } });
  });
  it("all infant visits in Aarhus: 1, 2, 24, 47, 48, 49, 72, 240, 720 h → 5 of 9, median 48 h; nation adds Læsø's 5 h → 6 of 10, median 47.5 h", async () => {
    expect(await stored("timeliness", "2023", "751", "")).toEqual({ numerator: 5, denominator: 9, detail: { medianHours: 48 } });
    expect(await stored("timeliness", "2023", "DK", "")).toEqual({ numerator: 6, denominator: 10, detail: { medianHours: 47.5 } });
  });
  it("school year 2024/25 in Aarhus: 24 h, 96 h and 1 h → 2 of 3, median 24 h", async () => {
    expect(await stored("timeliness", "2024/25", "751", "")).toEqual({ numerator: 2, denominator: 3, detail: { medianHours: 24 } });
    expect(await stored("variable", "2024/25", "751", VISIT.mellemtrin, "height")).toEqual({ numerator: 0, denominator: 1, detail: { visits: 1, absent: 1, missing: 0, reasons: { unknown: 1 } } });
    expect(await counts("variable", "2024/25", "751", VISIT.indskoling)).toEqual([0, 0]); // by video: nothing to check
  });
});

describe("coverage against the register population", () => {
  it("birth cohort 2024: Aarhus 4 children (C1, C2, C3, C5), Læsø 1 (C4); C6 is not in the register", async () => {
    expect(await counts("coverage", "2024", "751", "")).toEqual([3, 4]); // C1, C2, C5 reported
    expect(await counts("coverage", "2024", "751", VISIT.etablering)).toEqual([3, 4]);
    expect(await counts("coverage", "2024", "751", VISIT.toMaaneder)).toEqual([1, 4]); // C5's is retracted
    expect(await counts("coverage", "2024", "751", VISIT.fireSeksMaaneder)).toEqual([1, 4]);
    expect(await counts("coverage", "2024", "751", VISIT.otteElleveMaaneder)).toEqual([1, 4]);
    expect(await counts("coverage", "2024", "825", "")).toEqual([0, 1]);
    expect(await counts("coverage", "2024", "DK", "")).toEqual([3, 5]);
    expect(await counts("coverage", "2024", "751", VISIT.barsel)).toBeUndefined(); // offered by need: no coverage
  });
  it("school year 2024/25: school entry 1 of 2 (S1), school exit 1 of 2 (U2)", async () => {
    expect(await counts("coverage", "2024/25", "751", VISIT.indskoling)).toEqual([1, 2]);
    expect(await counts("coverage", "2024/25", "751", VISIT.udskoling)).toEqual([1, 2]);
  });
});

describe("validity of the receipts by year reported", () => {
  it("2025: Aarhus 2 rejected of 5 (U2, X1, its duplicate, R1, R2), Læsø 1 of 1, nation 3 of 6", async () => {
    expect(await counts("validity", "2025", "751", "")).toEqual([2, 5]);
    expect(await counts("validity", "2025", "825", "")).toEqual([1, 1]);
    expect(await counts("validity", "2025", "DK", "")).toEqual([3, 6]);
  });
  it("rejection causes: weight in 2 of Aarhus' 2, nutrition in 1; nation weight 3 of 3", async () => {
    expect(await counts("rejection_rule", "2025", "751", "", "gateway-children-report-weight")).toEqual([2, 2]);
    expect(await counts("rejection_rule", "2025", "751", "", "gateway-children-report-nutrition")).toEqual([1, 2]);
    expect(await counts("rejection_rule", "2025", "DK", "", "gateway-children-report-weight")).toEqual([3, 3]);
  });
  it("the report that is not JSON has no SOR code and no timestamp: nation only, in the year received", async () => {
    const year = String(new Date().getFullYear());
    expect(await counts("validity", year, "DK", "")).toEqual([1, 1]);
    expect(await counts("rejection_rule", year, "DK", "", "ldbu-json")).toEqual([1, 1]);
    expect(await counts("validity", year, "751", "")).toBeUndefined();
  });
});

describe("what viewers see", () => {
  it("other municipalities' small figures are suppressed; the own municipality and SundK see everything", async () => {
    const q = { year: 2023, measure: "variabler" as const, region: null, sort: "navn", dir: "stigende" as const, municipality: null };
    const mine = await completenessData(POLITIKER, q);
    const col = mine.heatmap!.columns.findIndex((c) => c.key === "barsel");
    const cell = (d: typeof mine, code: string) => d.heatmap!.municipalities.find((m) => m.code === code)!.cells[col];
    expect(cell(mine, "751")).toEqual({ state: "ok", numerator: 6, denominator: 9, value: 6 / 9 });
    expect(cell(mine, "825")).toEqual({ state: "suppressed", numerator: null, denominator: null, value: null });
    expect(mine.heatmap!.municipalities.find((m) => m.code === "751")!.own).toBe(true);
    const all = await completenessData(SUNDK, q);
    expect(cell(all, "825")).toEqual({ state: "ok", numerator: 3, denominator: 3, value: 1 });
    expect(cell(all, "101")).toMatchObject({ state: "no-data" });
  });

  it("the drill-down shows each observation with value / without value by reason / missing", async () => {
    const d = await completenessData(LEDER, { year: 2023, measure: "daekning", region: null, sort: "navn", dir: "stigende", municipality: "751" });
    const barsel = d.detail!.visits.find((v) => v.visit === VISIT.barsel)!;
    const weightItem = barsel.items.find((i) => i.item === "weight")!;
    expect(weightItem.value).toMatchObject({ numerator: 2, denominator: 3 });
    expect(weightItem.reasons).toEqual([{ reason: "not-asked", label: "Ikke spurgt", figure: { state: "ok", numerator: 1, denominator: 3, value: 1 / 3 } }]);
    const motor = d.detail!.visits.find((v) => v.visit === VISIT.otteElleveMaaneder)!.items.find((i) => i.item === "motor")!;
    expect(motor).toMatchObject({ enforced: false, rule: "ldbu-intended-motor-function", missing: { numerator: 1 } });
    expect(d.detail!.trend.map((t) => t.year)).toEqual(expect.arrayContaining([2023, 2024, 2025]));
  });

  it("warns when the coverage behind an indicator is below SundK's threshold (default 90 %)", async () => {
    const w = await coverageWarning(LEDER, { indicatorId: "LDBU-09", period: "2024", areaLevel: "municipality", areaCode: "751" });
    expect(w).toMatchObject({ below: true, threshold: 0.9, coverage: { numerator: 3, denominator: 4 } });
    expect(w.text).toContain("75,0 %");
    const motorVisit = await coverageWarning(LEDER, { indicatorId: "LDBU-07", period: "2024", areaLevel: "municipality", areaCode: "751" });
    expect(motorVisit).toMatchObject({ below: true, coverage: { numerator: 1, denominator: 4 } });
    await pool().query(`INSERT INTO setting (key, value, updated_at) VALUES ('coverage_warning_threshold', '0.7', now())`);
    expect(await coverageWarning(LEDER, { indicatorId: "LDBU-09", period: "2024", areaLevel: "municipality", areaCode: "751" })).toMatchObject({ below: false, text: null, threshold: 0.7 });
    await pool().query(`DELETE FROM setting WHERE key = 'coverage_warning_threshold'`);
  });

  it("shows the warning on Sammenlign kommuner and Kommuneprofil", async () => {
    const compare = await compareData(LEDER, { indicatorId: "LDBU-09", period: "2024", breakdown: "all", region: null });
    expect(compare.coverageWarnings.find((w) => w.areaCode === "751")?.text).toContain("75,0 %");
    const profile = (await profileData(LEDER, "751"))!;
    const warned = profile.rows.filter((r) => r.coverageWarning !== null);
    expect(warned.length).toBeGreaterThan(0);
    for (const r of profile.rows) {
      const w = r.period === null ? null : await coverageWarning(LEDER, { indicatorId: r.indicatorId, period: r.period, areaLevel: "municipality", areaCode: "751" });
      expect(r.coverageWarning, r.indicatorId).toBe(w?.text ?? null);
    }
  });
});

describe("the Fejlliste", () => {
  const q = { municipality: "751", year: null, visit: null, rule: null, page: 1 };
  it("lists Aarhus' rejected reports with the problems in Danish", async () => {
    const w = await worklist(LEDER, { ...q, view: "afviste" });
    expect(w.rejected.map((r) => r.bundleId)).toEqual(["r-r2", "r-r1"]);
    expect(w.rejected[1].issues).toEqual([expect.objectContaining({ severity: "error", rule: "gateway-children-report-weight", text: expect.stringContaining("vægt") })]);
    expect(w.rules.map((r) => [r.rule, r.count])).toEqual([["gateway-children-report-weight", 2], ["gateway-children-report-nutrition", 1]]);
    expect((await worklist(LEDER, { ...q, view: "afviste", rule: "gateway-children-report-nutrition" })).rejected.map((r) => r.bundleId)).toEqual(["r-r2"]);
  });
  it("lists visits with missing mandatory observations, and late reports, with report and encounter ids", async () => {
    const missing = await worklist(LEDER, { ...q, view: "mangler" });
    expect(missing.visits.map((v) => [v.encounterId, v.bundleId, v.missing.map((m) => m.item)])).toEqual([
      ["m2-v", "r-m2", ["motor", "relationship"]],
      ["b3-v", "r-b3", ["relationship"]],
      ["g1-v", "r-g1", ["network"]],
    ]);
    expect(missing.visits[0].missing.every((m) => !m.enforced)).toBe(true);
    const late = await worklist(LEDER, { ...q, view: "sene" });
    // newest visit first: X1 (96 h), C1's 4–6-month, 2-month and establishment visits and C5's establishment visit
    // (reported weeks later), M2 (72 h), B3 (49 h), B4 (720 h), G1 (240 h)
    expect(late.visits.map((v) => v.encounterId)).toEqual(["x1-v", "c1-58ff", "c1-51f3", "c5-b4bf", "c1-b4bf", "m2-v", "b3-v", "b4-v", "g1-v"]);
    expect(late.visits.find((v) => v.encounterId === "b4-v")!.delayHours).toBe(720);
    // year 2024: birth cohort 2024 and school year 2024/25
    expect((await worklist(LEDER, { ...q, view: "sene", year: 2024 })).visits.map((v) => v.encounterId)).toEqual(["x1-v", "c1-58ff", "c1-51f3", "c5-b4bf", "c1-b4bf"]);
    expect(JSON.stringify([missing, late])).not.toMatch(/\d{10}/); // no CPR-like numbers
  });
  it("is refused outside the viewer's scope; SundK sees any municipality and the unplaceable reports", async () => {
    await expect(worklist(LEDER, { ...q, municipality: "825", view: "afviste" })).rejects.toBeInstanceOf(WorklistDenied);
    await expect(worklist(PLEJERSKE, { ...q, view: "afviste" })).rejects.toBeInstanceOf(WorklistDenied);
    await expect(worklist(POLITIKER, { ...q, view: "afviste" })).rejects.toBeInstanceOf(WorklistDenied);
    expect((await worklist(SUNDK, { ...q, municipality: "825", view: "afviste" })).rejected.map((r) => r.bundleId)).toEqual(["r-r3"]);
    const unknown = await worklist(SUNDK, { ...q, municipality: "ukendt", view: "afviste" });
    expect(unknown.rejected).toHaveLength(1);
    expect(unknown.rejected[0].issues[0].rule).toBe("ldbu-json");
  });
});

describe("incremental refresh", () => {
  it("a full refresh rebuilds the visit facts' table exactly as the migrations made it", async () => {
    expect(await catalog()).toEqual(migratedCatalog);
    expect(migratedCatalog.filter((l) => l.includes("completeness_visit")).length).toBeGreaterThan(10);
    expect((await pool().query(`SELECT count(*)::int AS n FROM completeness_visit`)).rows[0].n).toBeGreaterThan(10);
  });

  it("recomputes only what a correction touches and agrees with a full refresh", async () => {
    // M2's motor function is sent afterwards (same day as the visit, no encounter reference): no longer missing.
    const fix = report("r-m2-fix", "2023-11-01T10:00:00+01:00", [citizen(M[1], SOR_AARHUS), indicatorObs("m2-motor", ...INDICATOR.motor.slice(0, 2) as [string, string], "m2", M_AT, VALUE.motorNormal)]);
    const [r] = await storeReports(pool(), prepareSubmission(JSON.stringify(fix), { channel: "cli" }).reports);
    expect(r.outcome).toBe("accepted");
    const versions = async () => new Map((await pool().query(`SELECT period, computed_at FROM completeness_result WHERE measure = 'version'`)).rows.map((x) => [x.period, x.computed_at.getTime()]));
    const before = await versions();
    await refreshIndicators(pool(), { quiet: true });
    const after = await versions();
    // only birth cohort 2023 changed (M2's visit, and the new receipt reported in 2023); no empty periods appear
    expect([...after.keys()].toSorted()).toEqual([...before.keys()].toSorted());
    expect([...after].filter(([p, v]) => before.get(p) !== v).map(([p]) => p)).toEqual(["2023"]);
    expect((await stored("variable", "2023", "751", VISIT.otteElleveMaaneder, "motor"))?.detail).toMatchObject({ missing: 0 });
    expect(await counts("variable", "2023", "751", VISIT.otteElleveMaaneder)).toEqual([25, 27]);
    const snapshot = async () =>
      (await pool().query(`SELECT measure, period, area_level, area_code, visit_type, item, numerator, denominator, value, detail FROM completeness_result WHERE measure NOT IN ('version', 'state') ORDER BY 1, 2, 3, 4, 5, 6`)).rows;
    const incremental = await snapshot();
    // the visit groups changed by difference are what building them from all the facts gives (delays in any order)
    const groups = async () => ({
      visits: (await pool().query(`SELECT period, visit_type, sor_code, visits, timely, face_to_face, delays FROM completeness_visit_group ORDER BY 1, 2, 3`)).rows.map(
        (g) => ({ ...g, delays: [...delaysFromBytes(g.delays)].sort((a, b) => a - b) }),
      ),
      items: (await pool().query(`SELECT * FROM completeness_item_group ORDER BY 1, 2, 3, 4, 5`)).rows,
    });
    const changedGroups = await groups();
    expect(changedGroups.items.find((g) => g.period === "2023" && g.visit_type === VISIT.otteElleveMaaneder && g.sor_code === SOR_AARHUS && g.item === "motor" && g.reason === "")).toBeUndefined();
    await refreshIndicators(pool(), { all: true, quiet: true });
    expect(await snapshot()).toEqual(incremental);
    expect(await groups()).toEqual(changedGroups);
  });

  it("recounts validity for the days with new receipts only, and agrees with a full refresh", async () => {
    // R5 (Aarhus) is rejected like R1 and reported on R1's day, which is counted already; R6 (Læsø) like R3, on a day
    // without receipts. Aarhus 2025: 3 rejected of 6 (was 2 of 5); Læsø 2 of 2; nation 5 of 8; weight causes 5.
    const [r5, r6] = ["r5", "r6"].map((k) => person(k, "2025-01-20"));
    const reject = (bundle: string, at: string, who: Person, sor: string, key: string) =>
      report(bundle, at, [citizen(who, sor), ...visit(`${key}-v`, key, VISIT.barsel, R_AT, { relationship: "value", nutrition: "value" })]);
    for (const r of [reject("r-r5", "2025-02-01T15:00:00+01:00", r5, SOR_AARHUS, "r5"), reject("r-r6", "2025-04-10T10:00:00+02:00", r6, SOR_LAESOE, "r6")]) {
      const [stored] = await storeReports(pool(), prepareSubmission(JSON.stringify(r), { channel: "cli" }).reports);
      expect(stored.outcome).toBe("rejected");
    }
    const days = async () => (await pool().query(`SELECT day::text, sor_code, receipts, rejected FROM completeness_receipt_day ORDER BY 1, 2`)).rows;
    const before = await days();
    await refreshIndicators(pool(), { quiet: true });
    expect(await counts("validity", "2025", "751", "")).toEqual([3, 6]);
    expect(await counts("validity", "2025", "825", "")).toEqual([2, 2]);
    expect(await counts("validity", "2025", "DK", "")).toEqual([5, 8]);
    expect(await counts("rejection_rule", "2025", "DK", "", "gateway-children-report-weight")).toEqual([5, 5]);
    // only R1's day changed, and R6's was added
    const after = await days();
    const changed = after.filter((a) => !before.some((b) => JSON.stringify(b) === JSON.stringify(a))).map((a) => a.day);
    expect(changed).toEqual(["2025-02-01", "2025-04-10"]);
    const validity = async () =>
      (await pool().query(`SELECT measure, period, area_level, area_code, item, numerator, denominator, value FROM completeness_result WHERE measure IN ('validity', 'rejection_rule') ORDER BY 1, 2, 3, 4, 5`)).rows;
    const incremental = await validity();
    await refreshIndicators(pool(), { all: true, quiet: true });
    expect(await validity()).toEqual(incremental);
    expect(await days()).toEqual(after);
    // a database migrated from before the day counts: its next refresh, even without new receipts, counts every year
    await pool().query(`TRUNCATE completeness_receipt_day, completeness_receipt_rule`);
    await refreshIndicators(pool(), { quiet: true });
    expect(await days()).toEqual(after);
  });
});

describe("coverage kept per child", () => {
  it("an incremental refresh replaces the touched children's rows only, and agrees with a full refresh", async () => {
    const children = async () =>
      (await pool().query(`SELECT period, citizen_id::text AS id, municipality_code, reported, visit_types, xmin::text AS version FROM completeness_coverage_child ORDER BY 1, 2`)).rows;
    const before = await children();
    expect(before.filter((c) => c.period === "2024")).toHaveLength(5); // C1–C5, the register children of 2024
    // C3 (Aarhus, never reported until now) gets its establishment and 2-month visits
    const late = report("r-c3", "2024-06-01T10:00:00+02:00", [citizen(C[2], SOR_AARHUS), cv(C[2], VISIT.etablering, "2024-02-09"), cv(C[2], VISIT.toMaaneder, "2024-04-03")]);
    const [r] = await storeReports(pool(), prepareSubmission(JSON.stringify(late), { channel: "cli" }).reports);
    expect(r.outcome).toBe("accepted");
    await refreshIndicators(pool(), { quiet: true });
    // Aarhus: C1, C2, C3, C5 reported (was 3 of 4); establishment C1, C2, C3, C5; 2 months C1 and C3
    expect(await counts("coverage", "2024", "751", "")).toEqual([4, 4]);
    expect(await counts("coverage", "2024", "751", VISIT.etablering)).toEqual([4, 4]);
    expect(await counts("coverage", "2024", "751", VISIT.toMaaneder)).toEqual([2, 4]);
    expect(await counts("coverage", "2024", "DK", "")).toEqual([4, 5]);
    const after = await children();
    // C3's row was written anew; every other row is the very row version it was (not recomputed)
    const rewritten = after.filter((a) => !before.some((b) => b.id === a.id && b.period === a.period && b.version === a.version));
    expect(rewritten.map((c) => [c.period, c.municipality_code, c.reported, c.visit_types])).toEqual([["2024", "751", true, [VISIT.etablering, VISIT.toMaaneder].toSorted()]]);
    expect(after).toHaveLength(before.length);
    const coverage = async () =>
      (await pool().query(`SELECT period, area_level, area_code, visit_type, numerator, denominator, value FROM completeness_result WHERE measure = 'coverage' ORDER BY 1, 2, 3, 4`)).rows;
    const incremental = await coverage();
    const withoutVersion = (rows: Awaited<ReturnType<typeof children>>) => rows.map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== "version")));
    await refreshIndicators(pool(), { all: true, quiet: true });
    expect(await coverage()).toEqual(incremental);
    expect(withoutVersion(await children())).toEqual(withoutVersion(after));
  });
});

describe("writing a period's rows", () => {
  it("deletes, changes and adds only the rows that differ, and renews the period's version", async () => {
    const row = (areaCode: string, numerator: number, detail: Record<string, number> | null = null): CompletenessRow => ({
      measure: "coverage", period: "1999", areaLevel: "municipality", areaCode, visitType: "", item: "", numerator, denominator: 10, value: numerator / 10, detail,
    });
    const write = (rows: CompletenessRow[]) => withTransaction(pool(), (c) => writePeriod(c, "1999", ["coverage"], rows));
    const stored = async () =>
      (await pool().query(`SELECT id::text, measure, area_code, numerator, detail, computed_at FROM completeness_result WHERE period = '1999' ORDER BY measure, area_code`)).rows;
    await write([row("101", 1), row("147", 2, { a: 1, b: 2 }), row("151", 3)]);
    const first = await stored();
    expect(first.map((r) => [r.measure, r.area_code, r.numerator])).toEqual([["coverage", "101", 1], ["coverage", "147", 2], ["coverage", "151", 3], ["version", "DK", 0]]);
    await new Promise((r) => setTimeout(r, 5)); // a later computed_at
    // 101 gone, 147 the same (its detail given in another key order), 151 changed, 153 new
    await write([row("147", 2, { b: 2, a: 1 }), row("151", 4), row("153", 5)]);
    const second = await stored();
    expect(second.map((r) => [r.measure, r.area_code, r.numerator])).toEqual([["coverage", "147", 2], ["coverage", "151", 4], ["coverage", "153", 5], ["version", "DK", 0]]);
    const byArea = (rows: typeof first, area: string) => rows.find((r) => r.measure === "coverage" && r.area_code === area)!;
    expect(byArea(second, "147")).toEqual(byArea(first, "147")); // not written at all
    expect(byArea(second, "151").id).toBe(byArea(first, "151").id);
    expect(byArea(second, "151").computed_at.getTime()).toBeGreaterThan(byArea(first, "151").computed_at.getTime());
    expect(second.at(-1)!.computed_at.getTime()).toBeGreaterThan(first.at(-1)!.computed_at.getTime());
    // a period left without rows disappears, version and all
    await write([]);
    expect(await stored()).toEqual([]);
  });
});
