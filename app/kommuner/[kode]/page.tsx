import { notFound } from "next/navigation";
import { NotBuilt } from "@/components/NotBuilt";
import { requirePage } from "@/lib/auth/guard";
import { municipalityName } from "@/lib/queries/municipalities";

export default async function KommuneprofilPage({ params }: { params: Promise<{ kode: string }> }) {
  const { kode } = await params;
  if (!/^\d{3}$/.test(kode)) notFound();
  const name = await municipalityName(kode);
  if (!name) notFound();
  await requirePage("read:current", `/kommuner/${kode}`, kode);
  return <NotBuilt title={`Kommuneprofil: ${name}`} what="alle indikatorer for kommunen sammenlignet med region og land, med rygsøjlediagram og udvikling." />;
}
