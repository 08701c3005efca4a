import { getIndicator } from "@/lib/api/v1/catalog";

export const GET = async (request: Request, ctx: { params: Promise<{ id: string }> }) => getIndicator(request, await ctx.params);
export { preflight as OPTIONS } from "@/lib/api/v1/http";
