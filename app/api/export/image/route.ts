export { postImageExport as POST } from "@/lib/api/export-image";
