/** The published annual reports: each year with its current version and the earlier (corrected) versions. */
import type { PublishedVersion } from "@/lib/aarsrapport/published";
import { danishDateTime, reportPath } from "@/lib/aarsrapport/report-view";
import styles from "./aarsrapport.module.css";

export function ReportIndex({ versions }: { versions: PublishedVersion[] }) {
  const years = [...new Set(versions.map((v) => v.year))];
  return (
    <>
      <h1>Årsrapporter</h1>
      <p className="lead">
        SundK&apos;s årsrapporter om sundhedsplejen i Danmarks 98 kommuner. Hver rapport er låst, når den offentliggøres: senere indberetninger ændrer den ikke.
        En rettelse udkommer som en ny version med en note om, hvad der er ændret; de tidligere versioner kan stadig læses.
      </p>
      {years.length === 0 ? (
        <p className="notice" role="status">Der er endnu ikke offentliggjort nogen årsrapport.</p>
      ) : (
        years.map((year) => {
          const own = versions.filter((v) => v.year === year);
          return (
            <section key={year} aria-labelledby={`aar-${year}`} data-testid={`aar-${year}`}>
              <h2 id={`aar-${year}`}><a href={reportPath(year, null)}>Årsrapport {year}</a></h2>
              <table className={styles.versions}>
                <caption className="sr-only">Versioner af årsrapporten for {year}</caption>
                <thead>
                  <tr><th scope="col">Version</th><th scope="col">Offentliggjort</th><th scope="col">Status</th><th scope="col">Ændringsnote</th><th scope="col">PDF</th></tr>
                </thead>
                <tbody>
                  {own.map((v) => (
                    <tr key={v.version}>
                      <th scope="row"><a href={reportPath(year, v.version)}>Version {v.version}</a></th>
                      <td>{danishDateTime(v.publishedAt)}</td>
                      <td>{v.status === "published" ? "Gældende" : "Erstattet"}</td>
                      <td>{v.changeNote ?? "–"}</td>
                      <td><a href={reportPath(year, v.version, "/pdf")} download>PDF<span className="sr-only">, årsrapport {year} version {v.version}</span></a></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })
      )}
    </>
  );
}
