import { getReportCsv } from "@/lib/aarsrapport/http";

export async function GET(request: Request, { params }: { params: Promise<{ aar: string; version: string; tabel: string }> }) {
  return getReportCsv(request, await params);
}
