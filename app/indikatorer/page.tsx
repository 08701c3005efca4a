import { NotBuilt } from "@/components/NotBuilt";
export const metadata = { title: "Indikatorbeskrivelser" };
export default function Page() {
  return <NotBuilt title="Indikatorbeskrivelser" what="indikatorkataloget med fulde definitioner, tællere, nævnere og standarder." />;
}
