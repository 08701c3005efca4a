/**
 * One indicator of a published report: the national result, the municipalities' bar chart, funnel plot and map, the
 * table (the charts' text alternative, with its CSV), SundK's commentary and the municipalities' hearing comments.
 * The figures arrive suppressed for the viewer (lib/aarsrapport/report-data.ts).
 */
import { barData, funnelData, mapCells, notCharted } from "@/lib/views/compare";
import { valueText } from "@/lib/views/cell-text";
import { CATEGORY_LABEL, MAP_CREDIT, POLARITY_LABEL, standardLabel } from "@/lib/views/labels";
import { csvPath, INDICATOR_COLUMNS, type IndicatorSection as Section } from "@/lib/aarsrapport/report-view";
import { formatPercent } from "@/lib/stats";
import type { Directory } from "@/lib/views/types";
import { BarChartCI, FunnelPlot } from "../charts/lazy";
import { ChartFrame } from "../charts/ChartFrame";
import { CategoryBadge } from "../Swatch";
import { ResultTable } from "../ResultTable";
import { CsvLink } from "./CsvLink";
import { ReportMap } from "./ReportMap";
import styles from "./aarsrapport.module.css";

interface Props {
  section: Section;
  year: number;
  version: number;
  /** prefix of the report's own pages (current or version-pinned) */
  pathPrefix: string;
  base: string;
  directory: Directory;
  commentary: string | undefined;
  hearing: { municipalityCode: string; text: string }[];
}

export function IndicatorSection({ section, year, version, pathPrefix, base, directory, commentary, hearing }: Props) {
  const { indicator, data, summary, municipalities, counts } = section;
  const id = indicator.id;
  const title = `${id} ${indicator.title}, ${indicator.period}`;
  const nation = data.nation;
  const nationPct = nation?.value != null ? nation.value * 100 : null;
  const targetPct = indicator.standardTarget === null ? null : indicator.standardTarget * 100;
  const missing = notCharted(municipalities);
  const judged = indicator.polarity === "none" ? (["lower", "similar", "higher"] as const) : (["better", "similar", "worse"] as const);
  const name = (code: string) => directory.municipalities.find((m) => m.code === code)?.name ?? code;
  const render = (r: (typeof municipalities)[number], column: { id: string }, text: string) => {
    if (column.id === "navn" && r.kind === "municipality") return <a href={`${pathPrefix}/kommuner/${r.code}`}>{text}</a>;
    if (column.id === "sammenligning") return <CategoryBadge category={r.category} label={text} />;
    return text;
  };
  return (
    <section className={styles.indicator} id={id} aria-labelledby={`${id}-titel`} data-testid={`indikator-${id}`}>
      <h3 id={`${id}-titel`}><span className="muted">{id}</span> {indicator.title}</h3>
      <p className={styles.facts}>
        <span>{indicator.periodKind === "birth-cohort" ? "Fødselsårgang" : "Skoleår"} {indicator.period}</span>
        <span>{POLARITY_LABEL[indicator.polarity]}</span>
        <span>Standard: {indicator.standardTarget === null ? "ingen" : formatPercent(indicator.standardTarget, 0)}</span>
        <a href={`#definition-${id}`}>Definition</a>
      </p>
      <p className={styles.headline} data-testid="nation-result">
        Landet: <strong data-testid="nation-value">{valueText(nation)}</strong>
        {nation?.ciLow != null && <span className="muted"> (95 % CI {formatPercent(nation.ciLow)}–{formatPercent(nation.ciHigh)})</span>}
        {indicator.standardTarget !== null && nation && <> · Standarden er {standardLabel(nation.standardMet, nation.standardCiSide).toLowerCase()}</>}
      </p>
      <p>
        Af {municipalities.length} kommuner: {judged.map((c) => `${counts[c]} ${CATEGORY_LABEL[c].toLowerCase()}`).join(", ")}
        {counts.suppressed ? `, ${counts.suppressed} ikke vist (<5)` : ""}
        {counts["no-data"] + counts["not-compared"] ? `, ${counts["no-data"] + counts["not-compared"]} uden data eller sammenligning` : ""}.
      </p>

      <div className="chart-grid">
        <ChartFrame id={`${id}-soejler`} title={`Kommunerne sorteret efter andel – ${title}`} report={{ year, version }} fileName={`ldbu-aarsrapport-${year}-${id}-soejler`} tableId={`${id}-tabel`}
          description={<p>Søjlerne viser andelen med 95 %-konfidensinterval; den sorte linje er landet{targetPct !== null ? ", den stiplede standarden" : ""}.
            {missing.suppressed.length > 0 && <> Ikke vist (&lt;5): {missing.suppressed.join(", ")}.</>}
            {missing.noData.length > 0 && <> Ingen data: {missing.noData.join(", ")}.</>}</p>}>
          <BarChartCI data={barData(municipalities)} nation={nationPct} target={targetPct} />
        </ChartFrame>
        <ChartFrame id={`${id}-tragt`} title={`Tragtdiagram – ${title}`} report={{ year, version }} fileName={`ldbu-aarsrapport-${year}-${id}-tragt`} tableId={`${id}-tabel`}
          description={<p>Hver prik er en kommune: andel mod antal børn i nævneren. Punkter uden for de prikkede linjer afviger fra landet (95 %); uden for de stiplede linjer (99,8 %) er afvigelsen meget sikker.</p>}>
          <FunnelPlot data={funnelData(municipalities, nation)} />
        </ChartFrame>
        <ChartFrame id={`${id}-kort`} title={`Kort – ${title}`} report={{ year, version }} fileName={`ldbu-aarsrapport-${year}-${id}-kort`} tableId={`${id}-tabel`} credit={MAP_CREDIT}
          description={<p>Kommunerne farvet efter sammenligningen med landet (mønstre for dårligere, ikke vist og ingen data).</p>}>
          <ReportMap data={mapCells(municipalities)} title={`Danmarkskort: ${title}`} />
        </ChartFrame>
      </div>

      <div className={styles.tableHead}>
        <h4 id={`${id}-tabel-titel`}>Tabel: {id} for landet, regionerne og kommunerne</h4>
        <CsvLink href={csvPath(year, version, id)} base={base} what={`tallene for ${id}`} />
      </div>
      <ResultTable
        id={`${id}-tabel`}
        caption={`${title}. Landet og regionerne øverst, derefter kommunerne i alfabetisk orden. "<5": tæller eller nævner under 5, vises ikke.`}
        columns={INDICATOR_COLUMNS}
        pinned={summary}
        rows={municipalities}
        rowKey={(r) => `${r.kind}-${r.code}`}
        rowProps={(r) => ({ className: r.kind !== "municipality" ? "summary" : undefined, "data-kode": r.code })}
        render={render}
      />

      <div className={styles.comments}>
        <h4>SundK&apos;s kommentar</h4>
        {commentary ? <p className={styles.commentary} data-testid="sundk-comment">{commentary}</p> : <p className="muted">SundK har ingen kommentar til {id}.</p>}
        <h4>Kommunernes kommentarer fra høringen</h4>
        {hearing.length ? (
          <ul className={styles.hearing} data-testid="hearing-comments">
            {hearing.map((c) => (
              <li key={c.municipalityCode}>
                <strong><a href={`${pathPrefix}/kommuner/${c.municipalityCode}`}>{name(c.municipalityCode)} Kommune</a></strong>
                <p>{c.text}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Ingen kommuner har kommenteret {id}.</p>
        )}
      </div>
    </section>
  );
}
