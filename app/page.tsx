import Link from "next/link";
import { Patterns } from "@/components/charts/Patterns";
import { Legend } from "@/components/Legend";
import { OverviewView } from "@/components/views/OverviewView";
import { PublicIntro } from "@/components/views/PublicIntro";
import { decide } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { INDICATORS } from "@/lib/indicators/catalog";
import { overviewData } from "@/lib/queries/overview";
import { viewContext } from "@/lib/queries/view-context";
import { overviewRows } from "@/lib/views/overview";
import { audit } from "@/lib/audit";

export default async function Forside() {
  const viewer = await getViewer();
  const canRead = decide(viewer, "read:current").allow;
  return (
    <>
      <h1>Børns sundhed i Danmarks 98 kommuner</h1>
      <p className="lead">
        LDBU samler sundhedsplejens data om børn fra graviditet til 15 år og beregner kvalitetsindikatorer, så
        kommunerne kan udvikle kvaliteten og sammenligne sig med hinanden.
      </p>
      {canRead ? <Overview viewer={viewer} /> : <PublicIntro indicators={INDICATORS} />}
    </>
  );
}

async function Overview({ viewer }: { viewer: Awaited<ReturnType<typeof getViewer>> }) {
  const [ctx, data] = await Promise.all([viewContext(), overviewData(viewer)]);
  const rows = overviewRows(data, ctx.indicators, ctx.directory.municipalities.length);
  await audit(viewer, "view", "forside");
  return (
    <>
      <p>
        Foreløbige resultater. Vælg en indikator for at sammenligne kommunerne, eller se <Link href="/kommuner">en kommunes profil</Link>.
      </p>
      <Patterns />
      <OverviewView rows={rows} canExport={decide(viewer, "export:current").allow} />
      <Legend polarity="all" lines={false} />
    </>
  );
}
