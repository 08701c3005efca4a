export { getCatalog as GET } from "@/lib/api/v1/catalog";
export { preflight as OPTIONS } from "@/lib/api/v1/http";
