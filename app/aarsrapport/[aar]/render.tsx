/**
 * The pages of a published report, shared by the current-version addresses (/aarsrapport/2025/…) and the
 * version-pinned ones (/aarsrapport/2025/v/1/…). Not a route itself.
 */
import { notFound } from "next/navigation";
import { MunicipalityReport } from "@/components/aarsrapport/MunicipalityReport";
import { ReportView } from "@/components/aarsrapport/ReportView";
import { requirePage } from "@/lib/auth/guard";
import { reportCompleteness, reportData } from "@/lib/aarsrapport/report-data";
import { parseVersion, parseYear, reportPath } from "@/lib/aarsrapport/report-view";
import { siteUrl } from "@/lib/aarsrapport/site";

export interface ReportParams {
  aar: string;
  version?: string;
  kode?: string;
}

async function load(p: ReportParams, sub: string) {
  const year = parseYear(p.aar);
  const version = p.version === undefined ? null : parseVersion(p.version);
  if (year === null || (p.version !== undefined && version === null)) notFound();
  const { viewer } = await requirePage("read:published", reportPath(year, version, sub));
  const data = await reportData(viewer, year, version);
  if (!data) notFound();
  return { viewer, data };
}

export function reportTitle(p: ReportParams): string {
  return `Årsrapport ${p.aar}${p.version ? `, version ${p.version}` : ""}${p.kode ? ` – kommune ${p.kode}` : ""}`;
}

export async function ReportPage({ params }: { params: ReportParams }) {
  const { viewer, data } = await load(params, "");
  const completeness = await reportCompleteness(viewer, data.report, data.directory);
  return <ReportView data={data} completeness={completeness} base={siteUrl()} pinned={params.version !== undefined} />;
}

export async function MunicipalityPage({ params }: { params: ReportParams }) {
  if (!params.kode || !/^\d{3}$/.test(params.kode)) notFound();
  const { data } = await load(params, `/kommuner/${params.kode}`);
  const municipality = data.directory.municipalities.find((m) => m.code === params.kode);
  if (!municipality) notFound();
  return <MunicipalityReport data={data} municipality={municipality} base={siteUrl()} pinned={params.version !== undefined} />;
}
