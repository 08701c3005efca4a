/** Indikatorbeskrivelser: the catalog with full definitions, read from lib/indicators/catalog.ts and nothing else. */
import { formatPercent } from "@/lib/stats";
import { CATALOG_VERSION, COUNTING_RULES, type IndicatorDefinition } from "@/lib/indicators/catalog";
import { POLARITY_LABEL } from "@/lib/views/labels";
import type { IndicatorOption } from "@/lib/views/types";
import { StatisticsNotes } from "./StatisticsNotes";

const KIND = { process: "Procesindikator (blev noget gjort?)", outcome: "Resultatindikator" } as const;
const PERIOD = { "birth-cohort": "Fødselsårgang (kalenderår for fødslen)", "school-year": "Skoleår (1. august – 31. juli)" } as const;

export function Definitions({ catalog, current, epdsCutoff }: { catalog: readonly IndicatorDefinition[]; current: IndicatorOption[]; epdsCutoff: number }) {
  const standardOf = (id: string) => current.find((c) => c.id === id);
  return (
    <>
      <nav aria-labelledby="indhold-titel">
        <h2 id="indhold-titel">Indhold</h2>
        <ol className="toc">
          {catalog.map((d) => <li key={d.id}><a href={`#${d.id}`}>{d.id} {d.title}</a></li>)}
          <li><a href="#taelleregler">Tælleregler for alle indikatorer</a></li>
        </ol>
      </nav>
      <div className="indicator-list">
        {catalog.map((d) => {
          const s = standardOf(d.id);
          return (
            <article key={d.id} id={d.id} className="definition" aria-labelledby={`${d.id}-titel`}>
              <h2 id={`${d.id}-titel`}><span className="muted">{d.id}</span> {d.title}</h2>
              <p>{d.description}</p>
              <dl>
                <dt>Område</dt><dd>{d.area}</dd>
                <dt>Type</dt><dd>{KIND[d.kind]}</dd>
                <dt>Periode</dt><dd>{PERIOD[d.periodKind]}</dd>
                <dt>Tæller</dt><dd>{d.numerator}</dd>
                <dt>Nævner</dt><dd>{d.denominator}</dd>
                <dt>Udeladt</dt><dd>{d.exclusions}</dd>
                <dt>Uoplyst</dt><dd>{d.uoplyst}</dd>
                <dt>Retning</dt><dd>{POLARITY_LABEL[d.polarity]}</dd>
                <dt>Standard</dt>
                <dd>
                  {s?.target == null ? "Ingen standard (beskrivende indikator)" : `${formatPercent(s.target, 0)}${s.provisional ? " – foreløbig, ikke endeligt fastsat af SundK" : " – fastsat af SundK"}`}
                  {d.standard && s?.target != null && s.target !== d.standard.target ? ` (katalogets første værdi: ${formatPercent(d.standard.target, 0)})` : ""}
                </dd>
                <dt>Datakilder</dt>
                <dd><ul className="plain-list">{d.sources.map((src) => <li key={src}>{src}</li>)}</ul></dd>
                {(d.id === "LDBU-03" || d.id === "LDBU-04") && (<><dt>Skæringsværdi</dt><dd>EPDS ≥ {epdsCutoff} (kan ændres af SundK)</dd></>)}
              </dl>
              <p><a href={`/sammenlign?indikator=${d.id}`}>Sammenlign kommunerne på {d.id}</a></p>
            </article>
          );
        })}
      </div>
      <section id="taelleregler" aria-labelledby="taelleregler-titel" className="definition">
        <h2 id="taelleregler-titel">Tælleregler for alle indikatorer</h2>
        <ul>{COUNTING_RULES.map((r) => <li key={r}>{r}</li>)}</ul>
        <h3>Statistik</h3>
        <StatisticsNotes />
      </section>
      <p className="muted">Katalogversion {CATALOG_VERSION}.</p>
    </>
  );
}
