export { getCsvExport as GET } from "@/lib/api/export-csv";
