/**
 * GET /api/v1/aarsrapporter – every published annual-report version (current and superseded);
 * GET /api/v1/aarsrapporter/{year}[?version=2] – one report: summary, the indicators as frozen with their period and
 * standard, SundK's commentary and the municipalities' hearing comments. Drafts and reports in hearing are never here.
 * A version-pinned report never changes; which version is current does, so that lives in the list only.
 */
import { publishedComments, publishedVersions } from "@/lib/aarsrapport/published";
import { areaDirectory } from "@/lib/queries/municipalities";
import { authoriseRead, conditional, contentResponse, etagOf, guarded, invalidParameters, jsonResponse, problem, queryObject } from "./http";
import { noParams, reportPath, reportQuery } from "./params";
import { loadReport, pickVersion } from "./reports-store";
import { API_BASE, reportId, reportIndicator, reportRef, versionEntry } from "./serialise";

export function getReports(request: Request): Promise<Response> {
  return guarded("/api/v1/aarsrapporter", async () => {
    const reader = await authoriseRead(request);
    if (reader instanceof Response) return reader;
    const parsed = noParams.safeParse(queryObject(new URL(request.url).searchParams));
    if (!parsed.success) return invalidParameters(parsed.error);
    const versions = await publishedVersions();
    const reports = versions.map((v) => versionEntry(v, pickVersion(versions, v.year)?.version === v.version));
    return contentResponse(request, reader, { reports });
  });
}

export function getReport(request: Request, path: { year: string }): Promise<Response> {
  return guarded("/api/v1/aarsrapporter/{year}", async () => {
    const reader = await authoriseRead(request);
    if (reader instanceof Response) return reader;
    const year = reportPath.safeParse(path);
    if (!year.success) return invalidParameters(year.error);
    const parsed = reportQuery.safeParse(queryObject(new URL(request.url).searchParams));
    if (!parsed.success) return invalidParameters(parsed.error);
    const { version: pinned } = parsed.data;
    const version = pickVersion(await publishedVersions(), Number(year.data.year), pinned);
    if (!version)
      return problem("not-found", `${pinned ? `Version ${pinned} af årsrapporten` : "Årsrapporten"} for ${year.data.year} er ikke offentliggjort (se ${API_BASE}/aarsrapporter).`);
    const policy = { etag: etagOf("aarsrapport", reportId(version.year, version.version), version.publishedAt, reader.audience), pinned: pinned !== undefined, reader };
    const unchanged = conditional(request, policy);
    if (unchanged) return unchanged;
    const report = await loadReport(version);
    if (!report) return problem("not-found", `Årsrapporten ${reportId(version.year, version.version)} er ikke offentliggjort.`);
    const [comments, directory] = await Promise.all([publishedComments(report), areaDirectory()]);
    return jsonResponse(
      {
        report: reportRef(report),
        summary: report.summary,
        countingRules: report.snapshot.countingRules,
        indicators: report.snapshot.indicators.map((d) => reportIndicator(d, report.version, comments.sundk.get(d.id) ?? null, comments.municipalities.get(d.id) ?? [], directory)),
        links: { versions: `${API_BASE}/aarsrapporter`, current: `${API_BASE}/aarsrapporter/${report.year}`, page: `/aarsrapport/${report.year}` },
      },
      policy,
    );
  });
}
