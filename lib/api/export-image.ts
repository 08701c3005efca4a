/**
 * POST /api/export/image {visning, diagram, format: "png"|"svg", adresse} – records a chart export in the audit log.
 * The browser draws the PNG/SVG from the chart it already shows; this call makes the export visible in the audit
 * log (as every export must be) and refuses viewers who may not export. A chart of a published annual report
 * (visning "aarsrapport", with its aar and version) is public like the report's CSV and PDF: anyone who may read
 * the report may download it, and the version must be published.
 */
import { isPublished } from "@/lib/aarsrapport/published";
import { audit } from "@/lib/audit";
import { requireApi } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/body";
import { viewDomain } from "@/lib/queries/view-context";
import { apiSchemas, badRequest } from "@/lib/views/api-params";

const ofPublishedReport = (v: unknown) => typeof v === "object" && v !== null && (v as { visning?: unknown }).visning === "aarsrapport";

export async function postImageExport(request: Request): Promise<Response> {
  const json = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase() === "application/json" ? await readJson(request) : null;
  // who may export depends on what the chart shows: the body says which, and is then checked in full
  const auth = await requireApi(request, json?.ok && ofPublishedReport(json.value) ? "read:published" : "export:current");
  if (auth instanceof Response) return auth;
  if (!json) return Response.json({ error: "Indholdstypen skal være application/json." }, { status: 415 });
  if (!json.ok) return json.response;
  const parsed = apiSchemas(await viewDomain()).imageExport.safeParse(json.value);
  if (!parsed.success) return badRequest(parsed.error);
  const what = parsed.data;
  if (what.visning === "aarsrapport" && !(await isPublished(what.aar, what.version)))
    return Response.json({ error: "Årsrapporten eller versionen findes ikke eller er ikke offentliggjort." }, { status: 404 });
  await audit(auth.viewer, "export", `${what.format}/${what.visning}`, what);
  return new Response(null, { status: 204 });
}
