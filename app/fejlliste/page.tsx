import { NotBuilt } from "@/components/NotBuilt";
import { requirePage } from "@/lib/auth/guard";
import { getViewer } from "@/lib/auth/session";
export const metadata = { title: "Fejlliste" };
export default async function Page() {
  const viewer = await getViewer();
  const own = viewer.kind === "user" ? viewer.municipalityCode ?? undefined : undefined;
  await requirePage("read:worklist", "/fejlliste", own);
  return <NotBuilt title="Fejlliste" what="afviste indberetninger, besøg med manglende obligatoriske observationer og sene indberetninger for egen kommune." />;
}
