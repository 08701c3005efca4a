import { ReportIndex } from "@/components/aarsrapport/ReportIndex";
import { requirePage } from "@/lib/auth/guard";
import { publishedVersions } from "@/lib/aarsrapport/published";

export const metadata = { title: "Årsrapporter" };

export default async function Page() {
  await requirePage("read:published", "/aarsrapport");
  return <ReportIndex versions={await publishedVersions()} />;
}
