import { AdminNav } from "@/components/admin/AdminNav";
import { StandardForm } from "@/components/admin/StandardForm";
import { requirePage } from "@/lib/auth/guard";
import { listStandards } from "@/lib/indicators/standard-admin";
import { formatPercent } from "@/lib/stats/format";
import { formatDateTime } from "@/lib/views/date-time";
import { POLARITY_LABEL } from "@/lib/views/labels";

export const metadata = { title: "Standarder" };

/** Whole per cent, as the form takes it. */
const percentInput = (share: number) => String(Math.round(share * 100));

export default async function StandarderPage() {
  await requirePage("admin", "/admin/standarder");
  const standards = await listStandards();
  return (
    <>
      <h1>Standarder</h1>
      <AdminNav current="/admin/standarder" />
      <p>
        Standarden er det niveau, en kommune bør nå. Katalogets startværdier er foreløbige, indtil SundK fastsætter dem. En ændring gælder straks for alle
        gemte resultater af indikatoren (dashboards, sammenligninger og API), ikke for årsrapporter, der allerede er frosset. Ændringer skrives i
        auditloggen.
      </p>
      <ul className="plain-list">
        {standards.map((s) => (
          <li key={s.indicatorId} data-testid={`standard-${s.indicatorId}`}>
            <h2>
              {s.indicatorId} {s.title}
            </h2>
            <p>
              {POLARITY_LABEL[s.polarity]}. Gældende standard: <strong>{formatPercent(s.target, 0)}</strong> ({s.provisional ? "foreløbig" : "fastsat af SundK"}
              ). Katalogets startværdi: {formatPercent(s.catalogTarget, 0)}.
              {s.updatedAt && (
                <>
                  {" "}
                  Senest ændret {formatDateTime(s.updatedAt)} af {s.updatedBy ?? "ukendt"}.
                </>
              )}
            </p>
            <StandardForm indicatorId={s.indicatorId} title={s.title} target={percentInput(s.target)} provisional={s.provisional} />
          </li>
        ))}
      </ul>
    </>
  );
}
