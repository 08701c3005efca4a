import { notFound } from "next/navigation";
import { Patterns } from "@/components/charts/Patterns";
import { MunicipalityPicker } from "@/components/MunicipalityPicker";
import { ProfileView } from "@/components/views/ProfileView";
import { decide } from "@/lib/auth/access";
import { requirePage } from "@/lib/auth/guard";
import { profileData } from "@/lib/queries/profile";
import { viewContext } from "@/lib/queries/view-context";
import { audit } from "@/lib/audit";

export async function generateMetadata({ params }: { params: Promise<{ kode: string }> }) {
  const { kode } = await params;
  return { title: `Kommuneprofil ${kode}` };
}

export default async function KommuneprofilPage({ params }: { params: Promise<{ kode: string }> }) {
  const { kode } = await params;
  if (!/^\d{3}$/.test(kode)) notFound();
  const ctx = await viewContext();
  const municipality = ctx.directory.municipalities.find((m) => m.code === kode);
  if (!municipality) notFound();
  const { viewer } = await requirePage("read:current", `/kommuner/${kode}`, kode);
  const data = await profileData(viewer, kode);
  if (!data) notFound();
  await audit(viewer, "view", "kommuneprofil", { kommune: kode }, kode);
  const region = ctx.directory.regions.find((r) => r.code === municipality.regionCode)?.name ?? "";
  return (
    <>
      <h1>Kommuneprofil: {municipality.name}</h1>
      <p className="lead">
        Alle indikatorer for {municipality.name} Kommune ({region}) i den seneste periode, sammenlignet med regionen og hele landet.{" "}
        <a href={`/udvikling?kommune=${kode}`}>Se udviklingen over tid</a>.
      </p>
      <MunicipalityPicker municipalities={ctx.directory.municipalities} current={kode} label="Skift kommune" />
      <Patterns />
      <ProfileView data={data} indicators={ctx.indicators} municipality={municipality.name} region={region} canExport={decide(viewer, "export:current", kode).allow} />
    </>
  );
}
