/**
 * Indicator results as a viewer may see them: the one way pages, the API and exports read results. Reads the
 * precomputed aggregates, then applies small-number suppression (primary and complementary, lib/stats/suppression.ts
 * via ./viewer-cells.ts) for every cell the viewer is not entitled to see unsuppressed. Suppressed cells carry no
 * figures at all – not even to the browser.
 */
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { regionOfMunicipalities } from "./municipalities";
import { pairSuppression, pairTables, pairVersions } from "./result-cache";
import { toCell, type CellIdentity, type Entitlement, type PairSuppression, type ResultCell } from "./viewer-cells";

export type { AreaLevel, CellIdentity, ResultCell } from "./viewer-cells";

export class AccessDenied extends Error {}

function assertCanRead(viewer: Viewer) {
  if (!decide(viewer, "read:current").allow) throw new AccessDenied();
}

function entitlement(viewer: Viewer): Entitlement {
  return (level, code) => decide(viewer, "read:current", level === "municipality" ? code : undefined).unsuppressed;
}

/**
 * Current (unpublished) results of one indicator and period, every area and breakdown,
 * suppressed for this viewer. Throws AccessDenied when the viewer may not read current results.
 */
export async function currentResults(viewer: Viewer, indicatorId: string, period: string): Promise<ResultCell[]> {
  return currentResultsOf(viewer, { indicatorIds: [indicatorId], periods: [period] });
}

/**
 * Current results of several indicators, for the given periods or all periods, suppressed for this viewer. `keep`
 * selects the cells to return by what identifies them (never by their figures); suppression always sees every cell
 * of an indicator × period. Throws AccessDenied when the viewer may not read current results.
 */
export async function currentResultsOf(
  viewer: Viewer,
  selection: { indicatorIds: readonly string[]; periods?: readonly string[] },
  keep: (cell: CellIdentity) => boolean = () => true,
): Promise<ResultCell[]> {
  assertCanRead(viewer);
  const [versions, regionOf] = await Promise.all([pairVersions(selection.indicatorIds, selection.periods ?? null), regionOfMunicipalities()]);
  const entitled = entitlement(viewer);
  const out: ResultCell[] = [];
  for (const table of await pairTables(versions)) {
    let outcome: PairSuppression | null = null;
    table.rows.forEach((r, i) => {
      if (!keep(r)) return;
      outcome ??= pairSuppression(table, regionOf, entitled);
      out.push(toCell(r, outcome.status[i], outcome.uoplystHidden[i]));
    });
  }
  return out;
}

/** Periods with results for an indicator, newest first. */
export async function resultPeriods(indicatorId: string): Promise<string[]> {
  return (await resultPeriodsOf([indicatorId])).get(indicatorId) ?? [];
}

/** Periods with results per indicator, newest first. */
export async function resultPeriodsOf(indicatorIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(indicatorIds.map((id) => [id, []]));
  for (const r of await pairVersions(indicatorIds, null)) out.get(r.indicatorId)?.push(r.period);
  return out;
}
