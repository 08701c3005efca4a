/**
 * The data the views receive from the server (page props and JSON API responses). Plain, serialisable objects; every
 * result figure in them has already been suppressed for the viewer by lib/queries.
 */
import type { AreaCell, CellFigures, ResultCell } from "@/lib/queries/viewer-cells";

export type { AreaCell, CellFigures, ResultCell };
export type Polarity = "higher" | "lower" | "none";

export interface IndicatorOption {
  id: string;
  title: string;
  area: string;
  periodKind: "birth-cohort" | "school-year";
  polarity: Polarity;
  /** SundK's current standard (share 0–1), or null when the indicator has none */
  target: number | null;
  /** the standard is the catalog's provisional value */
  provisional: boolean;
}

export interface RegionRef {
  code: string;
  name: string;
}

export interface MunicipalityRef {
  code: string;
  name: string;
  regionCode: string;
}

export interface Directory {
  regions: RegionRef[];
  municipalities: MunicipalityRef[];
}

/** A breakdown cell, e.g. `{ key: "koen:female", label: "Piger", group: "Køn" }`; "all" is the headline. */
export interface BreakdownOption {
  key: string;
  label: string;
  group: string;
}

/** Sammenlign kommuner: one indicator × period × breakdown for every area. */
export interface CompareData {
  indicatorId: string;
  /** null when the indicator has no results at all */
  period: string | null;
  /** newest first */
  periods: string[];
  breakdown: string;
  nation: AreaCell | null;
  regions: AreaCell[];
  /** municipalities with a stored cell (of the chosen region, if any); a municipality without one has no data */
  municipalities: AreaCell[];
  /** municipalities whose coverage behind the result is below SundK's threshold, with the Danish warning */
  coverageWarnings: { areaCode: string; text: string }[];
}

/** Udvikling: one indicator over all periods for a municipality, its region and the nation. */
export interface SeriesData {
  indicatorId: string;
  municipalityCode: string;
  regionCode: string;
  breakdown: string;
  /** oldest first */
  periods: string[];
  municipality: ResultCell[];
  region: ResultCell[];
  nation: ResultCell[];
}

/** Kommuneprofil: one row per indicator, at its latest period. */
export interface ProfileRow {
  indicatorId: string;
  period: string | null;
  municipality: ResultCell | null;
  region: ResultCell | null;
  nation: ResultCell | null;
  /** headline values of every municipality shown to this viewer in the period (suppressed ones are not in it) */
  distribution: number[];
  /** the municipality's headline cell per period, oldest first */
  series: ResultCell[];
  /** Danish warning when the municipality's coverage behind the result is below SundK's threshold, else null */
  coverageWarning: string | null;
}

export interface ProfileData {
  municipalityCode: string;
  regionCode: string;
  rows: ProfileRow[];
}

/** Forside: one row per indicator. */
export interface OverviewRow {
  indicatorId: string;
  period: string | null;
  nation: ResultCell | null;
  /** the nation's headline cell per period, oldest first */
  nationSeries: ResultCell[];
  /** headline cells of the municipalities in the latest period */
  municipalities: ResultCell[];
}
