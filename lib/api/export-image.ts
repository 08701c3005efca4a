/**
 * POST /api/export/image {visning, diagram, format: "png"|"svg", adresse} – records a chart export in the audit log.
 * The browser draws the PNG/SVG from the chart it already shows; this call makes the export visible in the audit
 * log (as every export must be) and refuses viewers who may not export.
 */
import { audit } from "@/lib/audit";
import { requireApi } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/body";
import { viewDomain } from "@/lib/queries/view-context";
import { apiSchemas, badRequest } from "@/lib/views/api-params";

export async function postImageExport(request: Request): Promise<Response> {
  const auth = await requireApi(request, "export:current");
  if (auth instanceof Response) return auth;
  if ((request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase() !== "application/json")
    return Response.json({ error: "Indholdstypen skal være application/json." }, { status: 415 });
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = apiSchemas(await viewDomain()).imageExport.safeParse(body.value);
  if (!parsed.success) return badRequest(parsed.error);
  await audit(auth.viewer, "export", `${parsed.data.format}/${parsed.data.visning}`, parsed.data);
  return new Response(null, { status: 204 });
}
