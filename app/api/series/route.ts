export { getSeries as GET } from "@/lib/api/series";
