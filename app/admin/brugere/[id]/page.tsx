import { notFound } from "next/navigation";
import { AccountActions } from "@/components/admin/AccountActions";
import { AdminNav } from "@/components/admin/AdminNav";
import { EditUserForm } from "@/components/admin/EditUserForm";
import { findUser } from "@/lib/accounts/list";
import { requirePage } from "@/lib/auth/guard";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { areaDirectory } from "@/lib/queries/municipalities";
import { formatDateTime } from "@/lib/views/date-time";
import styles from "@/components/admin/admin.module.css";

export const metadata = { title: "Bruger" };

export default async function BrugerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePage("admin", `/admin/brugere/${id}`);
  const user = /^\d{1,9}$/.test(id) ? await findUser(Number(id)) : null;
  if (!user) notFound();
  const directory = await areaDirectory();
  return (
    <>
      <h1>Bruger: {user.username}</h1>
      <AdminNav current="/admin/brugere" />
      <dl className={styles.facts}>
        <dt>Navn</dt>
        <dd>{user.name}</dd>
        <dt>Rolle</dt>
        <dd>{ROLE_LABEL[user.role]}</dd>
        <dt>Kommune</dt>
        <dd>{user.municipalityName ? `${user.municipalityName} (${user.municipalityCode})` : "–"}</dd>
        <dt>Status</dt>
        <dd data-testid="user-status">{user.active ? "Aktiv" : "Deaktiveret"}</dd>
        <dt>Seneste login</dt>
        <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Aldrig"}</dd>
      </dl>
      <p>
        <a href={`/admin/audit?bruger=${encodeURIComponent(user.username)}`}>Se brugerens aktivitet i auditloggen</a>
      </p>
      <EditUserForm user={user} municipalities={directory.municipalities.map((m) => ({ code: m.code, name: m.name }))} />
      <AccountActions user={user} />
    </>
  );
}
