/** Data of Sammenlign kommuner: one indicator × period × breakdown for the nation, the regions and the municipalities. */
import type { Viewer } from "@/lib/auth/roles";
import type { CompareData } from "@/lib/views/types";
import { areaCell } from "@/lib/views/compare";
import { splitBreakdown } from "@/lib/views/url-state";
import { coverageWarnings } from "./completeness";
import { regionOfMunicipalities } from "./municipalities";
import { currentResultsOf, resultPeriods } from "./results";
import { cachedView, type ViewPayload } from "./view-cache";

export interface CompareQuery {
  indicatorId: string;
  /** null: the newest period; a period without results also falls back to the newest (see CompareData.period) */
  period: string | null;
  breakdown: string;
  /** only the municipalities of this region (the nation and every region are always included) */
  region: string | null;
}

export async function compareData(viewer: Viewer, q: CompareQuery): Promise<CompareData> {
  return (await compareView(viewer, q)).value;
}

export function compareView(viewer: Viewer, q: CompareQuery): Promise<ViewPayload<CompareData>> {
  return cachedView("compare", viewer, q, () => computeCompare(viewer, q));
}

async function computeCompare(viewer: Viewer, q: CompareQuery): Promise<CompareData> {
  const periods = await resultPeriods(q.indicatorId);
  const period = q.period !== null && periods.includes(q.period) ? q.period : (periods[0] ?? null);
  const empty: CompareData = { indicatorId: q.indicatorId, period, periods, breakdown: q.breakdown, nation: null, regions: [], municipalities: [], coverageWarnings: [] };
  if (period === null) return empty;
  const { breakdown, value } = splitBreakdown(q.breakdown);
  const regionOf = q.region ? await regionOfMunicipalities() : null;
  const cells = await currentResultsOf(
    viewer,
    { indicatorIds: [q.indicatorId], periods: [period] },
    (c) => c.breakdown === breakdown && c.breakdownValue === value && (c.areaLevel !== "municipality" || regionOf === null || regionOf.get(c.areaCode) === q.region),
  );
  const municipalities = cells.filter((c) => c.areaLevel === "municipality");
  const nation = cells.find((c) => c.areaLevel === "nation");
  const warnings = await coverageWarnings(viewer, { indicatorId: q.indicatorId, period, areas: municipalities });
  return {
    ...empty,
    nation: nation ? areaCell(nation) : null,
    regions: cells.filter((c) => c.areaLevel === "region").map(areaCell),
    municipalities: municipalities.map(areaCell),
    coverageWarnings: warnings.flatMap((w) => (w.text ? [{ areaCode: w.areaCode, text: w.text }] : [])),
  };
}
