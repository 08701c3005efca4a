export { getOpenApi as GET } from "@/lib/api/v1/document";
export { preflight as OPTIONS } from "@/lib/api/v1/http";
