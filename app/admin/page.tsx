import Link from "next/link";
import { ADMIN_SECTIONS, AdminNav } from "@/components/admin/AdminNav";
import { requirePage } from "@/lib/auth/guard";
import styles from "@/components/admin/admin.module.css";

export const metadata = { title: "Administration" };

export default async function AdminPage() {
  await requirePage("admin", "/admin");
  return (
    <>
      <h1>Administration</h1>
      <AdminNav current="/admin" />
      <ul className={styles.sections}>
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.href}>
            <h2>
              <Link href={s.href}>{s.label}</Link>
            </h2>
            <p>{s.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
