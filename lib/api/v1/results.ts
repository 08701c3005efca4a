/**
 * GET /api/v1/resultater?indicator=LDBU-01[&period=2025][&level=municipality][&area=751][&breakdown=koen:female]
 * [&version=2][&format=csv] – the frozen results of one indicator × period of a published annual report, suppressed
 * for the viewer (lib/aarsrapport/published.ts). Without `period`, the newest published report; without `version`, the
 * current version of that report. JSON, or CSV by `format=csv` or `Accept: text/csv`.
 */
import { publishedCells, publishedVersions } from "@/lib/aarsrapport/published";
import { audit } from "@/lib/audit";
import { INDICATOR_BY_ID } from "@/lib/indicators/catalog";
import { parsePeriod } from "@/lib/indicators/periods";
import { areaDirectory } from "@/lib/queries/municipalities";
import type { Directory } from "@/lib/views/types";
import { authoriseRead, conditional, csvResponse, etagOf, guarded, invalidParameters, jsonResponse, problem, queryObject } from "./http";
import { breakdownSelected, levelOfArea, resultsQuery, type ResultsQuery } from "./params";
import { currentVersions, loadReport, pickVersion } from "./reports-store";
import { API_BASE, reportId, reportRef, resultRows, resultsCsv } from "./serialise";

/** CSV when asked for by `format`, else when the Accept header prefers text/csv to JSON. */
export function wantsCsv(accept: string | null, format: "json" | "csv" | undefined): boolean {
  if (format) return format === "csv";
  const q = new Map<string, number>();
  for (const part of (accept ?? "").split(",")) {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    const qv = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    q.set(type.trim(), qv ? Number(qv.slice(2)) || 0 : 1);
  }
  const csv = q.get("text/csv") ?? 0;
  return csv > 0 && csv > (q.get("application/json") ?? q.get("*/*") ?? 0);
}

function areaKnown(directory: Directory, code: string): boolean {
  const level = levelOfArea(code);
  if (level === "nation") return true;
  return level === "region" ? directory.regions.some((r) => r.code === code) : directory.municipalities.some((m) => m.code === code);
}

const yearOfPeriod = (period: string) => {
  const p = parsePeriod(period);
  return p.kind === "birth-cohort" ? p.year : p.startYear;
};

export function getResults(request: Request): Promise<Response> {
  return guarded("/api/v1/resultater", async () => {
    const reader = await authoriseRead(request);
    if (reader instanceof Response) return reader;
    const parsed = resultsQuery.safeParse(queryObject(new URL(request.url).searchParams));
    if (!parsed.success) return invalidParameters(parsed.error);
    const q: ResultsQuery = parsed.data;
    const def = INDICATOR_BY_ID.get(q.indicator);
    if (!def) return problem("not-found", `Indikatoren ${q.indicator} findes ikke i kataloget (se ${API_BASE}/indikatorer).`);
    if (q.period && (parsePeriod(q.period).kind !== def.periodKind))
      return problem("not-found", `${q.indicator} opgøres pr. ${def.periodKind === "birth-cohort" ? "fødselsårgang (fx 2025)" : "skoleår (fx 2025/26)"}; perioden ${q.period} findes ikke.`);
    const directory = await areaDirectory();
    if (q.area && !areaKnown(directory, q.area)) return problem("not-found", `Området ${q.area} findes ikke (se ${API_BASE}/omraader).`);

    const versions = await publishedVersions();
    const version = q.period ? pickVersion(versions, yearOfPeriod(q.period), q.version) : currentVersions(versions)[0] ?? null;
    if (!version)
      return problem(
        "not-found",
        q.version
          ? `Version ${q.version} af årsrapporten for ${q.period} er ikke offentliggjort (se ${API_BASE}/aarsrapporter).`
          : `Der er ingen offentliggjort årsrapport${q.period ? ` for ${q.period}` : ""} (se ${API_BASE}/aarsrapporter).`,
      );
    const csv = wantsCsv(request.headers.get("accept"), q.format);
    const selection = { ...q, format: undefined }; // what the body depends on (the format is its own ETag part)
    const policy = {
      etag: etagOf("resultater", reportId(version.year, version.version), version.publishedAt, selection, csv ? "csv" : "json", reader.audience),
      pinned: q.version !== undefined,
      reader,
    };
    const unchanged = conditional(request, policy);
    if (unchanged) return unchanged;

    const report = await loadReport(version);
    const frozen = report?.snapshot.indicators.find((i) => i.id === q.indicator);
    if (!report || !frozen || (q.period && frozen.period !== q.period))
      return problem("not-found", `Årsrapporten ${reportId(version.year, version.version)} indeholder ikke ${q.indicator}${q.period ? ` for ${q.period}` : ""}.`);
    // suppression sees the whole table of the indicator × period; the selection comes after it
    const table = { ...report.snapshot, results: report.snapshot.results.filter((r) => r.indicatorId === q.indicator) };
    const cells = await publishedCells(reader.viewer, table, (c) =>
      (!q.level || c.areaLevel === q.level) && (!q.area || c.areaCode === q.area) && breakdownSelected(q.breakdown, c.breakdown, c.breakdownValue),
    );
    const rows = resultRows(cells, directory);
    const ref = reportRef(report);
    if (csv) {
      await audit(reader.viewer, "export", "api/v1/resultater", { ...selection, report: ref.id, rows: rows.length }, q.area && levelOfArea(q.area) === "municipality" ? q.area : null);
      return csvResponse(resultsCsv(ref, rows), `ldbu_${ref.id}_${q.indicator}_${frozen.period.replace("/", "-")}.csv`, policy);
    }
    // figures beyond the public ones (SundK) are a read of unpublished data
    if (reader.audience !== "public") await audit(reader.viewer, "view", "api/v1/resultater", { ...selection, report: ref.id });
    return jsonResponse(
      {
        report: ref,
        indicator: { id: frozen.id, title: frozen.title, area: frozen.area, periodKind: frozen.periodKind, kind: frozen.kind, polarity: frozen.polarity, standardTarget: frozen.standardTarget },
        period: frozen.period,
        smallNumbersSuppressed: reader.audience === "public",
        results: rows,
        links: { report: `${API_BASE}/aarsrapporter/${ref.year}?version=${ref.version}`, indicator: `${API_BASE}/indikatorer/${frozen.id}` },
      },
      policy,
    );
  });
}
