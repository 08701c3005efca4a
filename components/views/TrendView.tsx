"use client";
/**
 * Udvikling. The server renders the first view; changing indicator, municipality or breakdown writes the URL and
 * refetches /api/series with TanStack Query.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { MIN_TREND_PERIODS } from "@/lib/stats";
import { CATEGORY_LABEL, trendLabel, TREND_SYMBOL } from "@/lib/views/labels";
import { SERIES_COLUMNS, seriesPoints, seriesRows, seriesTrend, type SeriesRow } from "@/lib/views/series";
import type { BreakdownOption, Directory, IndicatorOption, SeriesData } from "@/lib/views/types";
import { parseTrendState, serializeTrendState, type TrendState } from "@/lib/views/url-state";
import { ChartFrame } from "../charts/ChartFrame";
import { TrendChart } from "../charts/lazy";
import { CategoryBadge } from "../Swatch";
import { fetchJson } from "../fetchJson";
import { useUrlState } from "../useUrlState";
import { FilterSelect } from "../FilterSelect";
import { IndicatorHeader } from "../IndicatorHeader";
import { Legend } from "../Legend";
import { ResultTable } from "../ResultTable";

export interface TrendViewProps {
  indicators: IndicatorOption[];
  directory: Directory;
  breakdowns: BreakdownOption[];
  defaultMunicipality: string;
  canExport: boolean;
  initialState: TrendState;
  initialData: SeriesData;
}

const seriesQuery = (s: TrendState, fallback: string) => new URLSearchParams({ indikator: s.indikator, kommune: s.kommune ?? fallback, opdeling: s.opdeling }).toString();

export function TrendView({ indicators, directory, breakdowns, defaultMunicipality, canExport, initialState, initialData }: TrendViewProps) {
  const domain = useMemo(
    () => ({ indicators: indicators.map((i) => i.id), regions: directory.regions.map((r) => r.code), breakdowns: breakdowns.map((b) => b.key) }),
    [indicators, directory, breakdowns],
  );
  const [state, setState] = useUrlState((p) => parseTrendState(p, domain), serializeTrendState);
  const update = (patch: Partial<TrendState>) => setState({ kommune: state.kommune ?? defaultMunicipality, ...patch });
  const key = seriesQuery(state, defaultMunicipality);
  const series = useQuery({
    queryKey: ["series", key],
    queryFn: () => fetchJson<SeriesData>(`/api/series?${key}`),
    initialData: key === seriesQuery(initialState, defaultMunicipality) ? initialData : undefined,
    placeholderData: keepPreviousData,
  });
  const data = series.data;
  const indicator = indicators.find((i) => i.id === state.indikator) ?? indicators[0];
  const code = state.kommune ?? defaultMunicipality;
  const municipality = directory.municipalities.find((m) => m.code === code);
  const region = directory.regions.find((r) => r.code === municipality?.regionCode);
  const names = { kommune: municipality?.name ?? code, region: region?.name ?? "Region", land: "Hele landet" };
  const breakdown = breakdowns.find((b) => b.key === state.opdeling);
  const points = useMemo(() => (data ? seriesPoints(data) : []), [data]);
  const rows = useMemo(() => (data ? seriesRows(data, { municipality: names.kommune, region: names.region }) : []), [data, names.kommune, names.region]);
  const trends = data
    ? ([["kommune", data.municipality], ["region", data.region], ["land", data.nation]] as const).map(([k, cells]) => [k, seriesTrend(data.periods, cells)] as const)
    : [];
  const targetPct = indicator.target !== null && state.opdeling === "all" ? indicator.target * 100 : null;
  const title = `${indicator.id} ${indicator.title} – ${names.kommune}${breakdown && state.opdeling !== "all" ? `, ${breakdown.label}` : ""}`;
  const latest = data?.periods.at(-1) ?? null;

  return (
    <>
      <form className="filters" action="/udvikling" method="get" onSubmit={(e) => e.preventDefault()} aria-label="Vælg indikator, kommune og opdeling">
        <FilterSelect name="indikator" label="Indikator" value={state.indikator}
          options={indicators.map((i) => ({ value: i.id, label: `${i.id} ${i.title}`, group: i.area }))}
          onChange={(v) => update({ indikator: v })} />
        <FilterSelect name="kommune" label="Kommune" value={code}
          options={directory.regions.flatMap((r) => directory.municipalities.filter((m) => m.regionCode === r.code).map((m) => ({ value: m.code, label: m.name, group: r.name })))}
          onChange={(v) => update({ kommune: v })} />
        <FilterSelect name="opdeling" label="Opdeling" value={state.opdeling}
          options={breakdowns.map((b) => ({ value: b.key, label: b.key === "all" ? "I alt" : b.label.replace(/^[^:]*: /, ""), group: b.key === "all" ? undefined : b.group }))}
          onChange={(v) => update({ opdeling: v })} />
        <noscript><button type="submit" className="button">Vis</button></noscript>
      </form>

      <p className="status" role="status" aria-live="polite" data-testid="status">
        {series.isFetching ? "Henter udviklingen …" : series.isError ? "" : `Viser ${indicator.id} for ${names.kommune}, ${names.region} og hele landet${breakdown && state.opdeling !== "all" ? `, ${breakdown.label}` : ""}.`}
      </p>
      {series.isError && (
        <div role="alert" className="notice notice--error">
          Udviklingen kunne ikke hentes: {(series.error as Error).message}{" "}
          <button type="button" className="button button--small" onClick={() => series.refetch()}>Prøv igen</button>
        </div>
      )}

      <div aria-busy={series.isFetching} className={series.isPlaceholderData ? "stale" : undefined}>
        <IndicatorHeader indicator={indicator} period={latest}>
          <ul className="trend-list" data-testid="trends">
            {trends.map(([k, t]) => (
              <li key={k}>
                <strong>{names[k]}:</strong> <span aria-hidden="true">{TREND_SYMBOL[t]}</span> {trendLabel(t, indicator.polarity)}
              </li>
            ))}
          </ul>
          <p className="muted">Udviklingen vurderes over de seneste {MIN_TREND_PERIODS} perioder (test for lineær trend, 5 %-niveau) og kun, når alle {MIN_TREND_PERIODS} har viste tal.</p>
        </IndicatorHeader>
        <Legend polarity={indicator.polarity} />
        <ChartFrame id="udvikling" title={title} view="udvikling" fileName={`ldbu-udvikling-${indicator.id}-${code}`} tableId="tabel"
          description={<p>Linjerne viser andelen per periode; de lyse bånd er 95 %-konfidensintervaller. {names.kommune} er den fuldt optrukne linje med runde punkter, {names.region} stiplet med trekanter, hele landet prikket med firkanter. Perioder med skjulte tal (&lt;5) eller uden data er huller i linjen.</p>}>
          <TrendChart points={points} names={names} target={targetPct} />
        </ChartFrame>
        <section aria-labelledby="tabel-titel" className="table-section">
          <div className="table-section__head">
            <h2 id="tabel-titel">Tabel</h2>
            {canExport && <a className="button button--small" href={`/api/export/csv?visning=udvikling&${key}`} download data-testid="csv-link">Hent CSV<span className="sr-only"> med tabellens tal</span></a>}
          </div>
          <ResultTable
            id="tabel"
            caption={`${title}: per periode, med region og hele landet.`}
            columns={SERIES_COLUMNS}
            rows={rows}
            rowKey={(r: SeriesRow) => `${r.period}-${r.kind}`}
            rowHeader="navn"
            rowProps={(r) => ({ className: r.kind === "municipality" ? "own-row" : "summary", "data-kode": r.kind })}
            render={(r, c, text) => (c.id === "sammenligning" ? <CategoryBadge category={r.category} label={CATEGORY_LABEL[r.category]} /> : text)}
          />
        </section>
      </div>
    </>
  );
}
