import { getReportCsv } from "@/lib/aarsrapport/http";

export async function GET(_request: Request, { params }: { params: Promise<{ aar: string; version: string; tabel: string }> }) {
  return getReportCsv(await params);
}
