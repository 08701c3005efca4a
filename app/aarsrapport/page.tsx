import { NotBuilt } from "@/components/NotBuilt";
export const metadata = { title: "Årsrapport" };
export default function Page() {
  return <NotBuilt title="Årsrapport" what="de offentliggjorte årsrapporter med resultater, kommentarer og datakomplethed." />;
}
