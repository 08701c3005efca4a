import { notFound, redirect } from "next/navigation";
import { Patterns } from "@/components/charts/Patterns";
import { QueryProvider } from "@/components/QueryProvider";
import { TrendView } from "@/components/views/TrendView";
import { decide } from "@/lib/auth/access";
import { requirePage } from "@/lib/auth/guard";
import { seriesData } from "@/lib/queries/series";
import { viewContext } from "@/lib/queries/view-context";
import { queryString } from "@/lib/views/search-params";
import { parseTrendState, serializeTrendState } from "@/lib/views/url-state";
import { audit } from "@/lib/audit";

export const metadata = { title: "Udvikling" };

/** København when the viewer has no municipality of their own (SundK). */
const FALLBACK_MUNICIPALITY = "101";

export default async function UdviklingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const { viewer } = await requirePage("read:current", `/udvikling${queryString(sp)}`);
  const ctx = await viewContext();
  const state = parseTrendState(sp, ctx.domain);
  const own = viewer.kind === "user" ? viewer.municipalityCode : null;
  const defaultMunicipality = own ?? FALLBACK_MUNICIPALITY;
  if (state.kommune !== null && !ctx.directory.municipalities.some((m) => m.code === state.kommune)) redirect(`/udvikling?${serializeTrendState({ ...state, kommune: null })}`);
  const data = await seriesData(viewer, { indicatorId: state.indikator, municipalityCode: state.kommune ?? defaultMunicipality, breakdown: state.opdeling });
  if (!data) notFound();
  await audit(viewer, "view", "udvikling", { indikator: state.indikator, kommune: state.kommune ?? defaultMunicipality, opdeling: state.opdeling }, state.kommune ?? defaultMunicipality);
  return (
    <>
      <h1>Udvikling</h1>
      <p className="lead">En indikator over tid for en kommune, dens region og hele landet, med 95 %-konfidensintervaller.</p>
      <Patterns />
      <QueryProvider>
        <TrendView
          indicators={ctx.indicators}
          directory={ctx.directory}
          breakdowns={ctx.breakdowns}
          defaultMunicipality={defaultMunicipality}
          canExport={decide(viewer, "export:current").allow}
          initialState={state}
          initialData={data}
        />
      </QueryProvider>
    </>
  );
}
