export { getResults as GET } from "@/lib/api/results";
