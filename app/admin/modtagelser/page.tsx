import Link from "next/link";
import { AdminNav } from "@/components/admin/AdminNav";
import { FilterProblems } from "@/components/admin/FilterProblems";
import styles from "@/components/admin/admin.module.css";
import { Select } from "@/components/completeness/Select";
import { requirePage } from "@/lib/auth/guard";
import { OUTCOMES, parseReceiptFilter, searchReceipts, serializeReceiptFilter, type ReceiptFilter } from "@/lib/receipts/log";
import { areaDirectory } from "@/lib/queries/municipalities";
import { formatNumber } from "@/lib/stats/format";
import { formatDateTime } from "@/lib/views/date-time";
import { queryString } from "@/lib/views/search-params";

export const metadata = { title: "Modtagelseslog" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const href = (f: ReceiptFilter) => {
  const q = serializeReceiptFilter(f);
  return `/admin/modtagelser${q ? `?${q}` : ""}`;
};

export default async function ModtagelserPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  await requirePage("read:logs", `/admin/modtagelser${queryString(sp)}`);
  const { filter, problems } = parseReceiptFilter(sp);
  const [result, directory] = await Promise.all([searchReceipts(filter), areaDirectory()]);
  const name = (code: string | null) => (code ? (directory.municipalities.find((m) => m.code === code)?.name ?? code) : "Ukendt SOR-kode");
  return (
    <>
      <h1>Modtagelseslog</h1>
      <AdminNav current="/admin/modtagelser" />
      <p className="lead">Alle modtagne indberetninger – gemte, afviste og dubletter – nyeste først. Afviste indberetninger er ikke gemt; kun kvitteringen og fejlene er.</p>
      <form className="filters" method="get" action="/admin/modtagelser" aria-label="Søg i modtagelsesloggen">
        <Select name="resultat" label="Resultat" value={filter.resultat ?? ""} options={[{ value: "", label: "Alle" }, ...OUTCOMES]} />
        <Select
          name="kommune"
          label="Kommune"
          value={filter.kommune ?? ""}
          options={[{ value: "", label: "Alle kommuner" }, ...directory.municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))]}
        />
        <div className="filter">
          <label htmlFor="rc-indberetning">Indberetnings-id (Bundle.id)</label>
          <input id="rc-indberetning" name="indberetning" defaultValue={filter.indberetning ?? ""} maxLength={200} />
        </div>
        <div className="filter">
          <label htmlFor="rc-fra">Fra dato</label>
          <input id="rc-fra" name="fra" type="date" defaultValue={filter.fra ?? ""} />
        </div>
        <div className="filter">
          <label htmlFor="rc-til">Til dato</label>
          <input id="rc-til" name="til" type="date" defaultValue={filter.til ?? ""} />
        </div>
        <button type="submit" className="button">Søg</button>
        <Link href="/admin/modtagelser">Nulstil</Link>
      </form>
      <FilterProblems problems={problems} />
      <p role="status" data-testid="receipt-count">
        {result.capped ? "Mere end 10.000 indberetninger – afgræns søgningen" : `${formatNumber(result.total)} ${result.total === 1 ? "indberetning" : "indberetninger"}`}
      </p>
      <div className="table-wrap">
        <table className="results" data-testid="receipt-table">
          <caption className="sr-only">Modtagne indberetninger, nyeste først, side {result.page} af {result.pageCount}</caption>
          <thead>
            <tr>
              <th scope="col">Modtaget</th>
              <th scope="col">Indberetning (Bundle.id)</th>
              <th scope="col">Kommune</th>
              <th scope="col">Afsender</th>
              <th scope="col">Resultat</th>
              <th scope="col">Fejl og advarsler</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.receivedAt)}</td>
                <td>
                  <code>{r.bundleId ?? "–"}</code>
                  {r.reportTimestamp && <div className="muted">tidsstempel {formatDateTime(r.reportTimestamp)}</div>}
                </td>
                <td>{name(r.municipalityCode)}</td>
                <td>{r.channel === "http" ? (r.client ?? "gateway") : "kommandolinje"}</td>
                <td>
                  {OUTCOMES.find((o) => o.value === r.outcome)?.label ?? r.outcome}
                  {r.outcome === "accepted" && <div className="muted">{formatNumber(r.resourceCount)} ressourcer</div>}
                </td>
                <td>
                  {r.errorCount + r.warningCount === 0 ? (
                    "–"
                  ) : (
                    <details>
                      <summary>
                        {r.errorCount} fejl, {r.warningCount} advarsler
                      </summary>
                      <ul className={styles.details}>
                        {r.issues.map((i, n) => (
                          <li key={n}>
                            {i.severity === "warning" ? "Advarsel" : "Fejl"} ({i.details.coding[0]?.code}): {i.details.text} <span className="muted">{i.expression.join(", ")}</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
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
