export { getCompletenessCsv as GET } from "@/lib/completeness/http";
