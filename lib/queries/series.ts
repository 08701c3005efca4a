/** Data of Udvikling: one indicator over every period for a municipality, its region and the nation. */
import type { Viewer } from "@/lib/auth/roles";
import type { SeriesData } from "@/lib/views/types";
import { splitBreakdown } from "@/lib/views/url-state";
import { regionOfMunicipalities } from "./municipalities";
import { currentResultsOf, resultPeriods } from "./results";
import { cachedView, type ViewPayload } from "./view-cache";

export interface SeriesQuery {
  indicatorId: string;
  municipalityCode: string;
  breakdown: string;
}

/** null when the municipality does not exist. */
export async function seriesData(viewer: Viewer, q: SeriesQuery): Promise<SeriesData | null> {
  return (await seriesView(viewer, q)).value;
}

export function seriesView(viewer: Viewer, q: SeriesQuery): Promise<ViewPayload<SeriesData | null>> {
  return cachedView("series", viewer, q, () => computeSeries(viewer, q));
}

async function computeSeries(viewer: Viewer, q: SeriesQuery): Promise<SeriesData | null> {
  const regionCode = (await regionOfMunicipalities()).get(q.municipalityCode);
  if (!regionCode) return null;
  const { breakdown, value } = splitBreakdown(q.breakdown);
  const [periods, cells] = await Promise.all([
    resultPeriods(q.indicatorId),
    currentResultsOf(
      viewer,
      { indicatorIds: [q.indicatorId] },
      (c) =>
        c.breakdown === breakdown &&
        c.breakdownValue === value &&
        ((c.areaLevel === "municipality" && c.areaCode === q.municipalityCode) || (c.areaLevel === "region" && c.areaCode === regionCode) || c.areaLevel === "nation"),
    ),
  ]);
  const oldestFirst = [...periods].reverse();
  const byLevel = (level: string) => oldestFirst.flatMap((p) => cells.filter((c) => c.areaLevel === level && c.period === p));
  return {
    indicatorId: q.indicatorId,
    municipalityCode: q.municipalityCode,
    regionCode,
    breakdown: q.breakdown,
    periods: oldestFirst,
    municipality: byLevel("municipality"),
    region: byLevel("region"),
    nation: byLevel("nation"),
  };
}
