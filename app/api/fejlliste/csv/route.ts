export { getWorklistCsv as GET } from "@/lib/completeness/http";
