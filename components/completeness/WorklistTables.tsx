/** The Fejlliste's tables: rejected reports with their problems, and visits (missing observations / late). */
import { PAGE_SIZE, type WorklistPage } from "@/lib/queries/worklist";
import { dateText, dateTimeText, delayDays, problemsText } from "@/lib/completeness/worklist-text";
import { formatNumber } from "@/lib/stats";
import { ScrollRegion } from "./ScrollRegion";
import styles from "./completeness.module.css";

const SEVERITY: Record<string, string> = { fatal: "Fejl", error: "Fejl", warning: "Advarsel" };

export function RejectedTable({ page, caption }: { page: WorklistPage; caption: string }) {
  if (page.rejected.length === 0) return <p className="notice" role="status">Ingen afviste indberetninger med de valgte filtre.</p>;
  return (
    <ScrollRegion label="Fejlliste, kan rulles vandret">
      <table className={styles.numbers} data-testid="worklist-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Modtaget</th>
            <th scope="col">Indberetnings-id (Bundle.id)</th>
            <th scope="col">Problemer</th>
          </tr>
        </thead>
        <tbody>
          {page.rejected.map((r) => (
            <tr key={r.receiptId}>
              <td>
                {dateTimeText(r.receivedAt)}
                <span className={styles.sub}>Tidsstempel: {dateTimeText(r.reportTimestamp)}</span>
                <span className={styles.sub}>Kvittering {r.receiptId}</span>
              </td>
              <td className={styles.code}>
                {r.bundleId ?? "– (ikke læsbar)"}
                {r.wrapperId && <span className={styles.sub}>i samlet levering {r.wrapperId}</span>}
              </td>
              <td>
                <ul className={styles.issues}>
                  {r.issues.map((i, n) => (
                    <li key={n}>
                      <span className={styles.severity}>{SEVERITY[i.severity] ?? i.severity}:</span> {i.text}
                      <span className={styles.sub}>
                        Regel <span className={styles.code}>{i.rule}</span>
                        {i.location && (
                          <>
                            {" "}· sted <span className={styles.code}>{i.location}</span>
                          </>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function VisitTable({ page, caption }: { page: WorklistPage; caption: string }) {
  const late = page.view === "sene";
  if (page.visits.length === 0) return <p className="notice" role="status">{late ? "Ingen sene indberetninger" : "Ingen besøg med manglende observationer"} med de valgte filtre.</p>;
  return (
    <ScrollRegion label="Fejlliste, kan rulles vandret">
      <table className={styles.numbers} data-testid="worklist-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Besøgsdato</th>
            <th scope="col">Besøgstype</th>
            <th scope="col">Kontakt-id (Encounter.id)</th>
            <th scope="col">Indberetnings-id (Bundle.id)</th>
            {late ? (
              <>
                <th scope="col">Indberettet</th>
                <th scope="col" className={styles.num}>Forsinkelse (døgn)</th>
              </>
            ) : (
              <>
                <th scope="col">Mangler</th>
                <th scope="col">Sendt uden værdi</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {page.visits.map((v) => (
            <tr key={v.encounterId}>
              <td>{dateText(v.start)}</td>
              <td>{v.visitLabel}</td>
              <td className={styles.code}>{v.encounterId}</td>
              <td className={styles.code}>{v.bundleId ?? "–"}</td>
              {late ? (
                <>
                  <td>{dateTimeText(v.reportedAt)}</td>
                  <td className={styles.num}>{delayDays(v.delayHours)}</td>
                </>
              ) : (
                <>
                  <td>{problemsText(v.missing) || "–"}</td>
                  <td>{problemsText(v.absent) || "–"}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function rowsText(page: WorklistPage): string {
  const from = (page.page - 1) * PAGE_SIZE + 1;
  const to = from + (page.view === "afviste" ? page.rejected.length : page.visits.length) - 1;
  return page.total === 0 ? "0 rækker" : `Række ${formatNumber(from)}–${formatNumber(to)} af ${formatNumber(page.total)}`;
}
