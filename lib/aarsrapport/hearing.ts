/**
 * The frozen figures a municipality's leader reviews in the hearing: per indicator the headline cell of the own
 * municipality, its region and the nation. Suppression is the data layer's (lib/queries/viewer-cells.ts) with the
 * entitlement of "comment:hearing": the own municipality unsuppressed, everything else suppressed as for the public.
 */
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { NATION } from "@/lib/indicators/aggregate";
import { regionOfMunicipalities } from "@/lib/queries/municipalities";
import { cellsForViewer, type ResultCell } from "@/lib/queries/viewer-cells";
import type { Snapshot, SnapshotIndicator } from "./snapshot";

export interface HearingRow {
  indicator: SnapshotIndicator;
  municipality: ResultCell | null;
  region: ResultCell | null;
  nation: ResultCell | null;
}

/** Per indicator the headline cells of a municipality (null: the nation only), its region and the nation. */
export async function hearingRows(viewer: Viewer, snapshot: Snapshot, municipalityCode: string | null): Promise<HearingRow[]> {
  const regionOf = await regionOfMunicipalities();
  const region = municipalityCode === null ? null : (regionOf.get(municipalityCode) ?? null);
  const entitled = (level: string, code: string) => decide(viewer, "comment:hearing", level === "municipality" ? code : undefined).unsuppressed;
  const headline = cellsForViewer(snapshot.results, regionOf, entitled).filter((c) => c.breakdown === "all");
  const find = (id: string, level: ResultCell["areaLevel"], code: string | null) => headline.find((c) => c.indicatorId === id && c.areaLevel === level && c.areaCode === code) ?? null;
  return snapshot.indicators.map((indicator) => ({
    indicator,
    municipality: find(indicator.id, "municipality", municipalityCode),
    region: find(indicator.id, "region", region),
    nation: find(indicator.id, "nation", NATION),
  }));
}
