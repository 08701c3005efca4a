/**
 * The downloads of a published report: the CSV of each table and the PDF. Authorised through lib/auth/guard.ts
 * ("read:published": anyone, SundK unsuppressed), every download audited, answered in Danish.
 *
 * Caching: a version-pinned download never changes, so anonymous ones may be cached by anyone for a year; a logged-in
 * viewer's CSV may differ (SundK sees every figure), so it is private. The current version's PDF is cached briefly,
 * since a correction changes what "current" is.
 */
import { audit } from "@/lib/audit";
import { requireApi } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/roles";
import { CSV_CONTENT_TYPE, csvFileName, toCsv } from "@/lib/views/csv";
import { IMMUTABLE } from "./cache-policy";
import { completenessCsv } from "./completeness-view";
import { PdfUnavailable, reportPdf } from "./pdf";
import { reportCompleteness, reportData, type ReportData } from "./report-data";
import { indicatorCsv, indicatorSection, municipalityCsv, municipalityProfile, municipalityRows, NATIONAL_CSV_COLUMNS, nationalRows, parseVersion, parseYear, pdfFileName } from "./report-view";
import { csvTable } from "@/lib/views/columns";

const problem = (status: number, error: string, headers: Record<string, string> = {}) => Response.json({ error }, { status, headers: { "Cache-Control": "no-store", ...headers } });
const notPublished = () => problem(404, "Årsrapporten eller versionen findes ikke eller er ikke offentliggjort.");

function parse(p: { aar: string; version?: string }): { year: number; version: number | null } | null {
  const year = parseYear(p.aar);
  const version = p.version === undefined ? null : parseVersion(p.version);
  return year === null || (p.version !== undefined && version === null) ? null : { year, version };
}

type Table = { header: string[]; rows: string[][] };

async function table(viewer: Viewer, data: ReportData, name: string): Promise<Table | null> {
  const { report, directory, cells } = data;
  const snapshot = report.snapshot;
  if (name === "landsresultater") return csvTable(NATIONAL_CSV_COLUMNS, nationalRows(snapshot.indicators.map((i) => indicatorSection(i, cells, directory))));
  if (name === "datakomplethed") return completenessCsv(await reportCompleteness(viewer, report, directory));
  const indicator = snapshot.indicators.find((i) => i.id === name);
  if (indicator) return indicatorCsv(indicatorSection(indicator, cells, directory), directory);
  const m = /^kommune-(\d{3})$/.exec(name);
  const municipality = m ? directory.municipalities.find((x) => x.code === m[1]) : undefined;
  if (!municipality) return null;
  const region = directory.regions.find((r) => r.code === municipality.regionCode)?.name ?? "";
  const rows = municipalityRows(snapshot, municipalityProfile(snapshot, cells, municipality.code, municipality.regionCode));
  return municipalityCsv(rows, { municipality: municipality.name, region });
}

/** GET /aarsrapport/[år]/v/[n]/csv/[tabel]: landsresultater, datakomplethed, an indicator id, or kommune-<kode>. */
export async function getReportCsv(request: Request, params: { aar: string; version: string; tabel: string }): Promise<Response> {
  const auth = await requireApi(request, "read:published");
  if (auth instanceof Response) return auth;
  const at = parse(params);
  if (!at || !/^[A-Za-z0-9-]{1,40}$/.test(params.tabel)) return problem(400, "Ugyldig adresse: år, version eller tabel er ikke gyldig.");
  const data = await reportData(auth.viewer, at.year, at.version);
  if (!data) return notPublished();
  const t = await table(auth.viewer, data, params.tabel);
  if (!t) return problem(404, `Rapporten har ingen tabel ved navn "${params.tabel}".`);
  await audit(auth.viewer, "export", "csv/aarsrapport", { aar: at.year, version: at.version, tabel: params.tabel, rows: t.rows.length });
  return new Response(toCsv(t.header, t.rows), {
    headers: {
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${csvFileName("ldbu", "aarsrapport", String(at.year), `v${at.version}`, params.tabel)}"`,
      "Cache-Control": auth.viewer.kind === "anonymous" ? IMMUTABLE : "private, no-store",
      Vary: "Cookie",
    },
  });
}

/** Where this server answers itself (Chromium loads the report page from here). */
function selfOrigin(request: Request): string {
  if (process.env.LDBU_INTERNAL_URL) return process.env.LDBU_INTERNAL_URL.replace(/\/+$/, "");
  const port = new URL(request.url).port || process.env.PORT || "3000";
  return `http://127.0.0.1:${port}`;
}

/** GET /aarsrapport/[år]/pdf (current version) and /aarsrapport/[år]/v/[n]/pdf. */
export async function getReportPdf(request: Request, params: { aar: string; version?: string }): Promise<Response> {
  const auth = await requireApi(request, "read:published");
  if (auth instanceof Response) return auth;
  const at = parse(params);
  if (!at) return problem(400, "Ugyldig adresse: år eller version er ikke gyldig.");
  const data = await reportData(auth.viewer, at.year, at.version);
  if (!data) return notPublished();
  const { report } = data;
  let pdf: Buffer;
  try {
    pdf = await reportPdf(report, selfOrigin(request));
  } catch (e) {
    if (e instanceof PdfUnavailable) return problem(503, `PDF-udgaven kan ikke laves lige nu: ${e.message}`, { "Retry-After": "3600" });
    console.error("aarsrapport-pdf", e);
    return problem(500, "PDF-udgaven kunne ikke laves. Prøv igen senere, eller udskriv siden fra browseren.");
  }
  await audit(auth.viewer, "export", "pdf/aarsrapport", { aar: report.year, version: report.version });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${pdfFileName(report.year, report.version)}"`,
      "Cache-Control": at.version === null ? "public, max-age=60, must-revalidate" : IMMUTABLE,
    },
  });
}
