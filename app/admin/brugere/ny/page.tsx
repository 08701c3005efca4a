import { AdminNav } from "@/components/admin/AdminNav";
import { CreateUserForm } from "@/components/admin/CreateUserForm";
import { requirePage } from "@/lib/auth/guard";
import { areaDirectory } from "@/lib/queries/municipalities";

export const metadata = { title: "Opret bruger" };

export default async function NyBrugerPage() {
  await requirePage("admin", "/admin/brugere/ny");
  const directory = await areaDirectory();
  return (
    <>
      <h1>Opret bruger</h1>
      <AdminNav current="/admin/brugere" />
      <CreateUserForm municipalities={directory.municipalities.map((m) => ({ code: m.code, name: m.name }))} />
    </>
  );
}
