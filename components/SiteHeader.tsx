import Link from "next/link";
import { ROLE_LABEL, type Viewer } from "@/lib/auth/roles";
import { NAV_ITEMS } from "./nav";
import { LogoutButton } from "./LogoutButton";

export function SiteHeader({ viewer, municipalityName }: { viewer: Viewer; municipalityName: string | null }) {
  return (
    <header className="site-header">
      <div className="site-header__top">
        <Link href="/" className="brand">
          <span className="brand__short">LDBU</span>
          <span className="brand__long">Landsdækkende Database for Børns Sundhed</span>
        </Link>
        <div className="account" data-testid="account">
          {viewer.kind === "user" ? (
            <>
              <span>
                <strong data-testid="account-name">{viewer.name}</strong>
                <span className="account__role" data-testid="account-role">
                  {ROLE_LABEL[viewer.role]}
                  {municipalityName ? `, ${municipalityName} Kommune` : ""}
                </span>
              </span>
              <LogoutButton />
            </>
          ) : (
            <Link href="/login" className="button">Log ind</Link>
          )}
        </div>
      </div>
      <nav aria-label="Hovedmenu" className="site-nav">
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item.href}>
              <Link href={item.href}>{item.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
