/**
 * The annual-report workflow (PRODUCT.md "Årsrapport"): SundK freezes a year → hearing, where each municipality's
 * leader comments on its frozen results until a deadline → SundK's commentary and summary → publish; a correction is
 * a new version frozen from the current data. Every step authorises the viewer through lib/auth/access.ts, checks the
 * rules of ./rules.ts against the database clock, records an `annual_report_event` (who, when) and an audit entry.
 * The database triggers (migration 20261126165915) refuse any change to a published report whatever the caller.
 */
import type pg from "pg";
import { audit } from "@/lib/audit";
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { pool } from "@/lib/db/client";
import { LOCK_CLASS } from "@/lib/db/locks";
import { withTransaction } from "@/lib/db/transaction";
import { refreshIndicators } from "@/lib/indicators/refresh";
import { buildSnapshot, type Snapshot } from "./snapshot";
import {
  checkChangeDeadline,
  checkDiscard,
  checkEditorial,
  checkEndHearing,
  checkHearingComment,
  checkPublish,
  checkStartHearing,
  changeNote as changeNoteInput,
  commentText,
  dateTimeText,
  deadlineDate,
  discardReason,
  indicatorId as indicatorSchema,
  reportId,
  reportYear,
  summaryText,
  valid,
  WorkflowError,
  type ReportState,
  type ReportStatus,
  type Step,
} from "./rules";

type User = Extract<Viewer, { kind: "user" }>;

function requireSundk(viewer: Viewer): User {
  if (viewer.kind !== "user" || !decide(viewer, "admin").allow) throw new WorkflowError("Kun SundK kan styre årsrapporten.");
  return viewer;
}

/** A municipal leader commenting on their own municipality (SundK comments through its commentary instead). */
function requireLeder(viewer: Viewer): User & { municipalityCode: string } {
  const code = viewer.kind === "user" ? viewer.municipalityCode : null;
  if (viewer.kind !== "user" || code === null || !decide(viewer, "comment:hearing", code).allow) {
    throw new WorkflowError("Kun lederen af sundhedsplejen i en kommune kan afgive høringssvar for kommunen.");
  }
  return { ...viewer, municipalityCode: code };
}

interface LockedReport extends ReportState {
  id: number;
  year: number;
  now: Date;
}

/** The report row, locked for this transaction (steps on one report run one at a time), with the database clock. */
async function lockReport(c: pg.ClientBase, id: number): Promise<LockedReport> {
  const { rows } = await c.query<LockedReport>(
    `SELECT id, year, version, status::text AS status, hearing_deadline AS "hearingDeadline", change_note IS NOT NULL AS correction, now() AS now
     FROM annual_report WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!rows[0]) throw new WorkflowError("Årsrapporten findes ikke.");
  return rows[0];
}

async function record(c: pg.ClientBase, reportId: number, step: Step, viewer: User, note: string | null = null) {
  await c.query(`INSERT INTO annual_report_event (report_id, step, user_id, note) VALUES ($1, $2, $3, $4)`, [reportId, step, viewer.id, note]);
}

/** Serialises the creation of versions of one year (one open report per year, consecutive version numbers). */
/** Advisory-lock class of the annual-report years (a plain literal: digit separators in SQL need PostgreSQL 16). */
const lockYear = (c: pg.ClientBase, year: number) => c.query(`SELECT pg_advisory_xact_lock($1::int, $2::int)`, [LOCK_CLASS.annualReportYear, year]);

interface YearState {
  open: { id: number; version: number } | null;
  published: { id: number; version: number } | null;
  maxVersion: number;
}

async function yearState(c: pg.ClientBase | pg.Pool, year: number): Promise<YearState> {
  const { rows } = await c.query<{ id: number; version: number; status: ReportStatus }>(
    `SELECT id, version, status::text AS status FROM annual_report WHERE year = $1 ORDER BY version`,
    [year],
  );
  return {
    open: rows.find((r) => r.status === "draft" || r.status === "hearing") ?? null,
    published: rows.find((r) => r.status === "published") ?? null,
    maxVersion: Math.max(0, ...rows.map((r) => r.version)),
  };
}

function checkNewVersion(s: YearState, year: number, correction: boolean) {
  if (s.open) throw new WorkflowError(`Der er allerede en årsrapport for ${year} under arbejde (version ${s.open.version}). Offentliggør den først, eller kassér den, hvis den stadig er en kladde.`);
  if (!correction && s.published) throw new WorkflowError(`Årsrapporten for ${year} er offentliggjort. Opret en rettelse (ny version) i stedet.`);
  if (correction && !s.published) throw new WorkflowError(`Der er ingen offentliggjort årsrapport for ${year} at rette.`);
}

/**
 * Freeze the year's current results: the pending incremental refresh runs first (so the cut-off includes every report
 * received before it), then the snapshot is read in one REPEATABLE READ transaction.
 */
async function freeze(year: number): Promise<Snapshot> {
  await refreshIndicators(pool(), { quiet: true });
  const snapshot = await withTransaction(pool(), async (c) => {
    await c.query(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    return buildSnapshot(c, year);
  });
  if (snapshot.results.length === 0) throw new WorkflowError(`Der er ingen resultater for ${year}. Vælg et år med indberettede data.`);
  return snapshot;
}

async function insertVersion(viewer: User, year: number, correction: string | null): Promise<{ id: number; version: number }> {
  checkNewVersion(await yearState(pool(), year), year, correction !== null); // fast answer before the slow freeze
  const snapshot = await freeze(year);
  const created = await withTransaction(pool(), async (c) => {
    await lockYear(c, year);
    const state = await yearState(c, year);
    checkNewVersion(state, year, correction !== null);
    const version = state.maxVersion + 1;
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO annual_report (year, version, status, snapshot, catalog_version, data_cutoff, change_note, summary)
       VALUES ($1, $2, 'draft', $3, $4, $5, $6, (SELECT summary FROM annual_report WHERE id = $7)) RETURNING id`,
      [year, version, JSON.stringify(snapshot), snapshot.catalogVersion, snapshot.dataCutoff, correction, state.published?.id ?? null],
    );
    const id = rows[0].id;
    if (state.published) {
      // A correction carries over SundK's commentary and the hearing comments (editable until it is published).
      await c.query(
        `INSERT INTO annual_report_comment (report_id, indicator_id, municipality_code, author_id, text, created_at, updated_at)
         SELECT $1, indicator_id, municipality_code, author_id, text, created_at, now()
         FROM annual_report_comment WHERE report_id = $2 AND indicator_id = ANY($3::text[])`,
        [id, state.published.id, snapshot.indicators.map((i) => i.id)],
      );
    }
    await record(c, id, correction === null ? "created" : "correction-created", viewer, correction ?? `Data til og med ${dateTimeText(new Date(snapshot.dataCutoff))}`);
    return { id, version };
  });
  await audit(viewer, "admin", "aarsrapport", { trin: correction === null ? "created" : "correction-created", aar: year, version: created.version });
  return created;
}

/*
 * The steps. Arguments other than the viewer are user input (form fields): each is validated here, at the boundary,
 * and a problem is refused with a WorkflowError before anything is written.
 */

/** Create the year's report and freeze its results (draft). */
export async function createReport(viewer: Viewer, year: unknown): Promise<{ id: number; version: number }> {
  const who = requireSundk(viewer);
  return insertVersion(who, valid(reportYear, year), null);
}

/** A correction of a published year: a new version frozen from the current data, with a change note. */
export async function createCorrection(viewer: Viewer, year: unknown, changeNote: unknown): Promise<{ id: number; version: number }> {
  const who = requireSundk(viewer);
  return insertVersion(who, valid(reportYear, year), valid(changeNoteInput, changeNote));
}

/** Run a SundK step on a locked report; the step it returns is recorded, and audited after it commits. */
async function sundkStep(viewer: Viewer, reportInput: unknown, fn: (c: pg.ClientBase, r: LockedReport, who: User) => Promise<{ step: Step; note?: string }>): Promise<Step> {
  const who = requireSundk(viewer);
  const id = valid(reportId, reportInput);
  const { r, step } = await withTransaction(pool(), async (c) => {
    const r = await lockReport(c, id);
    const { step, note } = await fn(c, r, who);
    await record(c, id, step, who, note ?? null);
    return { r, step };
  });
  await audit(who, "admin", "aarsrapport", { trin: step, aar: r.year, version: r.version });
  return step;
}

/** Send the draft to the municipalities with a deadline (a date: the hearing ends at the end of that Danish day). */
export function startHearing(viewer: Viewer, id: unknown, deadlineInput: unknown) {
  return sundkStep(viewer, id, async (c, r) => {
    const deadline = valid(deadlineDate, deadlineInput);
    checkStartHearing(r, deadline, r.now);
    await c.query(`UPDATE annual_report SET status = 'hearing', hearing_deadline = $2 WHERE id = $1`, [r.id, deadline]);
    return { step: "hearing-started", note: `Frist ${dateTimeText(deadline)}` };
  });
}

export function changeDeadline(viewer: Viewer, id: unknown, deadlineInput: unknown) {
  return sundkStep(viewer, id, async (c, r) => {
    const deadline = valid(deadlineDate, deadlineInput);
    checkChangeDeadline(r, deadline, r.now);
    await c.query(`UPDATE annual_report SET hearing_deadline = $2 WHERE id = $1`, [r.id, deadline]);
    return { step: "deadline-changed", note: `Ny frist ${dateTimeText(deadline)}` };
  });
}

/**
 * Discard a draft (frozen by mistake or too early) with SundK's reason: it keeps its history but never changes again,
 * and the year can be frozen anew as the next version number.
 */
export function discardDraft(viewer: Viewer, id: unknown, reasonInput: unknown) {
  return sundkStep(viewer, id, async (c, r) => {
    const reason = valid(discardReason, reasonInput);
    checkDiscard(r);
    await c.query(`UPDATE annual_report SET status = 'discarded' WHERE id = $1`, [r.id]);
    return { step: "discarded", note: reason };
  });
}

/** Close the hearing now (the deadline moves to this moment), so the report can be published. */
export function endHearing(viewer: Viewer, id: unknown) {
  return sundkStep(viewer, id, async (c, r) => {
    checkEndHearing(r, r.now);
    await c.query(`UPDATE annual_report SET hearing_deadline = now() WHERE id = $1`, [r.id]);
    return { step: "hearing-ended" };
  });
}

export function saveSummary(viewer: Viewer, id: unknown, textInput: unknown) {
  return sundkStep(viewer, id, async (c, r) => {
    const text = valid(summaryText, textInput);
    checkEditorial(r);
    await c.query(`UPDATE annual_report SET summary = $2 WHERE id = $1`, [r.id, text === "" ? null : text]);
    return { step: "summary" };
  });
}

async function indicatorOf(c: pg.ClientBase, id: number, indicatorId: string) {
  const { rows } = await c.query(`SELECT 1 FROM annual_report, jsonb_array_elements(snapshot->'indicators') i WHERE id = $1 AND i->>'id' = $2`, [id, indicatorId]);
  if (!rows[0]) throw new WorkflowError("Indikatoren findes ikke i årsrapporten.");
}

/** Insert, replace or (empty text) delete the comment of one author group (a municipality, or SundK as null). */
async function writeComment(c: pg.ClientBase, id: number, indicatorId: string, municipalityCode: string | null, author: User, text: string): Promise<"saved" | "deleted"> {
  await indicatorOf(c, id, indicatorId);
  const same = `report_id = $1 AND indicator_id = $2 AND municipality_code IS NOT DISTINCT FROM $3`;
  if (text === "") {
    await c.query(`DELETE FROM annual_report_comment WHERE ${same}`, [id, indicatorId, municipalityCode]);
    return "deleted";
  }
  const updated = await c.query(`UPDATE annual_report_comment SET text = $4, author_id = $5, updated_at = now() WHERE ${same}`, [id, indicatorId, municipalityCode, text, author.id]);
  if (!updated.rowCount) {
    await c.query(
      `INSERT INTO annual_report_comment (report_id, indicator_id, municipality_code, author_id, text, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
      [id, indicatorId, municipalityCode, author.id, text],
    );
  }
  return "saved";
}

/** SundK's professional commentary on one indicator; empty text removes it. */
export function saveCommentary(viewer: Viewer, id: unknown, indicatorInput: unknown, textInput: unknown) {
  return sundkStep(viewer, id, async (c, r, who) => {
    const indicatorId = valid(indicatorSchema, indicatorInput);
    const text = valid(commentText, textInput);
    checkEditorial(r);
    const outcome = await writeComment(c, r.id, indicatorId, null, who, text);
    return { step: outcome === "saved" ? "commentary" : "commentary-deleted", note: indicatorId };
  });
}

/** A municipal leader's hearing comment on one indicator for their own municipality; empty text removes it. */
export async function saveHearingComment(viewer: Viewer, idInput: unknown, indicatorInput: unknown, textInput: unknown): Promise<"saved" | "deleted"> {
  const leder = requireLeder(viewer);
  const id = valid(reportId, idInput);
  const indicatorId = valid(indicatorSchema, indicatorInput);
  const text = valid(commentText, textInput);
  const { outcome, year, version } = await withTransaction(pool(), async (c) => {
    const r = await lockReport(c, id);
    checkHearingComment(r, r.now);
    const outcome = await writeComment(c, id, indicatorId, leder.municipalityCode, leder, text);
    await record(c, id, outcome === "saved" ? "hearing-comment" : "hearing-comment-deleted", leder, `${indicatorId}, kommune ${leder.municipalityCode}`);
    return { outcome, year: r.year, version: r.version };
  });
  await audit(leder, "comment", "aarsrapport-hoering", { aar: year, version, indikator: indicatorId, handling: outcome }, leder.municipalityCode);
  return outcome;
}

/** Publish: the report becomes the year's public version; an earlier published version is marked superseded. */
export async function publish(viewer: Viewer, idInput: unknown) {
  const who = requireSundk(viewer);
  const id = valid(reportId, idInput);
  const r = await withTransaction(pool(), async (c) => {
    const r = await lockReport(c, id);
    checkPublish(r, r.now);
    await lockYear(c, r.year);
    const previous = await c.query<{ id: number }>(`SELECT id FROM annual_report WHERE year = $1 AND status = 'published' FOR UPDATE`, [r.year]);
    for (const p of previous.rows) {
      await c.query(`UPDATE annual_report SET status = 'superseded' WHERE id = $1`, [p.id]);
      await record(c, p.id, "superseded", who, `Erstattet af version ${r.version}`);
    }
    await c.query(`UPDATE annual_report SET status = 'published', published_at = now() WHERE id = $1`, [id]);
    await record(c, id, "published", who);
    return r;
  });
  await audit(who, "admin", "aarsrapport", { trin: "published", aar: r.year, version: r.version });
}
