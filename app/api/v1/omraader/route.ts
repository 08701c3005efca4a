export { getAreas as GET } from "@/lib/api/v1/areas";
export { preflight as OPTIONS } from "@/lib/api/v1/http";
