import Link from "next/link";
import { StatusBadge } from "@/components/aarsrapport/StatusBadge";
import { StepForm } from "@/components/aarsrapport/StepForm";
import { listReports, yearsWithResults } from "@/lib/aarsrapport/reports";
import { dateText, dateTimeText } from "@/lib/aarsrapport/rules";
import { requirePage } from "@/lib/auth/guard";
import { createReportAction } from "./actions";

export const metadata = { title: "Årsrapporter" };

export default async function AnnualReportsPage() {
  await requirePage("admin", "/admin/aarsrapporter");
  const [reports, years] = await Promise.all([listReports(), yearsWithResults()]);
  const started = new Set(reports.map((r) => r.year));
  const free = years.filter((y) => !started.has(y));
  return (
    <>
      <p className="muted">
        <Link href="/admin">Administration</Link> › Årsrapporter
      </p>
      <h1>Årsrapporter</h1>
      <p className="lead">
        Et års resultater fryses i en årsrapport (kladde), sendes i høring hos kommunernes ledere af sundhedsplejen, får SundK&apos;s faglige kommentarer og
        offentliggøres. En offentliggjort rapport ændres aldrig; en rettelse er en ny version med en ændringsnote.
      </p>

      <section aria-labelledby="ny">
        <h2 id="ny">Ny årsrapport</h2>
        {free.length === 0 ? (
          <p className="notice">Alle år med resultater har allerede en årsrapport. Ret et offentliggjort år ved at åbne det og oprette en rettelse.</p>
        ) : (
          <StepForm action={createReportAction} label="Opret årsrapport" buttons={[{ label: "Opret og frys resultaterne" }]} pendingLabel="Genberegner og fryser resultaterne … det kan tage et par minutter." testId="create-report">
            <div className="filter">
              <label htmlFor="aar">År (fødselsårgang; skoleindikatorerne for skoleåret, der begynder i august samme år)</label>
              <select id="aar" name="aar" defaultValue={String(free[0])}>
                {free.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <p className="muted">Først indregnes alle modtagne indberetninger (genberegning); derefter fryses tallene med tidspunktet som dataafgrænsning.</p>
          </StepForm>
        )}
      </section>

      <section aria-labelledby="alle">
        <h2 id="alle">Alle årsrapporter</h2>
        {reports.length === 0 ? (
          <p className="notice" role="status">Der er ingen årsrapporter endnu.</p>
        ) : (
          <div className="table-wrap">
            <table className="results" data-testid="report-list">
              <caption>Årsrapporter, nyeste først</caption>
              <thead>
                <tr>
                  <th scope="col">Årsrapport</th>
                  <th scope="col">Status</th>
                  <th scope="col">Data til og med</th>
                  <th scope="col">Høringsfrist</th>
                  <th scope="col" className="num">Kommuner med kommentarer</th>
                  <th scope="col">Offentliggjort</th>
                  <th scope="col">Ændringsnote</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link href={`/admin/aarsrapporter/${r.id}`}>
                        {r.year}, version {r.version}
                      </Link>
                    </th>
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                    <td>{dateTimeText(r.dataCutoff)}</td>
                    <td>{r.hearingDeadline ? dateTimeText(r.hearingDeadline) : "–"}</td>
                    <td className="num">{r.commentingMunicipalities}</td>
                    <td>{r.publishedAt ? dateText(r.publishedAt) : "–"}</td>
                    <td>{r.changeNote ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
