/** What every view needs besides results: the indicators with their standards, areas, breakdowns and URL domain. */
import { INDICATORS } from "@/lib/indicators/catalog";
import { perObject } from "@/lib/views/memo";
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
  return { indicators, directory, breakdowns: breakdownOptions(), domain: domainOf(directory) };
}

/** The values URL parameters may take: the catalog's indicators, the regions and the breakdowns (no stored data). */
const domainOf = perObject(
  (directory: Directory): StateDomain => ({
    indicators: INDICATORS.map((d) => d.id),
    regions: directory.regions.map((r) => r.code),
    breakdowns: breakdownOptions().map((b) => b.key),
  }),
);

/** The URL domain alone, one object per process (the area directory is read once), for validating API parameters. */
export async function viewDomain(): Promise<StateDomain> {
  return domainOf(await areaDirectory());
}
