import Link from "next/link";
import styles from "./admin.module.css";

/** The administration's sections (PRODUCT.md "Admin"). */
export const ADMIN_SECTIONS = [
  { href: "/admin/brugere", label: "Brugere", description: "Opret brugere, skift rolle og kommune, deaktivér, nulstil adgangskode." },
  { href: "/admin/organisationer", label: "Organisationer", description: "Knyt SOR-koder til kommuner, og se SOR-koder i indberetningerne, der ikke er knyttet til en kommune." },
  { href: "/admin/audit", label: "Auditlog", description: "Hvem så eller eksporterede data på personniveau eller ikke-offentliggjorte data, hvornår og hvad – og hvem der ændrede brugere, SOR-koder, standarder, indstillinger og årsrapporter." },
  { href: "/admin/modtagelser", label: "Modtagelseslog", description: "Alle modtagne indberetninger: tidspunkt, kommune, resultat og fejl." },
  { href: "/admin/standarder", label: "Standarder", description: "Indikatorernes standarder: ret niveauet, og fastsæt de foreløbige startværdier." },
  { href: "/admin/indstillinger", label: "Indstillinger", description: "Grænsen for advarsel om lav dækningsgrad på dashboards og i datakomplethed." },
  { href: "/admin/aarsrapporter", label: "Årsrapporter", description: "Frys et års resultater, høring hos kommunerne, offentliggørelse og rettelser." },
] as const;

export function AdminNav({ current }: { current: string }) {
  return (
    <nav aria-label="Administration" className={styles.nav}>
      <ul>
        <li>
          <Link href="/admin" aria-current={current === "/admin" ? "page" : undefined}>
            Oversigt
          </Link>
        </li>
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={current === s.href ? "page" : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
