/**
 * Searching the audit log: newest first, paged with the URL's `side`, counting at most COUNT_CAP matches (the log
 * grows by every audited read; an exact count of millions would cost more than it tells). Days are Danish days.
 */
import { pool } from "@/lib/db/client";
import type { AuditFilter } from "./filter";

export const PAGE_SIZE = 50;
export const COUNT_CAP = 10_000;
export const EXPORT_MAX = 50_000;

export interface AuditRow {
  id: string;
  at: Date;
  username: string | null;
  role: string | null;
  action: string;
  resource: string;
  municipalityCode: string | null;
  details: Record<string, unknown>;
}

function where(f: AuditFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const terms: string[] = [];
  const add = (term: (n: string) => string, v: unknown) => {
    params.push(v);
    terms.push(term(`$${params.length}`));
  };
  if (f.bruger) add((n) => `username = ${n}`, f.bruger);
  if (f.handling) add((n) => `action = ${n}`, f.handling);
  // prefix match: "csv" finds csv/sammenlign and csv/udvikling; LIKE wildcards in the input are literal
  if (f.ressource) add((n) => `resource LIKE ${n} || '%'`, f.ressource.replace(/[\\%_]/g, (c) => `\\${c}`));
  if (f.kommune) add((n) => `municipality_code = ${n}`, f.kommune);
  if (f.fra) add((n) => `at >= (${n}::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`, f.fra);
  if (f.til) add((n) => `at < ((${n}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')`, f.til);
  return { sql: terms.length ? `WHERE ${terms.join(" AND ")}` : "", params };
}

const COLUMNS = `id::text, at, username, role, action, resource, municipality_code AS "municipalityCode", details`;

export async function searchAudit(f: AuditFilter): Promise<{ rows: AuditRow[]; total: number; capped: boolean; page: number; pageCount: number }> {
  const w = where(f);
  const counted = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_entry ${w.sql} LIMIT ${COUNT_CAP + 1}) x`, w.params);
  const total = Math.min(counted.rows[0].n, COUNT_CAP);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(f.side ?? 1, pageCount);
  const rows = await pool().query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_entry ${w.sql} ORDER BY at DESC, id DESC LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
    w.params,
  );
  return { rows: rows.rows, total, capped: counted.rows[0].n > COUNT_CAP, page, pageCount };
}

/** Every match up to EXPORT_MAX, newest first, for the CSV export. */
export async function auditForExport(f: AuditFilter): Promise<{ rows: AuditRow[]; truncated: boolean }> {
  const w = where(f);
  const r = await pool().query<AuditRow>(`SELECT ${COLUMNS} FROM audit_entry ${w.sql} ORDER BY at DESC, id DESC LIMIT ${EXPORT_MAX + 1}`, w.params);
  return { rows: r.rows.slice(0, EXPORT_MAX), truncated: r.rows.length > EXPORT_MAX };
}
