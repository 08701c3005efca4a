/**
 * The Fejlliste (data-quality worklist): record-level, pseudonymous rows a municipality can trace in its journal —
 * report (Bundle) id, encounter id, visit date — never a CPR number or a citizen id. Scope by
 * `worklistScope(viewer)` (lib/auth/access.ts): a leder their own municipality, SundK every municipality (and the
 * rejected reports whose SOR code maps to no municipality). Three lists:
 *  - rejected reports with the problems of their OperationOutcome (errors and warnings, Danish texts);
 *  - accepted face-to-face standard visits with mandatory observations missing (lib/completeness/facts.ts);
 *  - visits reported more than 48 hours after they started.
 * Callers audit every view and export (lib/audit).
 */
import { worklistScope } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { absentReasonLabel, ITEM_BY_KEY, TIMELY_HOURS, VISIT_BY_CODE, VISIT_BY_KEY, visitItems } from "@/lib/completeness/items";
import { pagePeriods } from "@/lib/completeness/periods";
import { ruleLabel } from "@/lib/completeness/rules";
import { UNKNOWN_MUNICIPALITY, type WorklistView } from "@/lib/completeness/url-state";
import { pool } from "@/lib/db/client";

export class WorklistDenied extends Error {}

export const PAGE_SIZE = 100;
/** Most rows one CSV export holds. */
export const EXPORT_LIMIT = 50_000;

export interface WorklistQuery {
  municipality: string;
  view: WorklistView;
  year: number | null;
  /** visit key */
  visit: string | null;
  rule: string | null;
  /** 1-based; null = all rows (export, up to EXPORT_LIMIT) */
  page: number | null;
}

export interface RejectedIssue {
  severity: string;
  rule: string;
  ruleLabel: string;
  text: string;
  location: string;
}

export interface RejectedRow {
  receiptId: string;
  receivedAt: string;
  reportTimestamp: string | null;
  bundleId: string | null;
  wrapperId: string | null;
  issues: RejectedIssue[];
}

export interface VisitProblem {
  item: string;
  label: string;
  /** the receiver rejects a report without it (else it only warned) */
  enforced: boolean;
  /** data-absent reason, for observations sent without a value */
  reason?: string;
}

export interface VisitRow {
  encounterId: string;
  bundleId: string | null;
  visitType: string;
  visitLabel: string;
  start: string;
  reportedAt: string;
  delayHours: number;
  missing: VisitProblem[];
  absent: VisitProblem[];
}

export interface WorklistPage {
  municipality: string;
  view: WorklistView;
  total: number;
  page: number;
  pageCount: number;
  rejected: RejectedRow[];
  visits: VisitRow[];
  /** rule ids occurring in this municipality's rejected reports (for the filter), most frequent first */
  rules: { rule: string; label: string; count: number }[];
}

/** The municipalities whose worklist the viewer may open: "all" or a list (empty: none). */
export function worklistMunicipalities(viewer: Viewer): "all" | string[] {
  return worklistScope(viewer);
}

export function canOpenWorklist(viewer: Viewer, municipality: string): boolean {
  const scope = worklistScope(viewer);
  return scope === "all" ? true : municipality !== UNKNOWN_MUNICIPALITY && scope.includes(municipality);
}

/** [from, to) of a calendar year in Danish time. */
const yearBounds = (year: number | null): [string | null, string | null] =>
  year === null ? [null, null] : [`${year}-01-01T00:00:00+01:00`, `${year + 1}-01-01T00:00:00+01:00`];

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

interface StoredIssue {
  severity?: string;
  details?: { coding?: { code?: string }[]; text?: string };
  expression?: string[];
}

function issuesOf(raw: unknown): RejectedIssue[] {
  const list = Array.isArray(raw) ? (raw as StoredIssue[]) : [];
  return list
    .filter((i) => i.severity === "fatal" || i.severity === "error" || i.severity === "warning")
    .map((i) => {
      const rule = i.details?.coding?.[0]?.code ?? "";
      return { severity: i.severity!, rule, ruleLabel: ruleLabel(rule), text: i.details?.text ?? "", location: (i.expression ?? []).join(", ") };
    })
    .sort((a, b) => Number(a.severity === "warning") - Number(b.severity === "warning"));
}

function problems(visitType: string, missing: string[], absent: string[]): { missing: VisitProblem[]; absent: VisitProblem[] } {
  const enforced = new Map(visitItems(visitType).map((i) => [i.item, i.enforced]));
  const p = (item: string, reason?: string): VisitProblem => ({
    item, label: ITEM_BY_KEY.get(item)?.label ?? item, enforced: enforced.get(item) ?? true, ...(reason ? { reason: absentReasonLabel(reason) } : {}),
  });
  return {
    missing: missing.map((m) => p(m)),
    absent: absent.map((a) => { const i = a.indexOf(":"); return p(a.slice(0, i), a.slice(i + 1)); }),
  };
}

/** One page (or, for an export, all rows) of a municipality's worklist. Throws WorklistDenied outside the viewer's scope. */
export async function worklist(viewer: Viewer, q: WorklistQuery): Promise<WorklistPage> {
  if (!canOpenWorklist(viewer, q.municipality)) throw new WorklistDenied();
  const unknown = q.municipality === UNKNOWN_MUNICIPALITY;
  const limit = q.page === null ? EXPORT_LIMIT : PAGE_SIZE;
  const offset = q.page === null ? 0 : (q.page - 1) * PAGE_SIZE;
  const [from, to] = yearBounds(q.year);
  const out: WorklistPage = { municipality: q.municipality, view: q.view, total: 0, page: q.page ?? 1, pageCount: 1, rejected: [], visits: [], rules: [] };

  const RECEIPTS = `
    rc AS (
      SELECT r.* FROM receipt r LEFT JOIN organisation o ON o.sor_code = r.sor_code
      WHERE r.outcome = 'rejected'
        AND ${unknown ? "COALESCE(o.municipality_code, r.municipality_code) IS NULL AND $1::text IS NULL" : "COALESCE(o.municipality_code, r.municipality_code) = $1::text"}
        AND ($2::timestamptz IS NULL OR (r.reported_at >= $2::timestamptz AND r.reported_at < $3::timestamptz))
    )`;
  const rules = await pool().query<{ rule: string; n: number }>(
    `WITH ${RECEIPTS}
     SELECT i->'details'->'coding'->0->>'code' AS rule, count(DISTINCT rc.id)::int AS n
     FROM rc CROSS JOIN LATERAL jsonb_array_elements(rc.issues) AS i
     WHERE i->>'severity' IN ('error', 'fatal')
     GROUP BY 1 ORDER BY 2 DESC, 1`,
    [unknown ? null : q.municipality, from, to],
  );
  out.rules = rules.rows.filter((r) => r.rule).map((r) => ({ rule: r.rule, label: ruleLabel(r.rule), count: r.n }));

  if (q.view === "afviste") {
    const res = await pool().query(
      `WITH ${RECEIPTS}
       SELECT rc.id::text AS id, rc.received_at, rc.report_timestamp, rc.bundle_id, rc.wrapper_id, rc.issues, count(*) OVER ()::int AS total
       FROM rc
       WHERE $4::text IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(rc.issues) i WHERE i->'details'->'coding'->0->>'code' = $4::text)
       ORDER BY LEAST(rc.received_at, rc.report_timestamp) DESC, rc.id DESC
       LIMIT $5 OFFSET $6`,
      [unknown ? null : q.municipality, from, to, q.rule, limit, offset],
    );
    out.total = res.rows[0]?.total ?? 0;
    out.rejected = res.rows.map((r) => ({
      receiptId: r.id, receivedAt: iso(r.received_at)!, reportTimestamp: iso(r.report_timestamp), bundleId: r.bundle_id, wrapperId: r.wrapper_id, issues: issuesOf(r.issues),
    }));
  } else {
    const periods = q.year === null ? null : [pagePeriods(q.year).infant, pagePeriods(q.year).school];
    const visitCode = q.visit ? (VISIT_BY_KEY.get(q.visit)?.code ?? "") : null;
    const res = await pool().query(
      `SELECT f.encounter_id, f.visit_type, f.start, f.reported_at, f.missing, f.absent, r.bundle_id,
              extract(epoch FROM (f.reported_at - f.start)) / 3600.0 AS hours, count(*) OVER ()::int AS total
       FROM completeness_visit f
       LEFT JOIN receipt r ON r.id = f.receipt_id
       WHERE ${unknown ? "NOT EXISTS (SELECT 1 FROM organisation o WHERE o.sor_code = f.sor_code) AND $1::text IS NULL" : "f.sor_code IN (SELECT o.sor_code FROM organisation o WHERE o.municipality_code = $1::text)"}
         AND ($2::text[] IS NULL OR f.period = ANY($2::text[]))
         AND ($3::text IS NULL OR f.visit_type = $3::text)
         AND ${q.view === "mangler" ? "cardinality(f.missing) > 0" : `f.reported_at - f.start > make_interval(hours => ${TIMELY_HOURS})`}
       ORDER BY f.start DESC, f.encounter_id
       LIMIT $4 OFFSET $5`,
      [unknown ? null : q.municipality, periods, visitCode, limit, offset],
    );
    out.total = res.rows[0]?.total ?? 0;
    out.visits = res.rows.map((r) => ({
      encounterId: r.encounter_id, bundleId: r.bundle_id, visitType: r.visit_type, visitLabel: VISIT_BY_CODE.get(r.visit_type)?.label ?? r.visit_type,
      start: iso(r.start)!, reportedAt: iso(r.reported_at)!, delayHours: Number(r.hours),
      ...problems(r.visit_type, r.missing ?? [], r.absent ?? []),
    }));
  }
  out.pageCount = Math.max(1, Math.ceil(out.total / PAGE_SIZE));
  return out;
}
