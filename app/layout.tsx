import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/SiteHeader";
import { getViewer } from "@/lib/auth/session";
import { areaDirectory } from "@/lib/queries/municipalities";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "LDBU – Landsdækkende Database for Børns Sundhed", template: "%s · LDBU" },
  description: "Kvalitetsindikatorer for sundhedsplejen i Danmarks 98 kommuner.",
};

// Every page depends on the viewer (session cookie) and on live data.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const own = viewer.kind === "user" ? viewer.municipalityCode : null;
  const kommune = own ? ((await areaDirectory()).municipalities.find((m) => m.code === own)?.name ?? null) : null;
  return (
    <html lang="da">
      <body>
        <a className="skip-link" href="#indhold">Spring til indhold</a>
        <SiteHeader viewer={viewer} municipalityName={kommune} />
        <main id="indhold" className="content">{children}</main>
        <footer className="site-footer">
          <p>LDBU drives af Sundhedsvæsenets Kvalitetsinstitut (SundK). Data fra kommunernes sundhedsplejejournaler (FBU).</p>
        </footer>
      </body>
    </html>
  );
}
