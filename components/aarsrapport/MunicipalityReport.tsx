/** One municipality in a published report: every indicator against its region and the nation, with its hearing comments. */
import type { ReportData } from "@/lib/aarsrapport/report-data";
import { csvPath, MUNICIPALITY_COLUMNS, municipalityProfile, municipalityRows, reportPath } from "@/lib/aarsrapport/report-view";
import type { MunicipalityRef } from "@/lib/views/types";
import { CATEGORY_LABEL } from "@/lib/views/labels";
import { ChartFrame } from "../charts/ChartFrame";
import { Patterns } from "../charts/Patterns";
import { SpineChartSvg, SpineKey } from "../charts/SpineChartSvg";
import { Legend } from "../Legend";
import { ResultTable } from "../ResultTable";
import { CategoryBadge } from "../Swatch";
import { CsvLink } from "./CsvLink";
import { ReportMeta } from "./ReportMeta";
import styles from "./aarsrapport.module.css";

export function MunicipalityReport({ data, municipality, base, pinned }: { data: ReportData; municipality: MunicipalityRef; base: string; pinned: boolean }) {
  const { report, versions, isCurrent, directory, cells, comments } = data;
  const { year, version, snapshot } = report;
  const region = directory.regions.find((r) => r.code === municipality.regionCode)?.name ?? "";
  const rows = municipalityRows(snapshot, municipalityProfile(snapshot, cells, municipality.code, municipality.regionCode));
  const prefix = reportPath(year, pinned ? version : null);
  const own = snapshot.indicators.flatMap((i) => {
    const c = comments.municipalities.get(i.id)?.find((x) => x.municipalityCode === municipality.code);
    return c ? [{ indicator: i, text: c.text }] : [];
  });
  return (
    <article className={styles.report} data-testid="aarsrapport-kommune">
      <Patterns />
      <p className="muted"><a href={prefix}>Årsrapport {year}</a> · Kommunerne</p>
      <h1>Årsrapport {year}: {municipality.name} Kommune</h1>
      <ReportMeta report={report} versions={versions} isCurrent={isCurrent} base={base} sub={`/kommuner/${municipality.code}`} />
      <p className="lead">Alle indikatorer for {municipality.name} Kommune ({region}) sammenlignet med regionen og hele landet, som de blev låst og offentliggjort i årsrapporten.</p>
      <Legend polarity="all" lines={false} />
      <ChartFrame id="rygsoejle" title={`Rygsøjlediagram – ${municipality.name}, årsrapport ${year}`} report={{ year, version }} fileName={`ldbu-aarsrapport-${year}-${municipality.code}`} tableId="kommune-tabel" description={<SpineKey />}>
        <SpineChartSvg rows={rows} municipality={municipality.name} />
      </ChartFrame>
      <div className={styles.tableHead}>
        <h2 id="kommune-tabel-titel">Tabel</h2>
        <CsvLink href={csvPath(year, version, `kommune-${municipality.code}`)} base={base} what={`tallene for ${municipality.name}`} />
      </div>
      <ResultTable
        id="kommune-tabel"
        caption={`${municipality.name} sammenlignet med ${region} og hele landet, årsrapport ${year}.`}
        columns={MUNICIPALITY_COLUMNS}
        rows={rows}
        rowKey={(r) => r.indicator.id}
        rowProps={(r) => ({ "data-kode": r.indicator.id })}
        render={(r, c, text) =>
          c.id === "indikator" ? <a href={`${prefix}#${r.indicator.id}`}>{text}</a> : c.id === "sammenligning" ? <CategoryBadge category={r.category} label={CATEGORY_LABEL[r.category]} /> : text
        }
      />
      <section className={styles.comments} aria-labelledby="kommentarer-titel">
        <h2 id="kommentarer-titel">Kommunens kommentarer fra høringen</h2>
        {own.length ? (
          <ul className={styles.hearing} data-testid="municipality-comments">
            {own.map((c) => (
              <li key={c.indicator.id}>
                <strong>{c.indicator.id} {c.indicator.title}</strong>
                <p>{c.text}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{municipality.name} Kommune har ikke kommenteret resultaterne.</p>
        )}
      </section>
    </article>
  );
}
