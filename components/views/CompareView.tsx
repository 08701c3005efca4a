"use client";
/**
 * Sammenlign kommuner. The server renders the first view with `initialData` (the map's static geometry comes from
 * /api/kort, cached by the browser); changing a filter writes the URL (shareable) and refetches /api/results and
 * /api/kort with TanStack Query, without reloading the page.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, type MouseEvent } from "react";
import { formatPercent } from "@/lib/stats";
import { valueText } from "@/lib/views/cell-text";
import { barData, categoryCounts, compareRows, funnelData, mapCells, notCharted, sortRows, type CompareRow } from "@/lib/views/compare";
import { COMPARE_COLUMNS } from "@/lib/views/compare-table";
import { CATEGORY_LABEL, MAP_CREDIT, QUINTILE_FILL, OUTLINE } from "@/lib/views/labels";
import type { MapGeometry } from "@/lib/views/map";
import type { BreakdownOption, CompareData, Directory, IndicatorOption } from "@/lib/views/types";
import { parseCompareState, serializeCompareState, type CompareState, type SortKey } from "@/lib/views/url-state";
import { BarChartCI, FunnelPlot } from "../charts/lazy";
import { ChartFrame } from "../charts/ChartFrame";
import { ChoroplethMap, type MapDatum } from "../charts/ChoroplethMap";
import { CategoryBadge } from "../Swatch";
import { fetchJson } from "../fetchJson";
import { useUrlState } from "../useUrlState";
import { FilterSelect } from "../FilterSelect";
import { IndicatorHeader } from "../IndicatorHeader";
import { Legend } from "../Legend";
import { ResultTable } from "../ResultTable";

export interface CompareViewProps {
  indicators: IndicatorOption[];
  directory: Directory;
  breakdowns: BreakdownOption[];
  ownCode: string | null;
  canExport: boolean;
  initialState: CompareState;
  initialData: CompareData;
}

const resultsQuery = (s: CompareState) => {
  const p = new URLSearchParams({ indikator: s.indikator, opdeling: s.opdeling });
  if (s.periode) p.set("periode", s.periode);
  if (s.region) p.set("region", s.region);
  return p.toString();
};

export function CompareView(props: CompareViewProps) {
  const { indicators, directory, breakdowns, ownCode, canExport, initialState, initialData } = props;
  const domain = useMemo(
    () => ({ indicators: indicators.map((i) => i.id), regions: directory.regions.map((r) => r.code), breakdowns: breakdowns.map((b) => b.key) }),
    [indicators, directory, breakdowns],
  );
  const [state, update] = useUrlState((p) => parseCompareState(p, domain), serializeCompareState);

  const sameData = resultsQuery(state) === resultsQuery(initialState);
  const results = useQuery({
    queryKey: ["results", resultsQuery(state)],
    queryFn: () => fetchJson<CompareData>(`/api/results?${resultsQuery(state)}`),
    initialData: sameData ? initialData : undefined,
    placeholderData: keepPreviousData,
  });
  // the geometry is static reference data: fetched once per extent and cached by the browser (not inlined in the page)
  const map = useQuery({
    queryKey: ["kort", state.region ?? ""],
    queryFn: () => fetchJson<MapGeometry>(`/api/kort${state.region ? `?region=${state.region}` : ""}`),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

  const data = results.data;
  const indicator = indicators.find((i) => i.id === state.indikator) ?? indicators[0];
  const regionName = state.region ? directory.regions.find((r) => r.code === state.region)?.name : null;
  const breakdown = breakdowns.find((b) => b.key === state.opdeling);
  const { summary, municipalities } = useMemo(
    () => (data ? compareRows(data, directory, state.region, ownCode) : { summary: [], municipalities: [] }),
    [data, directory, state.region, ownCode],
  );
  const sorted = useMemo(() => sortRows(municipalities, state.sort, state.retning), [municipalities, state.sort, state.retning]);
  const bars = useMemo(() => barData(municipalities), [municipalities]);
  const funnel = useMemo(() => funnelData(municipalities, data?.nation ?? null), [municipalities, data]);
  const missing = notCharted(municipalities);
  const lowCoverage = useMemo(() => new Map((data?.coverageWarnings ?? []).map((w) => [w.areaCode, w.text])), [data]);
  const counts = categoryCounts(municipalities);
  const mapData = useMemo(() => new Map<string, MapDatum>(mapCells(municipalities)), [municipalities]);

  const nationPct = data?.nation?.value != null ? data.nation.value * 100 : null;
  const targetPct = indicator.target !== null && state.opdeling === "all" ? indicator.target * 100 : null;
  const period = data?.period ?? null;
  const scope = regionName ?? "hele landet";
  const title = `${indicator.id} ${indicator.title}, ${period ?? "–"}${breakdown && state.opdeling !== "all" ? `, ${breakdown.label}` : ""}`;
  const fileBase = `ldbu-${indicator.id}-${(period ?? "").replace("/", "-")}${state.region ? `-${state.region}` : ""}`;
  const exportHref = `/api/export/csv?visning=sammenlign&${serializeCompareState(state)}`;
  const sortHref = (column: string) => {
    if (!COMPARE_COLUMNS.find((c) => c.id === column)?.sortKey) return null;
    const key = column as SortKey;
    const direction = state.sort === key ? (state.retning === "stigende" ? "faldende" : "stigende") : key === "navn" ? "stigende" : "faldende";
    return `?${serializeCompareState({ ...state, sort: key, retning: direction })}`;
  };
  const onSort = (column: string, e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const href = sortHref(column);
    if (href) {
      const next = parseCompareState(new URLSearchParams(href.slice(1)), domain);
      update({ sort: next.sort, retning: next.retning });
    }
  };
  const judged: ("better" | "similar" | "worse" | "lower" | "higher")[] = indicator.polarity === "none" ? ["lower", "similar", "higher"] : ["better", "similar", "worse"];

  const render = (r: CompareRow, column: { id: string }, text: string) => {
    if (column.id === "navn") {
      const name = r.kind === "municipality" ? <a href={`/kommuner/${r.code}`}>{text}</a> : text;
      const warning = r.kind === "municipality" ? lowCoverage.get(r.code) : undefined;
      return (
        <>
          {name}
          {r.isOwn && <> <span className="own-tag">din kommune</span></>}
          {warning && <> <span className="coverage-tag" title={warning}>lav dækning<span className="sr-only">: {warning}</span></span></>}
        </>
      );
    }
    if (column.id === "sammenligning") return <CategoryBadge category={r.category} label={text} />;
    return text;
  };

  return (
    <>
      <form className="filters" action="/sammenlign" method="get" onSubmit={(e) => e.preventDefault()} aria-label="Vælg indikator, periode, region og opdeling">
        <FilterSelect name="indikator" label="Indikator" value={state.indikator}
          options={indicators.map((i) => ({ value: i.id, label: `${i.id} ${i.title}`, group: i.area }))}
          onChange={(v) => update({ indikator: v, periode: null })} />
        <FilterSelect name="periode" label="Periode" value={period ?? ""}
          options={(data?.periods ?? []).map((p) => ({ value: p, label: p }))}
          onChange={(v) => update({ periode: v })} />
        <FilterSelect name="region" label="Region" value={state.region ?? ""}
          options={[{ value: "", label: "Hele landet" }, ...directory.regions.map((r) => ({ value: r.code, label: r.name }))]}
          onChange={(v) => update({ region: v || null })} />
        <FilterSelect name="opdeling" label="Opdeling" value={state.opdeling}
          options={breakdowns.map((b) => ({ value: b.key, label: b.key === "all" ? "I alt" : b.label.replace(/^[^:]*: /, ""), group: b.key === "all" ? undefined : b.group }))}
          onChange={(v) => update({ opdeling: v })} />
        <noscript><button type="submit" className="button">Vis</button></noscript>
      </form>

      <p className="status" role="status" aria-live="polite" data-testid="status">
        {results.isFetching ? "Henter resultater …" : results.isError ? "" : `Viser ${indicator.id}, ${period ?? "ingen periode"}, ${scope}${breakdown && state.opdeling !== "all" ? `, ${breakdown.label}` : ""}.`}
      </p>
      {results.isError && (
        <div role="alert" className="notice notice--error">
          Resultaterne kunne ikke hentes: {(results.error as Error).message}{" "}
          <button type="button" className="button button--small" onClick={() => results.refetch()}>Prøv igen</button>
        </div>
      )}

      <div aria-busy={results.isFetching} className={results.isPlaceholderData ? "stale" : undefined}>
        <IndicatorHeader indicator={indicator} period={period}>
          <p className="headline">
            Landet: <strong data-testid="nation-value">{valueText(data?.nation)}</strong>
            {data?.nation?.ciLow != null && <span className="muted"> (95 % CI {formatPercent(data.nation.ciLow)}–{formatPercent(data.nation.ciHigh)})</span>}
            {regionName && summary[1] && <> · {regionName}: <strong>{valueText(summary[1].cell)}</strong></>}
          </p>
          <p data-testid="category-counts">
            Af {municipalities.length} kommuner i {scope}: {judged.map((c) => `${counts[c]} ${CATEGORY_LABEL[c].toLowerCase()}`).join(", ")}
            {counts.suppressed ? `, ${counts.suppressed} ikke vist (<5)` : ""}
            {counts["no-data"] + counts["not-compared"] ? `, ${counts["no-data"] + counts["not-compared"]} uden data eller sammenligning` : ""}.
          </p>
        </IndicatorHeader>

        {period === null ? (
          <p className="notice">Der er endnu ingen resultater for denne indikator.</p>
        ) : (
          <>
            <Legend polarity={indicator.polarity} />
            {lowCoverage.size > 0 && (
              <p className="notice" data-testid="coverage-notice">
                {lowCoverage.size === 1 ? "1 kommune har" : `${lowCoverage.size} kommuner har`} en dækningsgrad under SundK&apos;s grænse for denne indikator
                (markeret »lav dækning« i tabellen). Deres resultater bygger på ufuldstændige data og skal tolkes varsomt.
              </p>
            )}
            <div className="chart-grid">
              <ChartFrame id="soejler" title={`Kommunerne sorteret efter andel – ${title}`} view="sammenlign" fileName={`${fileBase}-soejler`} tableId="tabel"
                description={<p>Søjlerne viser andelen med 95 %-konfidensinterval; den sorte linje er landet{targetPct !== null ? ", den stiplede standarden" : ""}.
                  {missing.suppressed.length > 0 && <> Ikke vist (&lt;5): {missing.suppressed.join(", ")}.</>}
                  {missing.noData.length > 0 && <> Ingen data: {missing.noData.join(", ")}.</>}</p>}>
                <BarChartCI data={bars} nation={nationPct} target={targetPct} />
              </ChartFrame>
              <ChartFrame id="tragt" title={`Tragtdiagram – ${title}`} view="sammenlign" fileName={`${fileBase}-tragt`} tableId="tabel"
                description={<p>Hver prik er en kommune: andel mod antal børn i nævneren. Punkter uden for de prikkede linjer afviger fra landet (95 %); uden for de stiplede linjer (99,8 %) er afvigelsen meget sikker.</p>}>
                <FunnelPlot data={funnel} />
              </ChartFrame>
              <ChartFrame id="kort" title={`Kort – ${title}`} view="sammenlign" fileName={`${fileBase}-kort`} tableId="tabel" credit={MAP_CREDIT}
                description={
                  <fieldset className="toggle">
                    <legend>Farvelæg kortet efter</legend>
                    <label><input type="radio" name="kort" value="benchmark" checked={state.kort === "benchmark"} onChange={() => update({ kort: "benchmark" })} /> sammenligning med landet</label>
                    <label><input type="radio" name="kort" value="kvintil" checked={state.kort === "kvintil"} onChange={() => update({ kort: "kvintil" })} /> femtedele (kvintiler) af andelen</label>
                  </fieldset>
                }>
                {map.data ? (
                  <ChoroplethMap geometry={map.data} data={mapData} mode={state.kort} title={`Danmarkskort over ${scope}: ${title}`} />
                ) : map.isError ? (
                  <p role="alert">Kortet kunne ikke hentes. Tallene står i tabellen.</p>
                ) : (
                  <p className="muted">Henter kort …</p>
                )}
                {state.kort === "kvintil" && (
                  <ul className="quintile-legend" aria-label="Femtedele">
                    {QUINTILE_FILL.map((f, i) => (
                      <li key={f}><svg aria-hidden="true" width="14" height="14"><rect x="0.75" y="0.75" width="12.5" height="12.5" fill={f} stroke={OUTLINE} strokeWidth="1.5" /></svg> {i + 1}. femtedel{i === 0 ? " (laveste)" : i === 4 ? " (højeste)" : ""}</li>
                    ))}
                  </ul>
                )}
              </ChartFrame>
            </div>

            <section aria-labelledby="tabel-titel" className="table-section">
              <div className="table-section__head">
                <h2 id="tabel-titel">Tabel</h2>
                {canExport && <a className="button button--small" href={exportHref} download data-testid="csv-link">Hent CSV<span className="sr-only"> med tabellens tal</span></a>}
              </div>
              <ResultTable
                id="tabel"
                caption={`${title} – ${scope}. Klik på en kolonneoverskrift for at sortere.`}
                columns={COMPARE_COLUMNS}
                pinned={summary}
                rows={sorted}
                rowKey={(r) => `${r.kind}-${r.code}`}
                rowProps={(r) => ({ className: r.isOwn ? "own" : r.kind !== "municipality" ? "summary" : undefined, "data-kode": r.code })}
                render={render}
                sort={{ key: state.sort, direction: state.retning, hrefFor: sortHref, onSort }}
              />
            </section>
          </>
        )}
      </div>
    </>
  );
}
