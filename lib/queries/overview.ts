/** Data of the Forside: the national picture per indicator. */
import type { Viewer } from "@/lib/auth/roles";
import { INDICATORS } from "@/lib/indicators/catalog";
import type { OverviewRow } from "@/lib/views/types";
import { currentResultsOf } from "./results";
import { cachedView } from "./view-cache";

export async function overviewData(viewer: Viewer): Promise<OverviewRow[]> {
  return (await cachedView("overview", viewer, null, () => computeOverview(viewer))).value;
}

async function computeOverview(viewer: Viewer): Promise<OverviewRow[]> {
  const cells = await currentResultsOf(viewer, { indicatorIds: INDICATORS.map((d) => d.id) }, (c) => c.breakdown === "all" && c.areaLevel !== "region");
  return INDICATORS.map((d) => {
    const own = cells.filter((c) => c.indicatorId === d.id);
    const nationSeries = own.filter((c) => c.areaLevel === "nation").sort((a, b) => (a.period < b.period ? -1 : 1));
    const nation = nationSeries.at(-1) ?? null;
    const period = nation?.period ?? null;
    return { indicatorId: d.id, period, nation, nationSeries, municipalities: own.filter((c) => c.areaLevel === "municipality" && c.period === period) };
  });
}
