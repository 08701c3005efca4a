/** What every view needs besides results: the indicators with their standards, areas, breakdowns and URL domain. */
import type { BreakdownOption, Directory, IndicatorOption } from "@/lib/views/types";
import type { StateDomain } from "@/lib/views/url-state";
import { breakdownOptions, indicatorOptions } from "./indicators";
import { areaDirectory } from "./municipalities";
import { cachedShared } from "./view-cache";

export interface ViewContext {
  indicators: IndicatorOption[];
  directory: Directory;
  breakdowns: BreakdownOption[];
  domain: StateDomain;
}

export function viewContext(): Promise<ViewContext> {
  return cachedShared("view-context", computeViewContext);
}

async function computeViewContext(): Promise<ViewContext> {
  const [indicators, directory] = await Promise.all([indicatorOptions(), areaDirectory()]);
  const breakdowns = breakdownOptions();
  return {
    indicators,
    directory,
    breakdowns,
    domain: { indicators: indicators.map((i) => i.id), regions: directory.regions.map((r) => r.code), breakdowns: breakdowns.map((b) => b.key) },
  };
}
