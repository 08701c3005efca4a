import { Patterns } from "@/components/charts/Patterns";
import { QueryProvider } from "@/components/QueryProvider";
import { CompareView } from "@/components/views/CompareView";
import { decide } from "@/lib/auth/access";
import { requirePage } from "@/lib/auth/guard";
import { compareData } from "@/lib/queries/compare";
import { viewContext } from "@/lib/queries/view-context";
import { queryString } from "@/lib/views/search-params";
import { parseCompareState, serializeCompareState } from "@/lib/views/url-state";
import { redirect } from "next/navigation";
import { audit } from "@/lib/audit";

export const metadata = { title: "Sammenlign kommuner" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SammenlignPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { viewer } = await requirePage("read:current", `/sammenlign${queryString(sp)}`);
  const ctx = await viewContext();
  const state = parseCompareState(sp, ctx.domain);
  const data = await compareData(viewer, { indicatorId: state.indikator, period: state.periode, breakdown: state.opdeling, region: state.region });
  // a link to a period without results shows the newest one, under its own address
  if (state.periode !== null && data.period !== state.periode) redirect(`/sammenlign?${serializeCompareState({ ...state, periode: null })}`);
  await audit(viewer, "view", "sammenlign", { indikator: state.indikator, periode: data.period, opdeling: state.opdeling, region: state.region });
  return (
    <>
      <h1>Sammenlign kommuner</h1>
      <p className="lead">Hver indikator for alle kommuner: sorteret søjlediagram, tragtdiagram, kort og tabel. Kommunerne sammenlignes med landet.</p>
      <Patterns />
      <QueryProvider>
        <CompareView
          indicators={ctx.indicators}
          directory={ctx.directory}
          breakdowns={ctx.breakdowns}
          ownCode={viewer.kind === "user" ? viewer.municipalityCode : null}
          canExport={decide(viewer, "export:current").allow}
          initialState={state}
          initialData={data}
        />
      </QueryProvider>
    </>
  );
}
