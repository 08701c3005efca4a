import { getReport } from "@/lib/api/v1/reports";

export const GET = async (request: Request, ctx: { params: Promise<{ year: string }> }) => getReport(request, await ctx.params);
export { preflight as OPTIONS } from "@/lib/api/v1/http";
