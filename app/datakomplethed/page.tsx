import { NotBuilt } from "@/components/NotBuilt";
import { requirePage } from "@/lib/auth/guard";
export const metadata = { title: "Datakomplethed" };
export default async function Page() {
  await requirePage("read:current", "/datakomplethed");
  return <NotBuilt title="Datakomplethed" what="dækningsgrad, variabelkomplethed, rettidighed og afviste indberetninger pr. kommune." />;
}
