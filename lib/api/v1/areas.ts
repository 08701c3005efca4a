/** GET /api/v1/omraader – the stable area codes: the nation (DK), the 5 regions and the 98 municipalities. */
import { NATION } from "@/lib/indicators/aggregate";
import { areaDirectory } from "@/lib/queries/municipalities";
import { NATION_NAME } from "@/lib/views/compare";
import { authoriseRead, contentResponse, guarded, invalidParameters, queryObject } from "./http";
import { noParams } from "./params";

export function getAreas(request: Request): Promise<Response> {
  return guarded("/api/v1/omraader", async () => {
    const reader = await authoriseRead(request);
    if (reader instanceof Response) return reader;
    const parsed = noParams.safeParse(queryObject(new URL(request.url).searchParams));
    if (!parsed.success) return invalidParameters(parsed.error);
    const directory = await areaDirectory();
    return contentResponse(request, reader, {
      nation: { code: NATION, name: NATION_NAME },
      regions: directory.regions.map((r) => ({ code: r.code, name: r.name })),
      municipalities: [...directory.municipalities].sort((a, b) => a.code.localeCompare(b.code)).map((m) => ({ code: m.code, name: m.name, regionCode: m.regionCode })),
    });
  });
}
