/**
 * GET /api/export/csv?visning=sammenlign|udvikling|kommuneprofil|forside&… (the view's own URL parameters) – the
 * view's table as CSV for Danish Excel. Built from the same rows and columns as the table on the page, through the
 * same suppressed data layer; every export is audited.
 */
import { audit } from "@/lib/audit";
import { requireApi } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/roles";
import { compareData } from "@/lib/queries/compare";
import { overviewData } from "@/lib/queries/overview";
import { profileData } from "@/lib/queries/profile";
import { seriesData } from "@/lib/queries/series";
import { viewContext, type ViewContext } from "@/lib/queries/view-context";
import { apiSchemas, badRequest, searchParamsObject } from "@/lib/views/api-params";
import { csvTable } from "@/lib/views/columns";
import { compareRows, sortRows } from "@/lib/views/compare";
import { compareCsvColumns } from "@/lib/views/compare-table";
import { CSV_CONTENT_TYPE, csvFileName, toCsv } from "@/lib/views/csv";
import { OVERVIEW_CSV_COLUMNS, overviewRows } from "@/lib/views/overview";
import { profileCsvColumns, profileRows } from "@/lib/views/profile";
import { seriesCsvColumns, seriesRows } from "@/lib/views/series";
import { COMPARE_DEFAULTS } from "@/lib/views/url-state";
import type { z } from "zod";

type ExportQuery = z.infer<ReturnType<typeof apiSchemas>["csvExport"]>;
interface Table {
  name: string;
  header: string[];
  rows: string[][];
}

const ownCode = (viewer: Viewer) => (viewer.kind === "user" ? viewer.municipalityCode : null);

async function table(viewer: Viewer, ctx: ViewContext, q: ExportQuery): Promise<Table | null> {
  const regionName = (code: string) => ctx.directory.regions.find((r) => r.code === code)?.name ?? code;
  const breakdownLabel = (key: string) => ctx.breakdowns.find((b) => b.key === key)?.label ?? key;
  switch (q.visning) {
    case "sammenlign": {
      const data = await compareData(viewer, { indicatorId: q.indikator, period: q.periode ?? null, breakdown: q.opdeling, region: q.region ?? null });
      if (data.period === null || (q.periode && data.period !== q.periode)) return null;
      const { summary, municipalities } = compareRows(data, ctx.directory, q.region ?? null, ownCode(viewer));
      const rows = [...summary, ...sortRows(municipalities, q.sort ?? COMPARE_DEFAULTS.sort, q.retning ?? COMPARE_DEFAULTS.retning)];
      const t = csvTable(compareCsvColumns({ indicatorId: q.indikator, period: data.period, breakdownLabel: breakdownLabel(q.opdeling), regionName }), rows);
      return { name: csvFileName("ldbu", "sammenlign", q.indikator, data.period, q.region ?? "", q.opdeling === "all" ? "" : q.opdeling), ...t };
    }
    case "udvikling": {
      const data = await seriesData(viewer, { indicatorId: q.indikator, municipalityCode: q.kommune, breakdown: q.opdeling });
      if (!data) return null;
      const municipality = ctx.directory.municipalities.find((m) => m.code === q.kommune)?.name ?? q.kommune;
      const rows = seriesRows(data, { municipality, region: regionName(data.regionCode) });
      const t = csvTable(seriesCsvColumns({ indicatorId: q.indikator, breakdownLabel: breakdownLabel(q.opdeling) }), rows);
      return { name: csvFileName("ldbu", "udvikling", q.indikator, q.kommune, q.opdeling === "all" ? "" : q.opdeling), ...t };
    }
    case "kommuneprofil": {
      const data = await profileData(viewer, q.kommune);
      if (!data) return null;
      const municipality = ctx.directory.municipalities.find((m) => m.code === q.kommune)?.name ?? q.kommune;
      const t = csvTable(profileCsvColumns({ municipality, region: regionName(data.regionCode) }), profileRows(data, ctx.indicators));
      return { name: csvFileName("ldbu", "kommuneprofil", q.kommune), ...t };
    }
    case "forside": {
      const rows = overviewRows(await overviewData(viewer), ctx.indicators, ctx.directory.municipalities.length);
      return { name: csvFileName("ldbu", "forside"), ...csvTable(OVERVIEW_CSV_COLUMNS, rows) };
    }
  }
}

export async function getCsvExport(request: Request): Promise<Response> {
  const auth = await requireApi(request, "export:current");
  if (auth instanceof Response) return auth;
  const ctx = await viewContext();
  const parsed = apiSchemas(ctx.domain).csvExport.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  const q = parsed.data;
  const t = await table(auth.viewer, ctx, q);
  if (!t) return Response.json({ error: "Ingen resultater for de valgte parametre." }, { status: 404 });
  await audit(auth.viewer, "export", `csv/${q.visning}`, { ...q, rows: t.rows.length }, "kommune" in q ? q.kommune : null);
  return new Response(toCsv(t.header, t.rows), {
    headers: {
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${t.name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
