import { NotBuilt } from "@/components/NotBuilt";
export const metadata = { title: "Sammenlign kommuner" };
export default function Page() {
  return <NotBuilt title="Sammenlign kommuner" what="sorteret søjlediagram med konfidensintervaller, tragtdiagram, Danmarkskort og tabel for hver indikator." />;
}
