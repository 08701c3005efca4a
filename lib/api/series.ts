/** GET /api/series?indikator=LDBU-01&kommune=751[&opdeling=…] – Udvikling's data. */
import { audit } from "@/lib/audit";
import { requireApi } from "@/lib/auth/guard";
import { seriesView } from "@/lib/queries/series";
import { viewDomain } from "@/lib/queries/view-context";
import { apiSchemas, badRequest, searchParamsObject } from "@/lib/views/api-params";
import { viewJson } from "./respond";

export async function getSeries(request: Request): Promise<Response> {
  const auth = await requireApi(request, "read:current");
  if (auth instanceof Response) return auth;
  const parsed = apiSchemas(await viewDomain()).series.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const q = parsed.data;
  const view = await seriesView(auth.viewer, { indicatorId: q.indikator, municipalityCode: q.kommune, breakdown: q.opdeling });
  if (!view.value) return Response.json({ error: `Ukendt kommune: ${q.kommune}` }, { status: 404 });
  await audit(auth.viewer, "view", "api/series", q, q.kommune);
  return viewJson(view);
}
