/**
 * The annual-report workflow (lib/aarsrapport/workflow.ts) against a real PostgreSQL, on hand-built delivery reports
 * through the real ingest (LDBU-01 weight loss, birth cohort 2024; the figures are worked out beside the children):
 * every step, who may take it, the hearing deadline, the database's immutability of published reports (direct SQL),
 * new data after publishing, and correction versions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hearingRows } from "@/lib/aarsrapport/hearing";
import { publishedComments, publishedReport } from "@/lib/aarsrapport/published";
import { listReports, reportDetail } from "@/lib/aarsrapport/reports";
import { danishDate, WorkflowError } from "@/lib/aarsrapport/rules";
import type { Snapshot } from "@/lib/aarsrapport/snapshot";
import {
  changeDeadline, createCorrection, createReport, discardDraft, endHearing, publish, saveCommentary, saveHearingComment, saveSummary, startHearing,
} from "@/lib/aarsrapport/workflow";
import { ANONYMOUS, type Role, type Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";
import { CATALOG_VERSION } from "@/lib/indicators/catalog";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { storeReports } from "@/lib/ingest/store";
import { prepareSubmission } from "@/lib/ingest/submission";
import { importRegister } from "@/lib/register/import";
import { REGISTER_HEADER } from "@/lib/register/parse";
import { storeReport } from "./helpers/annual-report";
import { useAppDatabase } from "./helpers/app-db";
import { citizen, encounter, report, weight, SOR_AARHUS, SOR_LAESOE, VISIT } from "./helpers/reports";

const BIRTH = "2024-03-01";
const DAY3 = "2024-03-04";
let serial = 0;
let sent = 0;

/** A child born 1 March 2024 with a register birth weight of 3500 g and one visit with a weight on day 3 (≥ 10 % loss at ≤ 3150 g). */
async function ingestChild(sor: string, kommune: string, grams: number) {
  serial++;
  const cpr = `010324${4}${String(serial).padStart(2, "0")}${serial % 2}`;
  const id = `c${serial}`;
  const reg = await importRegister(pool(), `r${serial}.csv`, [REGISTER_HEADER.join(";"), [cpr, BIRTH, serial % 2 ? "M" : "K", 3500, 280, 1, kommune, "grundskole"].join(";")].join("\n"));
  expect(reg.problems).toEqual([]);
  const bundle = report(`b${++sent}`, new Date(Date.UTC(2025, 0, 1, 0, sent)).toISOString(), [citizen({ id, cpr }, sor), encounter(`${id}-e`, id, VISIT.etablering, `${DAY3}T10:00:00Z`), weight(`${id}-w`, id, DAY3, grams)]);
  const [stored] = await storeReports(pool(), prepareSubmission(JSON.stringify(bundle), { channel: "cli" }).reports);
  expect(stored.outcome).toBe("accepted");
}

/** The frozen (or live) LDBU-01 2024 headline of an area. */
const frozen = (s: Snapshot, areaCode: string) => s.results.find((r) => r.indicatorId === "LDBU-01" && r.areaCode === areaCode && r.breakdown === "all")!;
async function live(areaCode: string) {
  const r = await pool().query(`SELECT numerator, denominator FROM indicator_result WHERE indicator_id = 'LDBU-01' AND period = '2024' AND area_code = $1 AND breakdown = 'all'`, [areaCode]);
  return r.rows[0];
}

const users = new Map<string, Viewer>();
async function user(username: string, role: Role, municipalityCode: string | null): Promise<Viewer> {
  const { rows } = await pool().query(`INSERT INTO app_user (username, name, role, municipality_code, updated_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`, [username, `Navn ${username}`, role, municipalityCode]);
  const v: Viewer = { kind: "user", id: rows[0].id, username, name: `Navn ${username}`, role, municipalityCode };
  users.set(username, v);
  return v;
}

const inDays = (days: number) => danishDate(new Date(Date.now() + days * 86_400_000));
const refused = (p: Promise<unknown>, message: RegExp) => expect(p).rejects.toThrow(message);
const sqlRefused = (sql: string, params: unknown[] = []) => expect(pool().query(sql, params)).rejects.toThrow(/annual_report/);
const count = async (sql: string, params: unknown[] = []) => (await pool().query(sql, params)).rows[0].n as number;

let db: Awaited<ReturnType<typeof useAppDatabase>>;
let sundk: Viewer, leder: Viewer, lederLaesoe: Viewer, nurse: Viewer, politician: Viewer;
let reportId: number;

beforeAll(async () => {
  db = await useAppDatabase();
  await pool().query(`INSERT INTO organisation (sor_code, name, municipality_code, updated_at) VALUES ($1, 'Aarhus', '751', now()), ($2, 'Læsø', '825', now())`, [SOR_AARHUS, SOR_LAESOE]);
  sundk = await user("sundk", "sundk", null);
  leder = await user("leder", "leder", "751");
  lederLaesoe = await user("leder-laesoe", "leder", "825");
  nurse = await user("sundhedsplejerske", "sundhedsplejerske", "751");
  politician = await user("politiker", "politiker", "751");
  // Aarhus: 3 of 8 lost ≥ 10 % (3100 g); Læsø: 1 of 2.
  for (const g of [3100, 3100, 3100, 3400, 3400, 3400, 3400, 3400]) await ingestChild(SOR_AARHUS, "751", g);
  for (const g of [3100, 3400]) await ingestChild(SOR_LAESOE, "825", g);
  await refreshIndicators(pool(), { all: true, quiet: true });
}, 600_000);
afterAll(async () => db?.close());

describe("annual-report workflow", () => {
  it("lets only SundK create a report, and refuses a year without results", async () => {
    for (const v of [ANONYMOUS, leder, nurse, politician]) await refused(createReport(v, 2024), /Kun SundK/);
    await refused(createReport(sundk, 2019), /ingen resultater for 2019/);
    await refused(createReport(sundk, "tyve"), /Vælg et år/);
    expect(await count(`SELECT count(*)::int AS n FROM annual_report`)).toBe(0);
  });

  it("runs the pending refresh before freezing, so the cut-off includes every received report", async () => {
    await ingestChild(SOR_AARHUS, "751", 3100); // received, not yet refreshed: Aarhus 4 of 9
    expect(await live("751")).toEqual({ numerator: 3, denominator: 8 });
    const created = await createReport(sundk, 2024);
    reportId = created.id;
    expect(created.version).toBe(1);
    const detail = (await reportDetail(reportId))!;
    expect(detail.status).toBe("draft");
    expect(frozen(detail.snapshot, "751")).toMatchObject({ numerator: 4, denominator: 9 });
    expect(frozen(detail.snapshot, "825")).toMatchObject({ numerator: 1, denominator: 2 });
    expect(detail.snapshot.catalogVersion).toBe(CATALOG_VERSION);
    expect(new Date(detail.snapshot.dataCutoff).getTime()).toBe(detail.dataCutoff.getTime());
    expect(detail.events.map((e) => [e.step, e.username])).toEqual([["created", "sundk"]]);
    await refused(createReport(sundk, 2024), /allerede en årsrapport for 2024 under arbejde/);
    // the database also refuses a second open report of the year
    await sqlRefused(`INSERT INTO annual_report (year, version, snapshot, catalog_version, data_cutoff) VALUES (2024, 9, '{}', 'x', now())`);
    expect(await count(`SELECT count(*)::int AS n FROM audit_entry WHERE username = 'sundk' AND resource = 'aarsrapport'`)).toBe(1);
  });

  it("takes no hearing comments on a draft, and starts the hearing only by SundK with a future deadline", async () => {
    await refused(saveHearingComment(leder, reportId, "LDBU-01", "For tidligt"), /ikke sendt i høring/);
    await refused(startHearing(leder, reportId, inDays(14)), /Kun SundK/);
    await refused(startHearing(sundk, reportId, inDays(-1)), /fremtiden/);
    await refused(startHearing(sundk, reportId, "i morgen"), /høringsfrist/);
    await startHearing(sundk, reportId, inDays(14));
    const detail = (await reportDetail(reportId))!;
    expect(detail.status).toBe("hearing");
    expect(danishDate(detail.hearingDeadline!)).toBe(inDays(14));
    await refused(startHearing(sundk, reportId, inDays(14)), /allerede i høring/);
  });

  it("lets a leder write, edit and delete their own municipality's comment, and nobody else", async () => {
    expect(await saveHearingComment(leder, reportId, "LDBU-01", "  Vi har indført ekstra vejning på dag 5.  ")).toBe("saved");
    expect(await saveHearingComment(leder, reportId, "LDBU-01", "Vi har indført ekstra vejning på dag 5 og 10.")).toBe("saved");
    expect(await saveHearingComment(leder, reportId, "LDBU-02", "Slettes igen")).toBe("saved");
    expect(await saveHearingComment(leder, reportId, "LDBU-02", "   ")).toBe("deleted");
    expect(await saveHearingComment(lederLaesoe, reportId, "LDBU-01", "Små tal på Læsø.")).toBe("saved");
    for (const v of [ANONYMOUS, nurse, politician, sundk]) await refused(saveHearingComment(v, reportId, "LDBU-01", "Nej"), /Kun lederen af sundhedsplejen/);
    await refused(saveHearingComment(leder, reportId, "LDBU-99", "Ukendt"), /Indikatoren findes ikke/);
    await refused(saveHearingComment(leder, reportId, "drop table", "Ukendt"), /Ukendt indikator/);
    await refused(saveHearingComment(leder, reportId, "LDBU-01", "x".repeat(4001)), /må højst være 4\.000 tegn/);
    await refused(saveHearingComment(leder, 999_999, "LDBU-01", "Hvilken?"), /findes ikke/);
    const comments = (await reportDetail(reportId))!.comments;
    expect(comments.map((c) => [c.indicatorId, c.municipalityCode, c.text])).toEqual([
      ["LDBU-01", "751", "Vi har indført ekstra vejning på dag 5 og 10."],
      ["LDBU-01", "825", "Små tal på Læsø."],
    ]);
    const steps = (await reportDetail(reportId))!.events.filter((e) => e.username === "leder").map((e) => [e.step, e.note]);
    expect(steps).toEqual([
      ["hearing-comment", "LDBU-01, kommune 751"],
      ["hearing-comment", "LDBU-01, kommune 751"],
      ["hearing-comment", "LDBU-02, kommune 751"],
      ["hearing-comment-deleted", "LDBU-02, kommune 751"],
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM audit_entry WHERE username = 'leder' AND action = 'comment' AND municipality_code = '751'`)).toBe(4);
    expect((await listReports())[0].commentingMunicipalities).toBe(2);
  });

  it("shows a leder their own municipality's frozen figures unsuppressed and everything else suppressed", async () => {
    const { snapshot } = (await reportDetail(reportId))!;
    const ldbu01 = (rows: Awaited<ReturnType<typeof hearingRows>>) => rows.find((r) => r.indicator.id === "LDBU-01")!;
    const own = ldbu01(await hearingRows(leder, snapshot, "751"));
    expect(own.municipality).toMatchObject({ state: "ok", numerator: 4, denominator: 9 });
    const small = (n: number | null) => n !== null && n > 0 && n < 5;
    for (const c of [own.region, own.nation]) expect(small(c?.numerator ?? null) || small(c?.denominator ?? null)).toBe(false);
    expect(ldbu01(await hearingRows(lederLaesoe, snapshot, "825")).municipality).toMatchObject({ state: "ok", numerator: 1, denominator: 2 });
    // without the hearing entitlement the same small figure is suppressed
    expect(ldbu01(await hearingRows(nurse, snapshot, "751")).municipality).toMatchObject({ state: "suppressed", numerator: null });
  });

  it("closes the hearing at the deadline: comments are refused by the workflow and by the database", async () => {
    await pool().query(`UPDATE annual_report SET hearing_deadline = now() - interval '1 minute' WHERE id = $1`, [reportId]);
    await refused(saveHearingComment(leder, reportId, "LDBU-01", "For sent"), /Høringsfristen er udløbet/);
    await refused(saveHearingComment(leder, reportId, "LDBU-01", ""), /Høringsfristen er udløbet/);
    await sqlRefused(`UPDATE annual_report_comment SET text = 'For sent' WHERE report_id = $1 AND municipality_code = '751'`, [reportId]);
    await sqlRefused(`DELETE FROM annual_report_comment WHERE report_id = $1 AND municipality_code = '751'`, [reportId]);
    await refused(endHearing(sundk, reportId), /ikke åben/);
    // SundK reopens by moving the deadline, then ends the hearing early
    await changeDeadline(sundk, reportId, inDays(3));
    expect(await saveHearingComment(leder, reportId, "LDBU-05", "Amning: nyt tilbud fra 2025.")).toBe("saved");
    await refused(publish(sundk, reportId), /Høringen er ikke afsluttet/);
    await endHearing(sundk, reportId);
    await refused(saveHearingComment(leder, reportId, "LDBU-05", "Efter afslutning"), /Høringsfristen er udløbet/);
  });

  it("takes SundK's commentary and summary (SundK only) and publishes", async () => {
    await refused(saveCommentary(leder, reportId, "LDBU-01", "Ikke min"), /Kun SundK/);
    expect(await saveCommentary(sundk, reportId, "LDBU-01", "Vægttabet er faldet i de fleste kommuner.")).toBe("commentary");
    expect(await saveCommentary(sundk, reportId, "LDBU-02", "Midlertidig")).toBe("commentary");
    expect(await saveCommentary(sundk, reportId, "LDBU-02", "")).toBe("commentary-deleted");
    await saveSummary(sundk, reportId, "Årsrapporten 2024 viser fremgang.");
    await refused(publish(leder, reportId), /Kun SundK/);
    await publish(sundk, reportId);
    const published = (await publishedReport(2024))!;
    expect(published).toMatchObject({ id: reportId, version: 1, status: "published", summary: "Årsrapporten 2024 viser fremgang." });
    expect(frozen(published.snapshot, "751")).toMatchObject({ numerator: 4, denominator: 9 });
    const comments = await publishedComments(published);
    expect(comments.sundk).toEqual(new Map([["LDBU-01", "Vægttabet er faldet i de fleste kommuner."]]));
    expect(comments.municipalities.get("LDBU-01")?.map((c) => c.municipalityCode)).toEqual(["751", "825"]);
    const steps = (await reportDetail(reportId))!.events.map((e) => e.step);
    expect(steps.slice(0, 2)).toEqual(["created", "hearing-started"]);
    expect(steps.at(-1)).toBe("published");
    expect(steps).toContain("hearing-ended");
  });

  it("refuses every change to a published report, through the workflow and in the database", async () => {
    await refused(saveSummary(sundk, reportId, "Ændret"), /offentliggjort og kan ikke ændres/);
    await refused(saveCommentary(sundk, reportId, "LDBU-01", "Ændret"), /offentliggjort og kan ikke ændres/);
    await refused(saveHearingComment(leder, reportId, "LDBU-01", "Ændret"), /offentliggjort/);
    await refused(publish(sundk, reportId), /allerede offentliggjort/);
    await refused(createReport(sundk, 2024), /Opret en rettelse/);
    await sqlRefused(`UPDATE annual_report SET snapshot = '{}' WHERE id = $1`, [reportId]);
    await sqlRefused(`UPDATE annual_report SET data_cutoff = now() WHERE id = $1`, [reportId]);
    await sqlRefused(`UPDATE annual_report SET catalog_version = 'x' WHERE id = $1`, [reportId]);
    await sqlRefused(`UPDATE annual_report SET year = 2023 WHERE id = $1`, [reportId]);
    await sqlRefused(`UPDATE annual_report SET version = 7 WHERE id = $1`, [reportId]);
    await sqlRefused(`UPDATE annual_report SET summary = 'Ændret' WHERE id = $1`, [reportId]);
    await sqlRefused(`UPDATE annual_report SET status = 'hearing' WHERE id = $1`, [reportId]);
    await sqlRefused(`UPDATE annual_report SET published_at = now() WHERE id = $1`, [reportId]);
    await sqlRefused(`DELETE FROM annual_report WHERE id = $1`, [reportId]);
    await sqlRefused(`UPDATE annual_report_comment SET text = 'Ændret' WHERE report_id = $1`, [reportId]);
    await sqlRefused(`DELETE FROM annual_report_comment WHERE report_id = $1`, [reportId]);
    await sqlRefused(`INSERT INTO annual_report_comment (report_id, indicator_id, author_id, text, updated_at) VALUES ($1, 'LDBU-03', $2, 'Ny', now())`, [reportId, (sundk as { id: number }).id]);
    await expect(pool().query(`UPDATE annual_report_event SET note = 'x' WHERE report_id = $1`, [reportId])).rejects.toThrow(/append-only/);
    await expect(pool().query(`DELETE FROM annual_report_event WHERE report_id = $1`, [reportId])).rejects.toThrow(/append-only/);
  });

  it("keeps the published numbers when new data arrive and are refreshed, while the live results change", async () => {
    await ingestChild(SOR_AARHUS, "751", 3100);
    await refreshIndicators(pool(), { quiet: true });
    expect(await live("751")).toEqual({ numerator: 5, denominator: 10 });
    expect(frozen((await publishedReport(2024))!.snapshot, "751")).toMatchObject({ numerator: 4, denominator: 9 });
  });

  it("makes a correction a new version from current data with a change note, carrying the comments over", async () => {
    await refused(createCorrection(leder, 2024, "Nye indberetninger fra Aarhus."), /Kun SundK/);
    await refused(createCorrection(sundk, 2024, "kort"), /mindst 10 tegn/);
    await refused(createCorrection(sundk, 2023, "Der er intet at rette."), /ingen offentliggjort årsrapport for 2023/);
    await ingestChild(SOR_AARHUS, "751", 3400); // not refreshed: the correction's freeze picks it up (Aarhus 5 of 11)
    const correction = await createCorrection(sundk, 2024, "Sene indberetninger fra Aarhus er medtaget.");
    expect(correction.version).toBe(2);
    await refused(createCorrection(sundk, 2024, "En rettelse mere end én."), /under arbejde \(version 2\)/);
    const draft = (await reportDetail(correction.id))!;
    expect(draft).toMatchObject({ status: "draft", changeNote: "Sene indberetninger fra Aarhus er medtaget.", summary: "Årsrapporten 2024 viser fremgang." });
    expect(frozen(draft.snapshot, "751")).toMatchObject({ numerator: 5, denominator: 11 });
    expect(draft.comments.map((c) => [c.indicatorId, c.municipalityCode])).toEqual([["LDBU-01", null], ["LDBU-01", "751"], ["LDBU-01", "825"], ["LDBU-05", "751"]]);
    expect(draft.events.map((e) => [e.step, e.note])).toEqual([["correction-created", "Sene indberetninger fra Aarhus er medtaget."]]);
    // editable before publishing; the published version 1 is untouched
    await saveCommentary(sundk, correction.id, "LDBU-01", "Rettet: vægttabet er uændret.");
    expect((await publishedComments((await publishedReport(2024))!)).sundk.get("LDBU-01")).toBe("Vægttabet er faldet i de fleste kommuner.");
    expect((await publishedReport(2024))!.version).toBe(1);

    await publish(sundk, correction.id);
    const current = (await publishedReport(2024))!;
    expect(current).toMatchObject({ version: 2, status: "published", changeNote: "Sene indberetninger fra Aarhus er medtaget." });
    expect(frozen(current.snapshot, "751")).toMatchObject({ numerator: 5, denominator: 11 });
    const first = (await publishedReport(2024, 1))!;
    expect(first).toMatchObject({ status: "superseded" });
    expect(frozen(first.snapshot, "751")).toMatchObject({ numerator: 4, denominator: 9 });
    expect((await reportDetail(reportId))!.events.at(-1)).toMatchObject({ step: "superseded", note: "Erstattet af version 2" });
    await sqlRefused(`UPDATE annual_report SET status = 'published' WHERE id = $1`, [reportId]); // superseded stays superseded
    expect((await listReports()).map((r) => [r.version, r.status])).toEqual([[2, "published"], [1, "superseded"]]);
  });

  it("discards a correction's draft (SundK only, with a reason); it keeps its history and never changes again", async () => {
    const draft = await createCorrection(sundk, 2024, "Endnu en rettelse, frosset for tidligt.");
    expect(draft.version).toBe(3);
    await saveSummary(sundk, draft.id, "Udkast til sammenfatning.");
    for (const v of [ANONYMOUS, leder, nurse, politician]) await refused(discardDraft(v, draft.id, "Frosset for tidligt."), /Kun SundK/);
    await refused(discardDraft(sundk, draft.id, "Fejl"), /mindst 10 tegn/);
    expect((await reportDetail(draft.id))!.status).toBe("draft");

    await discardDraft(sundk, draft.id, "Frosset før Aarhus' sene indberetninger.");
    const discarded = (await reportDetail(draft.id))!;
    expect(discarded.status).toBe("discarded");
    expect(discarded.events.map((e) => [e.step, e.note]).at(-1)).toEqual(["discarded", "Frosset før Aarhus' sene indberetninger."]);
    expect(await count(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'admin' AND resource = 'aarsrapport' AND details->>'trin' = 'discarded' AND (details->>'version')::int = 3`)).toBe(1);
    // neither the workflow nor SQL changes it; the public report is still version 2
    await refused(discardDraft(sundk, draft.id, "Endnu en gang, for en sikkerheds skyld."), /allerede kasseret/);
    await refused(saveSummary(sundk, draft.id, "Ny tekst."), /kasseret/);
    await refused(saveCommentary(sundk, draft.id, "LDBU-01", "Ny kommentar."), /kasseret/);
    await refused(startHearing(sundk, draft.id, inDays(14)), /kasseret/);
    await refused(publish(sundk, draft.id), /kasseret/);
    await sqlRefused(`UPDATE annual_report SET status = 'draft' WHERE id = $1`, [draft.id]);
    await sqlRefused(`UPDATE annual_report SET summary = 'x' WHERE id = $1`, [draft.id]);
    await sqlRefused(`DELETE FROM annual_report_comment WHERE report_id = $1`, [draft.id]);
    expect((await publishedReport(2024))!.version).toBe(2);

    // the year can be frozen anew: the next correction is numbered after the discarded draft
    const again = await createCorrection(sundk, 2024, "Rettelse med alle sene indberetninger.");
    expect(again.version).toBe(4);
    await discardDraft(sundk, again.id, "Ryddet op efter testen.");
    expect((await listReports()).map((r) => [r.version, r.status])).toEqual([[4, "discarded"], [3, "discarded"], [2, "published"], [1, "superseded"]]);
  });

  it("refuses to discard a report in hearing or a published one, and still wants a hearing for a year's first report", async () => {
    await refused(discardDraft(sundk, reportId, "Forsøg på at kassere."), /offentliggjort rapport kan ikke kasseres/);
    const first = await storeReport(2023, { status: "draft" });
    await discardDraft(sundk, first.id, "Frosset ved en fejl.");
    // version 2 of 2023 is the year's first report (no change note): publishing it needs a hearing, as version 1 did
    const second = await storeReport(2023, { status: "draft", version: 2 });
    await refused(publish(sundk, second.id), /høring hos kommunerne/);
    await startHearing(sundk, second.id, inDays(14));
    await refused(discardDraft(sundk, second.id, "Forsøg på at kassere."), /i høring kan ikke kasseres/);
    expect((await reportDetail(second.id))!.status).toBe("hearing");
  });

  it("reports refusals as WorkflowError, so screens can show the Danish message", async () => {
    await expect(publish(sundk, "abc")).rejects.toBeInstanceOf(WorkflowError);
    await expect(publish(sundk, "abc")).rejects.toThrow("Ukendt årsrapport.");
  });
});
