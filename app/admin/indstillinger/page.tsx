import { AdminNav } from "@/components/admin/AdminNav";
import { ThresholdForm } from "@/components/admin/ThresholdForm";
import { requirePage } from "@/lib/auth/guard";
import { thresholdSetting } from "@/lib/completeness/threshold-admin";
import { formatPercent } from "@/lib/stats/format";
import { formatDateTime } from "@/lib/views/date-time";

export const metadata = { title: "Indstillinger" };

export default async function IndstillingerPage() {
  await requirePage("admin", "/admin/indstillinger");
  const s = await thresholdSetting();
  return (
    <>
      <h1>Indstillinger</h1>
      <AdminNav current="/admin/indstillinger" />
      <section aria-labelledby="daekning" data-testid="coverage-threshold">
        <h2 id="daekning">Advarsel om lav dækningsgrad</h2>
        <p>
          Når dækningsgraden bag et resultat – andelen af børnene i registerbefolkningen med de indberetninger, indikatoren bygger på – er under grænsen, viser
          kommuneprofilen og sammenligningen en advarsel om, at resultatet bygger på ufuldstændige data, og datakomplethedens heatmap markerer kommunen. Ændringen
          gælder straks og skrives i auditloggen.
        </p>
        <p>
          Gældende grænse: <strong>{formatPercent(s.threshold, 0)}</strong>
          {s.updatedAt ? ` (ændret ${formatDateTime(s.updatedAt)} af ${s.updatedBy ?? "ukendt"})` : ` (standardværdien)`}. Standardværdi:{" "}
          {formatPercent(s.defaultThreshold, 0)}.
        </p>
        <ThresholdForm threshold={String(Math.round(s.threshold * 100))} />
      </section>
    </>
  );
}
