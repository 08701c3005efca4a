/**
 * The receipt log (SundK): every delivery report received over HTTP or the CLI, accepted or not, newest first, with
 * its problems. Filters are URL state, validated leniently like the audit log's (a bad value is dropped with its
 * problem). Receipts never hold a CPR number (lib/ingest/store.ts).
 */
import { z } from "zod";
import { parseLenientFilter } from "@/lib/views/search-params";
import { pool } from "@/lib/db/client";
import type { OperationOutcomeIssue } from "@/lib/fhir/types";
import { FIELDS as AUDIT_FIELDS } from "@/lib/audit/filter";

export const OUTCOMES = [
  { value: "accepted", label: "Gemt" },
  { value: "rejected", label: "Afvist" },
  { value: "duplicate", label: "Dublet (uændret)" },
] as const;

const FIELDS = {
  resultat: z.enum(["accepted", "rejected", "duplicate"], { error: "Ukendt resultat." }),
  kommune: AUDIT_FIELDS.kommune,
  indberetning: z.string().trim().max(200, "Indberetnings-id'et er for langt."),
  fra: AUDIT_FIELDS.fra,
  til: AUDIT_FIELDS.til,
  side: AUDIT_FIELDS.side,
};

export type ReceiptFilter = { [K in keyof typeof FIELDS]?: z.infer<(typeof FIELDS)[K]> };

export function parseReceiptFilter(sp: Record<string, string | string[] | undefined>): { filter: ReceiptFilter; problems: string[] } {
  return parseLenientFilter(FIELDS, sp);
}

export function serializeReceiptFilter(f: ReceiptFilter): string {
  const p = new URLSearchParams();
  for (const key of Object.keys(FIELDS) as (keyof ReceiptFilter)[]) {
    const v = f[key];
    if (v !== undefined && !(key === "side" && v === 1)) p.set(key, String(v));
  }
  return p.toString();
}

export interface ReceiptRow {
  id: string;
  receivedAt: Date;
  channel: string;
  client: string | null;
  bundleId: string | null;
  reportTimestamp: Date | null;
  sorCode: string | null;
  municipalityCode: string | null;
  outcome: string;
  errorCount: number;
  warningCount: number;
  resourceCount: number;
  issues: OperationOutcomeIssue[];
}

export const RECEIPT_PAGE_SIZE = 50;
const COUNT_CAP = 10_000;

export async function searchReceipts(f: ReceiptFilter) {
  const params: unknown[] = [];
  const terms: string[] = [];
  const add = (term: (n: string) => string, v: unknown) => {
    params.push(v);
    terms.push(term(`$${params.length}`));
  };
  if (f.resultat) add((n) => `r.outcome = ${n}::receipt_outcome`, f.resultat);
  if (f.kommune) add((n) => `r.municipality_code = ${n}`, f.kommune);
  if (f.indberetning) add((n) => `(r.bundle_id = ${n} OR r.wrapper_id = ${n})`, f.indberetning);
  if (f.fra) add((n) => `r.received_at >= (${n}::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`, f.fra);
  if (f.til) add((n) => `r.received_at < ((${n}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')`, f.til);
  const w = terms.length ? `WHERE ${terms.join(" AND ")}` : "";
  const n = (await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM receipt r ${w} LIMIT ${COUNT_CAP + 1}) x`, params)).rows[0].n;
  const total = Math.min(n, COUNT_CAP);
  const pageCount = Math.max(1, Math.ceil(total / RECEIPT_PAGE_SIZE));
  const page = Math.min(f.side ?? 1, pageCount);
  const rows = await pool().query<ReceiptRow>(
    `SELECT r.id::text, r.received_at AS "receivedAt", r.channel, g.name AS client, r.bundle_id AS "bundleId", r.report_timestamp AS "reportTimestamp",
            r.sor_code AS "sorCode", r.municipality_code AS "municipalityCode", r.outcome, r.error_count AS "errorCount", r.warning_count AS "warningCount",
            r.resource_count AS "resourceCount", r.issues
     FROM receipt r LEFT JOIN gateway_client g ON g.id = r.client_id ${w}
     ORDER BY r.received_at DESC, r.id DESC LIMIT ${RECEIPT_PAGE_SIZE} OFFSET ${(page - 1) * RECEIPT_PAGE_SIZE}`,
    params,
  );
  return { rows: rows.rows, total, capped: n > COUNT_CAP, page, pageCount };
}
