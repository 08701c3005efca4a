import Link from "next/link";
import { redirect } from "next/navigation";
import { CompletenessDefinitions } from "@/components/completeness/CompletenessDefinitions";
import { CompletenessFilters } from "@/components/completeness/CompletenessFilters";
import { CompletenessOverview } from "@/components/completeness/CompletenessOverview";
import { Heatmap } from "@/components/completeness/Heatmap";
import { HeatmapLegend } from "@/components/completeness/HeatmapLegend";
import { HeatmapNumbers } from "@/components/completeness/HeatmapNumbers";
import { MunicipalityDetail } from "@/components/completeness/MunicipalityDetail";
import { OnDemandDetails } from "@/components/OnDemandDetails";
import styles from "@/components/completeness/completeness.module.css";
import { decide } from "@/lib/auth/access";
import { requirePage } from "@/lib/auth/guard";
import { parseCompletenessState, serializeCompletenessState } from "@/lib/completeness/url-state";
import { MEASURE_INFO } from "@/lib/completeness/views";
import { completenessData } from "@/lib/queries/completeness";
import { areaDirectory } from "@/lib/queries/municipalities";
import { queryString } from "@/lib/views/search-params";
import { audit } from "@/lib/audit";

export const metadata = { title: "Datakomplethed" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DatakomplethedPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { viewer } = await requirePage("read:current", `/datakomplethed${queryString(sp)}`);
  const directory = await areaDirectory();
  const state = parseCompletenessState(sp, directory.regions.map((r) => r.code));
  const data = await completenessData(viewer, { year: state.periode, measure: state.maal, region: state.region, sort: state.sort, dir: state.retning, municipality: state.kommune });
  // a link to a year without data shows the default year, under its own address
  if (state.periode !== null && data.year !== state.periode) redirect(`/datakomplethed?${serializeCompletenessState({ ...state, periode: null })}`);
  const canExport = decide(viewer, "export:current").allow;
  await audit(viewer, "view", "datakomplethed", { periode: data.year, maal: state.maal, region: state.region, kommune: state.kommune }, state.kommune);

  if (data.year === null || !data.heatmap || !data.periods) {
    return (
      <>
        <h1>Datakomplethed</h1>
        <p className="notice" role="status">Der er endnu ingen beregnede tal for datakomplethed. De beregnes, når indberetningerne genberegnes.</p>
      </>
    );
  }
  const pinned = { ...state, periode: data.year };
  const q = serializeCompletenessState(pinned);
  const yearLabel = state.maal === "gyldighed" ? `indberetninger fra ${data.periods.validity}` : `fødselsårgang ${data.periods.infant} og skoleår ${data.periods.school}`;
  const regionName = state.region ? directory.regions.find((r) => r.code === state.region)?.name : null;
  const canWorklist = (code: string) => decide(viewer, "read:worklist", code).allow;
  return (
    <>
      <h1>Datakomplethed</h1>
      <p className="lead">
        Hvor komplette, rettidige og gyldige er kommunernes indberetninger? Dækningsgrad mod registrene, variabelkomplethed pr. besøgstype og obligatorisk observation,
        rettidighed og afviste indberetninger – for hele landet, regionerne og alle 98 kommuner.
      </p>
      <CompletenessFilters state={state} year={data.year} years={data.years} regions={directory.regions} />
      <CompletenessOverview data={data} />

      <section className={styles.section} aria-labelledby="dk-heatmap">
        <div className={styles.sectionHead}>
          <h2 id="dk-heatmap">
            {MEASURE_INFO[state.maal].label} pr. kommune{regionName ? `, ${regionName}` : ""}
          </h2>
          {canExport && (
            <a href={`/api/datakomplethed/csv?${q}`} download data-testid="heatmap-csv">
              Hent som CSV
            </a>
          )}
        </div>
        <p>{MEASURE_INFO[state.maal].description}</p>
        <HeatmapLegend threshold={state.maal === "daekning" ? data.threshold : null} />
        <Heatmap data={data.heatmap} state={pinned} threshold={state.maal === "daekning" ? data.threshold : null} yearLabel={yearLabel} />
        <OnDemandDetails className={styles.details} summary="Tabel med tal">
          <HeatmapNumbers data={data.heatmap} yearLabel={yearLabel} />
        </OnDemandDetails>
      </section>

      {state.kommune && !data.detail && <p className="notice" role="status">Kommunen {state.kommune} findes ikke.</p>}
      {data.detail && (
        <MunicipalityDetail
          detail={data.detail}
          periods={data.periods}
          threshold={data.threshold}
          worklistHref={canWorklist(data.detail.area.code) ? `/fejlliste?kommune=${data.detail.area.code}` : null}
          csvHref={canExport ? `/api/datakomplethed/csv?${q}&tabel=kommune` : null}
        />
      )}
      {data.detail && (
        <p>
          <Link href={`/datakomplethed?${serializeCompletenessState({ ...pinned, kommune: null })}`}>Luk kommunens detaljer</Link>
        </p>
      )}
      <section className={styles.section} aria-label="Definitioner">
        <CompletenessDefinitions threshold={data.threshold} />
      </section>
    </>
  );
}
