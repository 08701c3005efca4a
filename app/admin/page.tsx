import Link from "next/link";
import { NotBuilt } from "@/components/NotBuilt";
import { requirePage } from "@/lib/auth/guard";
export const metadata = { title: "Administration" };
export default async function Page() {
  await requirePage("admin", "/admin");
  return (
    <>
      <NotBuilt title="Administration" what="brugere, organisationer (SOR → kommune), standarder, modtagelseslog og auditlog." />
      <p><Link href="/admin/aarsrapporter">Årsrapporter</Link>: frys et års resultater, høring hos kommunerne, offentliggørelse og rettelser.</p>
    </>
  );
}
