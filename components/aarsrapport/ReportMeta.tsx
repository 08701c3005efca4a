/**
 * The head of every page of a published report: which version it is, when it was published and what data it rests
 * on, the permanent address, and – on an earlier version – a banner pointing to the current one with the change notes.
 */
import type { PublishedReport, PublishedVersion } from "@/lib/aarsrapport/published";
import { danishDateTime, reportPath } from "@/lib/aarsrapport/report-view";
import styles from "./aarsrapport.module.css";

interface Props {
  report: PublishedReport;
  versions: PublishedVersion[];
  isCurrent: boolean;
  base: string;
  /** sub-page ("" for the report itself, "/kommuner/751" for a municipality) */
  sub?: string;
}

export function ReportMeta({ report, versions, isCurrent, base, sub = "" }: Props) {
  const current = versions[0];
  const newer = versions.filter((v) => v.version > report.version).reverse();
  const permanent = reportPath(report.year, report.version, sub);
  return (
    <>
      {!isCurrent && current && (
        <div className={styles.banner} role="note" aria-labelledby="erstattet-titel" data-testid="superseded-banner">
          <h2 id="erstattet-titel">Denne version er erstattet</h2>
          <p>
            Du læser version {report.version} af årsrapporten for {report.year}. Den gældende version er{" "}
            <a href={reportPath(report.year, null, sub)}>version {current.version}</a>, offentliggjort {danishDateTime(current.publishedAt)}.
          </p>
          <ul>
            {newer.map((v) => (
              <li key={v.version}>Version {v.version}: {v.changeNote ?? "Ingen ændringsnote."}</li>
            ))}
          </ul>
        </div>
      )}
      {isCurrent && report.version > 1 && (
        <div className={styles.corrections} role="note" aria-labelledby="rettelse-titel" data-testid="correction-note">
          <h2 id="rettelse-titel">Rettet version</h2>
          <p>Version {report.version}: {report.changeNote ?? "Ingen ændringsnote."}</p>
          <p>Tidligere versioner: {versions.slice(1).map((v, i) => (
            <span key={v.version}>{i > 0 && ", "}<a href={reportPath(report.year, v.version, sub)}>version {v.version}</a></span>
          ))}.</p>
        </div>
      )}
      <dl className={styles.meta}>
        <dt>Version</dt>
        <dd data-testid="report-version">{report.version}{isCurrent ? " (gældende)" : " (erstattet)"}</dd>
        <dt>Offentliggjort</dt>
        <dd>{danishDateTime(report.publishedAt)}</dd>
        <dt>Data opgjort</dt>
        <dd>{danishDateTime(report.snapshot.dataCutoff)} – senere indberetninger ændrer ikke rapporten</dd>
        <dt>Indikatorkatalog</dt>
        <dd>version {report.snapshot.catalogVersion}</dd>
        <dt>Permanent adresse</dt>
        <dd><a href={permanent} data-testid="permanent-link">{`${base}${permanent}`}</a></dd>
      </dl>
    </>
  );
}
