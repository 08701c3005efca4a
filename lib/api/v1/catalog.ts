/**
 * GET /api/v1/indikatorer – the indicator catalog with full definitions, SundK's current standards and the counting
 * rules; GET /api/v1/indikatorer/{id} – one indicator and the published reports that hold results for it.
 * The catalog is public (as the page Indikatorbeskrivelser); it changes with the catalog version and the standards,
 * so it is cached briefly, with an ETag over its content.
 */
import { publishedVersions } from "@/lib/aarsrapport/published";
import { pool } from "@/lib/db/client";
import { CATALOG_VERSION, COUNTING_RULES, INDICATOR_BY_ID, INDICATORS } from "@/lib/indicators/catalog";
import { epdsCutoff } from "@/lib/indicators/refresh";
import { indicatorOptions } from "@/lib/queries/indicators";
import { authoriseRead, contentResponse, guarded, invalidParameters, problem, queryObject } from "./http";
import { indicatorPath, noParams } from "./params";
import { currentVersions, loadReport } from "./reports-store";
import { API_BASE, catalogIndicator, reportId, resultsUrl, type CurrentStandard } from "./serialise";

async function standards(): Promise<Map<string, CurrentStandard | null>> {
  const options = await indicatorOptions();
  return new Map(options.map((o) => [o.id, o.target === null ? null : { target: o.target, provisional: o.provisional }]));
}

export function getCatalog(request: Request): Promise<Response> {
  return guarded("/api/v1/indikatorer", async () => {
    const reader = await authoriseRead(request);
    if (reader instanceof Response) return reader;
    const parsed = noParams.safeParse(queryObject(new URL(request.url).searchParams));
    if (!parsed.success) return invalidParameters(parsed.error);
    const [standard, cutoff] = await Promise.all([standards(), epdsCutoff(pool())]);
    const body = {
      catalogVersion: CATALOG_VERSION,
      epdsCutoff: cutoff,
      countingRules: COUNTING_RULES,
      indicators: INDICATORS.map((d) => catalogIndicator(d, standard.get(d.id) ?? null)),
    };
    return contentResponse(request, reader, body);
  });
}

export function getIndicator(request: Request, path: { id: string }): Promise<Response> {
  return guarded("/api/v1/indikatorer/{id}", async () => {
    const reader = await authoriseRead(request);
    if (reader instanceof Response) return reader;
    const id = indicatorPath.safeParse(path);
    if (!id.success) return invalidParameters(id.error);
    const parsed = noParams.safeParse(queryObject(new URL(request.url).searchParams));
    if (!parsed.success) return invalidParameters(parsed.error);
    const def = INDICATOR_BY_ID.get(id.data.id);
    if (!def) return problem("not-found", `Indikatoren ${id.data.id} findes ikke i kataloget (se ${API_BASE}/indikatorer).`);
    const published = [];
    for (const v of currentVersions(await publishedVersions())) {
      const frozen = (await loadReport(v))?.snapshot.indicators.find((i) => i.id === def.id);
      if (frozen) published.push({ reportId: reportId(v.year, v.version), year: v.year, version: v.version, period: frozen.period, links: { results: resultsUrl(def.id, frozen.period) } });
    }
    const body = { catalogVersion: CATALOG_VERSION, indicator: catalogIndicator(def, (await standards()).get(def.id) ?? null), published };
    return contentResponse(request, reader, body);
  });
}
