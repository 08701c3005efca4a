export { getCompleteness as GET } from "@/lib/completeness/http";
