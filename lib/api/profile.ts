/** GET /api/profile?kommune=751 – Kommuneprofil's data (every indicator, latest period). */
import { audit } from "@/lib/audit";
import { requireApi } from "@/lib/auth/guard";
import { profileView } from "@/lib/queries/profile";
import { viewDomain } from "@/lib/queries/view-context";
import { apiSchemas, badRequest, searchParamsObject } from "@/lib/views/api-params";
import { viewJson } from "./respond";

export async function getProfile(request: Request): Promise<Response> {
  const auth = await requireApi(request, "read:current");
  if (auth instanceof Response) return auth;
  const parsed = apiSchemas(await viewDomain()).profile.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const view = await profileView(auth.viewer, parsed.data.kommune);
  if (!view.value) return Response.json({ error: `Ukendt kommune: ${parsed.data.kommune}` }, { status: 404 });
  await audit(auth.viewer, "view", "api/profile", parsed.data, parsed.data.kommune);
  return viewJson(view);
}
