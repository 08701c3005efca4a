export { getProfile as GET } from "@/lib/api/profile";
