export { getMap as GET } from "@/lib/api/map";
