/** GET /api/kort[?region=1084] – the choropleth's projected geometry (public reference data, cacheable). */
import { areaDirectory } from "@/lib/queries/municipalities";
import { municipalityMap } from "@/lib/reference/map";
import { badRequest, searchParamsObject } from "@/lib/views/api-params";
import { z } from "zod";

export async function getMap(request: Request): Promise<Response> {
  const directory = await areaDirectory();
  const schema = z.strictObject({ region: z.enum(directory.regions.map((r) => r.code) as [string, ...string[]], { error: "ukendt region" }).optional() });
  const parsed = schema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  return Response.json(municipalityMap(parsed.data.region ?? null, directory), { headers: { "Cache-Control": "public, max-age=86400" } });
}
