export { getReports as GET } from "@/lib/api/v1/reports";
export { preflight as OPTIONS } from "@/lib/api/v1/http";
