import Link from "next/link";
import { AdminNav } from "@/components/admin/AdminNav";
import { FilterProblems } from "@/components/admin/FilterProblems";
import styles from "@/components/admin/admin.module.css";
import { Select } from "@/components/completeness/Select";
import { audit } from "@/lib/audit";
import { AUDIT_ACTIONS, parseAuditFilter, serializeAuditFilter, type AuditFilter } from "@/lib/audit/filter";
import { actionLabel, detailPairs } from "@/lib/audit/present";
import { COUNT_CAP, searchAudit } from "@/lib/audit/search";
import { requirePage } from "@/lib/auth/guard";
import { areaDirectory } from "@/lib/queries/municipalities";
import { formatNumber } from "@/lib/stats/format";
import { formatDateTime } from "@/lib/views/date-time";
import { queryString } from "@/lib/views/search-params";

export const metadata = { title: "Auditlog" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const href = (f: AuditFilter) => {
  const q = serializeAuditFilter(f);
  return `/admin/audit${q ? `?${q}` : ""}`;
};

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { viewer } = await requirePage("read:logs", `/admin/audit${queryString(sp)}`);
  const { filter, problems } = parseAuditFilter(sp);
  const [result, directory] = await Promise.all([searchAudit(filter), areaDirectory()]);
  // reading the log is itself logged (it shows what named users looked at)
  await audit(viewer, "view", "auditlog", { ...filter, side: result.page }, filter.kommune ?? null);
  const csvQuery = serializeAuditFilter({ ...filter, side: undefined });
  const countText = result.capped ? `Mere end ${formatNumber(COUNT_CAP)} poster – afgræns søgningen` : `${formatNumber(result.total)} ${result.total === 1 ? "post" : "poster"}`;
  return (
    <>
      <h1>Auditlog</h1>
      <AdminNav current="/admin/audit" />
      <p className="lead">
        Hvem så eller eksporterede data på personniveau eller ikke-offentliggjorte resultater, hvornår og hvad – og hvilke ændringer SundK har gjort ved brugere. Loggen kan
        kun skrives til: ingen poster kan ændres eller slettes.
      </p>
      <form className="filters" method="get" action="/admin/audit" aria-label="Søg i auditloggen">
        <div className="filter">
          <label htmlFor="audit-bruger">Bruger (brugernavn)</label>
          <input id="audit-bruger" name="bruger" defaultValue={filter.bruger ?? ""} maxLength={100} />
        </div>
        <Select name="handling" label="Handling" value={filter.handling ?? ""} options={[{ value: "", label: "Alle handlinger" }, ...AUDIT_ACTIONS]} />
        <div className="filter">
          <label htmlFor="audit-ressource">Ressource (begynder med)</label>
          <input id="audit-ressource" name="ressource" defaultValue={filter.ressource ?? ""} maxLength={100} />
        </div>
        <Select
          name="kommune"
          label="Kommune"
          value={filter.kommune ?? ""}
          options={[{ value: "", label: "Alle kommuner" }, ...directory.municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))]}
        />
        <div className="filter">
          <label htmlFor="audit-fra">Fra dato</label>
          <input id="audit-fra" name="fra" type="date" defaultValue={filter.fra ?? ""} />
        </div>
        <div className="filter">
          <label htmlFor="audit-til">Til dato</label>
          <input id="audit-til" name="til" type="date" defaultValue={filter.til ?? ""} />
        </div>
        <button type="submit" className="button">Søg</button>
        <Link href="/admin/audit">Nulstil</Link>
      </form>
      <FilterProblems problems={problems} />
      <div className={styles.pager}>
        <span role="status" data-testid="audit-count">
          {countText}
        </span>
        <a href={`/api/admin/audit/csv${csvQuery ? `?${csvQuery}` : ""}`} download data-testid="audit-csv">
          Hent søgningen som CSV
        </a>
      </div>
      <div className="table-wrap">
        <table className="results" data-testid="audit-table">
          <caption className="sr-only">Auditlog, nyeste først, side {result.page} af {result.pageCount}</caption>
          <thead>
            <tr>
              <th scope="col">Tidspunkt</th>
              <th scope="col">Bruger</th>
              <th scope="col">Handling</th>
              <th scope="col">Ressource</th>
              <th scope="col">Kommune</th>
              <th scope="col">Detaljer</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.at)}</td>
                <td>
                  {r.username ?? "–"}
                  {r.role && <span className="muted"> ({r.role})</span>}
                </td>
                <td>{actionLabel(r.action)}</td>
                <td>{r.resource}</td>
                <td>{r.municipalityCode ?? "–"}</td>
                <td>
                  <ul className={styles.details}>
                    {detailPairs(r.details).map(([k, v]) => (
                      <li key={k}>
                        {k}: {v}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.pageCount > 1 && (
        <nav aria-label="Sider" className={styles.pager}>
          {result.page > 1 && <Link href={href({ ...filter, side: result.page - 1 })}>Forrige side</Link>}
          <span>
            Side {result.page} af {result.pageCount}
          </span>
          {result.page < result.pageCount && <Link href={href({ ...filter, side: result.page + 1 })}>Næste side</Link>}
        </nav>
      )}
    </>
  );
}
