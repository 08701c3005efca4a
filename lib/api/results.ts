/** GET /api/results?indikator=LDBU-01[&periode=2024][&region=1082][&opdeling=koen:female] – Sammenlign kommuner's data. */
import { audit } from "@/lib/audit";
import { requireApi } from "@/lib/auth/guard";
import { compareView } from "@/lib/queries/compare";
import { viewDomain } from "@/lib/queries/view-context";
import { apiSchemas, badRequest, searchParamsObject } from "@/lib/views/api-params";
import { viewJson } from "./respond";

export async function getResults(request: Request): Promise<Response> {
  const auth = await requireApi(request, "read:current");
  if (auth instanceof Response) return auth;
  const parsed = apiSchemas(await viewDomain()).results.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const q = parsed.data;
  const view = await compareView(auth.viewer, { indicatorId: q.indikator, period: q.periode ?? null, breakdown: q.opdeling, region: q.region ?? null });
  const data = view.value;
  if (q.periode && data.period !== q.periode) return Response.json({ error: `Ingen resultater for ${q.indikator} i perioden ${q.periode}.`, perioder: data.periods }, { status: 404 });
  await audit(auth.viewer, "view", "api/results", q);
  return viewJson(view);
}
