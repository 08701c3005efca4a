/**
 * The completeness and Fejlliste API routes (app/api/datakomplethed, app/api/fejlliste), kept out of the route files.
 * Every route authorises through lib/auth/guard.ts, validates its parameters strictly (400 with the problems), reads
 * through the suppressed / scoped data layer, and audits record-level views and every export.
 */
import type { z } from "zod";
import { audit } from "@/lib/audit";
import { worklistScope } from "@/lib/auth/access";
import { requireApi } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/roles";
import { areaDirectory } from "@/lib/queries/municipalities";
import { completenessData, completenessView, type CompletenessQuery } from "@/lib/queries/completeness";
import { worklist, type WorklistQuery } from "@/lib/queries/worklist";
import { viewJson } from "@/lib/api/respond";
import { badRequest, searchParamsObject } from "@/lib/views/api-params";
import { perObject } from "@/lib/views/memo";
import type { Directory } from "@/lib/views/types";
import { CSV_CONTENT_TYPE, csvFileName, toCsv } from "@/lib/views/csv";
import { completenessSchemas, worklistCsvSchema, worklistSchema } from "./api-params";
import { detailCsv, heatmapCsv } from "./csv";
import { worklistCsv } from "./worklist-csv";

const PRIVATE: ResponseInit = { headers: { "Cache-Control": "private, no-store" } };

/** The parameter domain, one object per directory (the schemas are built once per domain object). */
const domainOf = perObject((directory: Directory) => ({ directory, regions: directory.regions.map((r) => r.code), municipalities: directory.municipalities.map((m) => m.code) }));
const domain = async () => domainOf(await areaDirectory());

type Overview = z.infer<ReturnType<typeof completenessSchemas>["overview"]>;
const toQuery = (q: Overview): CompletenessQuery => ({
  year: q.periode ?? null, measure: q.maal, region: q.region ?? null, sort: q.sort, dir: q.retning, municipality: q.kommune ?? null,
});

/** GET /api/datakomplethed?periode=2024&maal=variabler&region=1082&sort=2mdr&retning=faldende&kommune=751 */
export async function getCompleteness(request: Request): Promise<Response> {
  const auth = await requireApi(request, "read:current");
  if (auth instanceof Response) return auth;
  const d = await domain();
  const parsed = completenessSchemas(d).overview.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const view = await completenessView(auth.viewer, toQuery(parsed.data));
  const data = view.value;
  if (parsed.data.periode !== undefined && data.year !== parsed.data.periode)
    return Response.json({ error: `Ingen data om datakomplethed for ${parsed.data.periode}.`, perioder: data.years }, { status: 404 });
  await audit(auth.viewer, "view", "api/datakomplethed", { ...parsed.data, periode: data.year }, parsed.data.kommune ?? null);
  return viewJson(view);
}

/** GET /api/datakomplethed/csv?…&tabel=oversigt|kommune – the heatmap (or one municipality's detail) as CSV. */
export async function getCompletenessCsv(request: Request): Promise<Response> {
  const auth = await requireApi(request, "export:current");
  if (auth instanceof Response) return auth;
  const d = await domain();
  const parsed = completenessSchemas(d).csv.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const q = parsed.data;
  if (q.tabel === "kommune" && !q.kommune) return Response.json({ error: "tabel=kommune kræver en kommune." }, { status: 400 });
  const data = await completenessData(auth.viewer, toQuery(q));
  if (data.year === null || (q.periode !== undefined && data.year !== q.periode)) return Response.json({ error: "Ingen data om datakomplethed for perioden." }, { status: 404 });
  const regionName = (code: string) => d.directory.regions.find((r) => r.code === code)?.name ?? code;
  const t = q.tabel === "kommune" ? detailCsv(data) : heatmapCsv(data, regionName);
  await audit(auth.viewer, "export", "datakomplethed", { ...q, periode: data.year }, q.tabel === "kommune" ? q.kommune : null);
  const name = q.tabel === "kommune" ? csvFileName("ldbu", "datakomplethed", q.kommune!, String(data.year)) : csvFileName("ldbu", "datakomplethed", q.maal, String(data.year), q.region ?? "");
  return new Response(toCsv(t.header, t.rows), { headers: { "Content-Type": CSV_CONTENT_TYPE, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" } });
}

/** The worklist municipality: the one asked for, or the viewer's own (a leder); null when none can be chosen. */
function worklistMunicipality(viewer: Viewer, asked: string | undefined): string | null {
  return asked ?? (viewer.kind === "user" ? viewer.municipalityCode : null) ?? null;
}

type WorklistParams = z.infer<typeof worklistCsvSchema>;
const worklistQuery = (municipality: string, q: WorklistParams, page: number | null): WorklistQuery => ({
  municipality, view: q.visning, year: q.periode ?? null, visit: q.besoeg ?? null, rule: q.regel ?? null, page,
});

async function authoriseWorklist(request: Request, csv: boolean): Promise<{ viewer: Viewer; municipality: string; q: WorklistParams & { side?: number } } | Response> {
  const signedIn = await requireApi(request, "read:current"); // 401 for anonymous callers
  if (signedIn instanceof Response) return signedIn;
  // roles without any worklist are refused before their parameters are even looked at
  const scope = worklistScope(signedIn.viewer);
  if (scope !== "all" && scope.length === 0) return Response.json({ error: "Du har ikke adgang til dette." }, { status: 403 });
  const parsed = (csv ? worklistCsvSchema : worklistSchema).safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const municipality = worklistMunicipality(signedIn.viewer, parsed.data.kommune);
  if (municipality === null) return Response.json({ error: "Vælg en kommune (parameteren kommune)." }, { status: 400 });
  const auth = await requireApi(request, "read:worklist", municipality);
  if (auth instanceof Response) return auth;
  return { viewer: auth.viewer, municipality, q: parsed.data };
}

/** GET /api/fejlliste?kommune=751&visning=afviste|mangler|sene&periode=2024&besoeg=2mdr&regel=…&side=1 */
export async function getWorklist(request: Request): Promise<Response> {
  const a = await authoriseWorklist(request, false);
  if (a instanceof Response) return a;
  const page = await worklist(a.viewer, worklistQuery(a.municipality, a.q, a.q.side ?? 1));
  await audit(a.viewer, "view", "api/fejlliste", { ...a.q, kommune: a.municipality, rækker: page.rejected.length + page.visits.length }, a.municipality === "ukendt" ? null : a.municipality);
  return Response.json(page, PRIVATE);
}

/** GET /api/fejlliste/csv?kommune=751&visning=… – every row of the list (up to 50.000) as CSV. */
export async function getWorklistCsv(request: Request): Promise<Response> {
  const a = await authoriseWorklist(request, true);
  if (a instanceof Response) return a;
  const page = await worklist(a.viewer, worklistQuery(a.municipality, a.q, null));
  const t = worklistCsv(page);
  await audit(a.viewer, "export", "fejlliste", { ...a.q, kommune: a.municipality, rækker: t.rows.length }, a.municipality === "ukendt" ? null : a.municipality);
  const name = csvFileName("ldbu", "fejlliste", a.municipality, a.q.visning, a.q.periode ? String(a.q.periode) : "");
  return new Response(toCsv(t.header, t.rows), { headers: { "Content-Type": CSV_CONTENT_TYPE, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" } });
}
