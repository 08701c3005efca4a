import { NotBuilt } from "@/components/NotBuilt";
export const metadata = { title: "Udvikling" };
export default function Page() {
  return <NotBuilt title="Udvikling" what="tidsserier for en kommune sammenlignet med region og land." />;
}
