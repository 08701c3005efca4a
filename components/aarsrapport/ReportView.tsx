/**
 * A published annual report: summary, national results, one chapter per indicator area, definitions, data
 * completeness and the municipalities. The same page prints as an A4 document and is what the PDF is rendered from.
 */
import Link from "next/link";
import type { CompletenessChapter as Chapter } from "@/lib/aarsrapport/completeness-view";
import type { ReportData } from "@/lib/aarsrapport/report-data";
import { areaChapters, csvPath, indicatorSection, NATIONAL_COLUMNS, nationalRows, reportPath } from "@/lib/aarsrapport/report-view";
import { Patterns } from "../charts/Patterns";
import { Legend } from "../Legend";
import { ResultTable } from "../ResultTable";
import { CompletenessChapter } from "./CompletenessChapter";
import { CsvLink } from "./CsvLink";
import { IndicatorSection } from "./IndicatorSection";
import { PrintMapFills } from "./PrintMapFills";
import { ReportDefinitions } from "./ReportDefinitions";
import { ReportMeta } from "./ReportMeta";
import styles from "./aarsrapport.module.css";

/** `pinned`: the page was asked for by its version-pinned address, so its links stay on that version. */
export function ReportView({ data, completeness, base, pinned }: { data: ReportData; completeness: Chapter; base: string; pinned: boolean }) {
  const { report, versions, isCurrent, directory, cells, comments } = data;
  const { year, version, snapshot } = report;
  const prefix = reportPath(year, pinned ? version : null);
  const chapters = areaChapters(snapshot).map((c) => ({ ...c, sections: c.indicators.map((i) => indicatorSection(i, cells, directory)) }));
  const national = nationalRows(chapters.flatMap((c) => c.sections));
  return (
    <article className={styles.report} data-testid="aarsrapport">
      <Patterns />
      <PrintMapFills />
      <p className="muted">Landsdækkende Database for Børns Sundhed (LDBU) · Sundhedsvæsenets Kvalitetsinstitut</p>
      <h1>Årsrapport {year}</h1>
      <ReportMeta report={report} versions={versions} isCurrent={isCurrent} base={base} />
      <div className={styles.actions}>
        <a className="button" href={reportPath(year, version, "/pdf")} download data-testid="pdf-link">Hent som PDF<span className="sr-only"> (årsrapport {year}, version {version})</span></a>
        <Link href="/aarsrapport">Alle årsrapporter og versioner</Link>
      </div>

      <nav className={styles.toc} aria-labelledby="indhold-titel">
        <h2 id="indhold-titel">Indhold</h2>
        <ol>
          <li><a href="#sammenfatning">Sammenfatning og landsresultater</a></li>
          {chapters.map((c) => <li key={c.slug}><a href={`#${c.slug}`}>{c.area}</a></li>)}
          <li><a href="#definitioner">Definitioner</a></li>
          <li><a href="#datakomplethed">Datakomplethed</a></li>
          <li><a href="#kommuner">Kommunerne</a></li>
        </ol>
      </nav>

      <section className={styles.chapter} id="sammenfatning" aria-labelledby="sammenfatning-titel">
        <h2 id="sammenfatning-titel">Sammenfatning</h2>
        {report.summary ? <p className={styles.summary} data-testid="summary">{report.summary}</p> : <p className="muted">Rapporten har ingen sammenfatning.</p>}
        <div className={styles.tableHead}>
          <h3 id="landsresultater-titel">Landsresultater</h3>
          <CsvLink href={csvPath(year, version, "landsresultater")} base={base} what="landsresultaterne" />
        </div>
        <ResultTable id="landsresultater" caption={`Hele landet, alle indikatorer, årsrapport ${year}. Kommuner mod landet: antal kommuner, der ligger bedre, som eller dårligere end landet.`}
          columns={NATIONAL_COLUMNS} rows={national} rowKey={(r) => r.indicator.id}
          render={(r, c, text) => (c.id === "indikator" ? <a href={`#${r.indicator.id}`}>{text}</a> : text)} />
        <Legend polarity="all" />
      </section>

      {chapters.map((c) => (
        <section key={c.slug} className={styles.chapter} id={c.slug} aria-labelledby={`${c.slug}-titel`}>
          <h2 id={`${c.slug}-titel`}>{c.area}</h2>
          {c.sections.map((s) => (
            <IndicatorSection key={s.indicator.id} section={s} year={year} version={version} pathPrefix={prefix} base={base} directory={directory}
              commentary={comments.sundk.get(s.indicator.id)} hearing={comments.municipalities.get(s.indicator.id) ?? []} />
          ))}
        </section>
      ))}

      <section className={styles.chapter} id="definitioner" aria-labelledby="definitioner-titel">
        <h2 id="definitioner-titel">Definitioner</h2>
        <ReportDefinitions snapshot={snapshot} />
      </section>

      <section className={styles.chapter} id="datakomplethed" aria-labelledby="datakomplethed-titel">
        <h2 id="datakomplethed-titel">Datakomplethed</h2>
        <CompletenessChapter chapter={completeness} csvHref={csvPath(year, version, "datakomplethed")} base={base} />
      </section>

      <section className={styles.chapter} id="kommuner" aria-labelledby="kommuner-titel">
        <h2 id="kommuner-titel">Kommunerne</h2>
        <p>Hver kommunes resultater for alle indikatorer sammenlignet med regionen og landet, med kommunens kommentarer fra høringen.</p>
        {directory.regions.map((r) => (
          <div key={r.code}>
            <h3>{r.name}</h3>
            <ul className="plain-list region-grid">
              {directory.municipalities.filter((m) => m.regionCode === r.code).map((m) => (
                <li key={m.code}><a href={`${prefix}/kommuner/${m.code}`}>{m.name}</a></li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </article>
  );
}
