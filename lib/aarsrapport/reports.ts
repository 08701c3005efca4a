/**
 * What the workflow screens read about annual reports in every state (SundK's list and detail, the leaders' hearing).
 * The public pages read published reports through ./published.ts only.
 */
import { pool } from "@/lib/db/client";
import type { ReportStatus, Step } from "./rules";
import type { Snapshot } from "./snapshot";

export interface ReportSummary {
  id: number;
  year: number;
  version: number;
  status: ReportStatus;
  dataCutoff: Date;
  hearingDeadline: Date | null;
  createdAt: Date;
  publishedAt: Date | null;
  changeNote: string | null;
  /** municipalities with at least one hearing comment */
  commentingMunicipalities: number;
}

const SUMMARY_COLUMNS = `r.id, r.year, r.version, r.status::text AS status, r.data_cutoff AS "dataCutoff", r.hearing_deadline AS "hearingDeadline",
  r.created_at AS "createdAt", r.published_at AS "publishedAt", r.change_note AS "changeNote",
  (SELECT count(DISTINCT municipality_code)::int FROM annual_report_comment c WHERE c.report_id = r.id) AS "commentingMunicipalities"`;

/** Every report, newest year and version first. */
export async function listReports(): Promise<ReportSummary[]> {
  const { rows } = await pool().query<ReportSummary>(`SELECT ${SUMMARY_COLUMNS} FROM annual_report r ORDER BY r.year DESC, r.version DESC`);
  return rows;
}

/** Reports in hearing (for the municipal leaders), newest year first. */
export async function reportsInHearing(): Promise<ReportSummary[]> {
  const { rows } = await pool().query<ReportSummary>(`SELECT ${SUMMARY_COLUMNS} FROM annual_report r WHERE r.status = 'hearing' ORDER BY r.year DESC, r.version DESC`);
  return rows;
}

export interface ReportEvent {
  step: Step;
  at: Date;
  note: string | null;
  userName: string | null;
  username: string | null;
}

export interface ReportComment {
  indicatorId: string;
  /** null: SundK's commentary */
  municipalityCode: string | null;
  text: string;
  authorName: string;
  updatedAt: Date;
}

export interface ReportDetail extends ReportSummary {
  summary: string | null;
  snapshot: Snapshot;
  events: ReportEvent[];
  comments: ReportComment[];
}

export async function reportDetail(id: number): Promise<ReportDetail | null> {
  const [report, events, comments] = await Promise.all([
    pool().query<ReportSummary & { summary: string | null; snapshot: Snapshot }>(`SELECT ${SUMMARY_COLUMNS}, r.summary, r.snapshot FROM annual_report r WHERE r.id = $1`, [id]),
    pool().query<ReportEvent>(
      `SELECT e.step, e.at, e.note, u.name AS "userName", u.username FROM annual_report_event e LEFT JOIN app_user u ON u.id = e.user_id
       WHERE e.report_id = $1 ORDER BY e.at, e.id`,
      [id],
    ),
    reportComments(id),
  ]);
  if (!report.rows[0]) return null;
  return { ...report.rows[0], events: events.rows, comments };
}

/** The comments of a report: all, or only one municipality's hearing comments. */
export async function reportComments(id: number, municipalityCode?: string): Promise<ReportComment[]> {
  const { rows } = await pool().query<ReportComment>(
    `SELECT c.indicator_id AS "indicatorId", c.municipality_code AS "municipalityCode", c.text, u.name AS "authorName", c.updated_at AS "updatedAt"
     FROM annual_report_comment c JOIN app_user u ON u.id = c.author_id
     WHERE c.report_id = $1 AND ($2::text IS NULL OR c.municipality_code = $2)
     ORDER BY c.indicator_id, c.municipality_code NULLS FIRST`,
    [id, municipalityCode ?? null],
  );
  return rows;
}

/** A report's frozen snapshot (for the hearing view). */
export async function reportSnapshot(id: number): Promise<Snapshot | null> {
  const { rows } = await pool().query<{ snapshot: Snapshot }>(`SELECT snapshot FROM annual_report WHERE id = $1`, [id]);
  return rows[0]?.snapshot ?? null;
}

/** Birth-cohort years with stored results: the years a report can be frozen for. */
export async function yearsWithResults(): Promise<number[]> {
  const { rows } = await pool().query<{ y: number }>(`SELECT DISTINCT period::int AS y FROM indicator_result WHERE period ~ '^[0-9]{4}$' ORDER BY 1 DESC`);
  return rows.map((r) => r.y);
}
