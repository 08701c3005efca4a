export { getAuditCsv as GET } from "@/lib/audit/http";
