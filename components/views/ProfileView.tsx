/** Kommuneprofil: every indicator for one municipality next to its region and the nation, with the spine chart. */
import { CATEGORY_LABEL, trendLabel, TREND_SYMBOL } from "@/lib/views/labels";
import { PROFILE_COLUMNS, profileRows, type ProfileViewRow } from "@/lib/views/profile";
import type { IndicatorOption, ProfileData } from "@/lib/views/types";
import { ChartFrame } from "../charts/ChartFrame";
import { SpineChartSvg, SpineKey } from "../charts/SpineChartSvg";
import { Sparkline } from "../charts/Sparkline";
import { CategoryBadge } from "../Swatch";
import { Legend } from "../Legend";
import { ResultTable } from "../ResultTable";

interface Props {
  data: ProfileData;
  indicators: IndicatorOption[];
  municipality: string;
  region: string;
  canExport: boolean;
}

export function ProfileView({ data, indicators, municipality, region, canExport }: Props) {
  const rows = profileRows(data, indicators);
  const render = (r: ProfileViewRow, c: { id: string }, text: string) => {
    switch (c.id) {
      case "indikator":
        return (
          <>
            <a href={`/udvikling?indikator=${r.indicator.id}&kommune=${data.municipalityCode}`}>{text}</a>
            {r.coverageWarning && <p className="coverage-warning" data-testid="coverage-warning">⚠ {r.coverageWarning}</p>}
          </>
        );
      case "sammenligning":
        return <CategoryBadge category={r.category} label={CATEGORY_LABEL[r.category]} />;
      case "udvikling":
        return (
          <span className="trend-cell">
            <Sparkline values={r.seriesValues} label={`${municipality}, ${r.seriesPeriods[0] ?? ""}–${r.seriesPeriods.at(-1) ?? ""}`} />
            <span><span aria-hidden="true">{TREND_SYMBOL[r.trend]} </span>{trendLabel(r.trend, r.indicator.polarity)}</span>
          </span>
        );
      default:
        return text;
    }
  };
  return (
    <>
      <Legend polarity="all" lines={false} />
      <ChartFrame id="rygsoejle" title={`Rygsøjlediagram – ${municipality}`} view="kommuneprofil" fileName={`ldbu-kommuneprofil-${data.municipalityCode}`} tableId="tabel"
        description={<SpineKey />}>
        <SpineChartSvg rows={rows} municipality={municipality} />
      </ChartFrame>
      <section aria-labelledby="tabel-titel" className="table-section">
        <div className="table-section__head">
          <h2 id="tabel-titel">Tabel</h2>
          {canExport && <a className="button button--small" href={`/api/export/csv?visning=kommuneprofil&kommune=${data.municipalityCode}`} download data-testid="csv-link">Hent CSV<span className="sr-only"> med tabellens tal</span></a>}
        </div>
        <ResultTable
          id="tabel"
          caption={`${municipality} sammenlignet med ${region} og hele landet, seneste periode for hver indikator. Udvikling over de seneste 5 perioder.`}
          columns={PROFILE_COLUMNS}
          rows={rows}
          rowKey={(r) => r.indicator.id}
          rowProps={(r) => ({ "data-kode": r.indicator.id })}
          render={render}
        />
      </section>
    </>
  );
}
