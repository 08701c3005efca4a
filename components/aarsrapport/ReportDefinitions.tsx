/** The definitions chapter of a published report: the catalog and counting rules as frozen in the snapshot. */
import type { Snapshot } from "@/lib/aarsrapport/snapshot";
import { formatPercent } from "@/lib/stats";
import { POLARITY_LABEL } from "@/lib/views/labels";
import { StatisticsNotes } from "../views/StatisticsNotes";
import styles from "./aarsrapport.module.css";

const KIND = { process: "Procesindikator (blev noget gjort?)", outcome: "Resultatindikator" } as const;
const PERIOD = { "birth-cohort": "Fødselsårgang (kalenderår for fødslen)", "school-year": "Skoleår (1. august – 31. juli)" } as const;

export function ReportDefinitions({ snapshot }: { snapshot: Snapshot }) {
  return (
    <>
      <div className={styles.definitions}>
        {snapshot.indicators.map((d) => (
          <article key={d.id} id={`definition-${d.id}`} className="definition" aria-labelledby={`definition-${d.id}-titel`}>
            <h3 id={`definition-${d.id}-titel`}><span className="muted">{d.id}</span> {d.title}</h3>
            <p>{d.description}</p>
            <dl>
              <dt>Område</dt><dd>{d.area}</dd>
              <dt>Type</dt><dd>{KIND[d.kind]}</dd>
              <dt>Periode</dt><dd>{PERIOD[d.periodKind]}: {d.period}</dd>
              <dt>Tæller</dt><dd>{d.numerator}</dd>
              <dt>Nævner</dt><dd>{d.denominator}</dd>
              <dt>Udeladt</dt><dd>{d.exclusions}</dd>
              <dt>Uoplyst</dt><dd>{d.uoplyst}</dd>
              <dt>Retning</dt><dd>{POLARITY_LABEL[d.polarity]}</dd>
              <dt>Standard</dt><dd>{d.standardTarget === null ? "Ingen standard (beskrivende indikator)" : `${formatPercent(d.standardTarget, 0)} (gældende, da rapporten blev låst)`}</dd>
              <dt>Datakilder</dt>
              <dd><ul className="plain-list">{d.sources.map((src) => <li key={src}>{src}</li>)}</ul></dd>
            </dl>
          </article>
        ))}
      </div>
      <section id="taelleregler" aria-labelledby="taelleregler-titel" className="definition">
        <h3 id="taelleregler-titel">Tælleregler for alle indikatorer</h3>
        <ul>{snapshot.countingRules.map((r) => <li key={r}>{r}</li>)}</ul>
        <h4>Statistik</h4>
        <StatisticsNotes />
      </section>
      <p className="muted">Indikatorkatalog version {snapshot.catalogVersion}.</p>
    </>
  );
}
