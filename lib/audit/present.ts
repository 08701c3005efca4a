/** How audit entries read in the log's table and CSV: Danish action names, the details as "key: value" pairs. */
import { formatCsvDateTime } from "@/lib/views/date-time";
import { AUDIT_ACTIONS } from "./filter";
import type { AuditRow } from "./search";

export const actionLabel = (action: string) => AUDIT_ACTIONS.find((a) => a.value === action)?.label ?? action;

const valueText = (v: unknown): string => (v === null || v === undefined ? "–" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** The details as [key, value] pairs in their stored order, empty values left out. */
export function detailPairs(details: Record<string, unknown>): [string, string][] {
  return Object.entries(details ?? {})
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => [k, valueText(v)]);
}

export const detailsText = (details: Record<string, unknown>) => detailPairs(details).map(([k, v]) => `${k}: ${v}`).join("; ");

export const AUDIT_CSV_HEADER = ["Tidspunkt", "Bruger", "Rolle", "Handling", "Ressource", "Kommune", "Detaljer"] as const;

export function auditCsvRows(rows: AuditRow[]): string[][] {
  return rows.map((r) => [formatCsvDateTime(r.at), r.username ?? "–", r.role ?? "–", actionLabel(r.action), r.resource, r.municipalityCode ?? "", detailsText(r.details)]);
}
