export { getWorklist as GET } from "@/lib/completeness/http";
