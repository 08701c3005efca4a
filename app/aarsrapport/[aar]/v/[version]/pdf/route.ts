import { getReportPdf } from "@/lib/aarsrapport/http";

export async function GET(request: Request, { params }: { params: Promise<{ aar: string; version: string }> }) {
  return getReportPdf(request, await params);
}
