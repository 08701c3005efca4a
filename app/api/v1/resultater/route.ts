export { getResults as GET } from "@/lib/api/v1/results";
export { preflight as OPTIONS } from "@/lib/api/v1/http";
