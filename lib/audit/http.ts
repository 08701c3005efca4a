/** GET /api/admin/audit/csv – the audit-log search as CSV (SundK only; the export is itself audited). */
import { requireApi } from "@/lib/auth/guard";
import { badRequest, searchParamsObject } from "@/lib/views/api-params";
import { CSV_CONTENT_TYPE, csvFileName, toCsv } from "@/lib/views/csv";
import { audit } from "./index";
import { auditFilterSchema } from "./filter";
import { AUDIT_CSV_HEADER, auditCsvRows } from "./present";
import { auditForExport } from "./search";

export async function getAuditCsv(request: Request): Promise<Response> {
  const auth = await requireApi(request, "read:logs");
  if (auth instanceof Response) return auth;
  const parsed = auditFilterSchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const filter = { ...parsed.data, side: undefined }; // the export holds every page
  const { rows, truncated } = await auditForExport(filter);
  await audit(auth.viewer, "export", "auditlog", { ...filter, rækker: rows.length, afkortet: truncated || undefined }, filter.kommune ?? null);
  const name = csvFileName("ldbu", "auditlog", filter.fra ?? "", filter.til ?? "");
  return new Response(toCsv(AUDIT_CSV_HEADER, auditCsvRows(rows)), {
    headers: { "Content-Type": CSV_CONTENT_TYPE, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" },
  });
}
