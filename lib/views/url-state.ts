/**
 * View state in the URL, so every view can be shared as a link. Typed parse and serialise of the search parameters of
 * Sammenlign kommuner and Udvikling. Parsing is lenient (a page opened with a bad or outdated link falls back to the
 * default for that parameter); the JSON API validates strictly instead (./api-params.ts). Serialising leaves out
 * parameters at their default, so links stay short, and writes them in a fixed order.
 *
 * Parameter names and values are Danish, as the users see them in the address bar.
 */

export const SORT_KEYS = ["navn", "vaerdi", "taeller", "naevner", "uoplyst", "sammenligning"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_DIRECTIONS = ["stigende", "faldende"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const MAP_MODES = ["benchmark", "kvintil"] as const;
export type MapMode = (typeof MAP_MODES)[number];

/** The headline breakdown. */
export const ALL = "all";

export const PERIOD_PATTERN = /^\d{4}(\/\d{2})?$/;
export const MUNICIPALITY_PATTERN = /^\d{3}$/;

/** Sammenlign kommuner */
export interface CompareState {
  indikator: string;
  /** null: the newest period with results */
  periode: string | null;
  /** region code, or null for the whole country */
  region: string | null;
  /** breakdown key, e.g. "koen:female"; "all" for the headline */
  opdeling: string;
  sort: SortKey;
  retning: SortDirection;
  kort: MapMode;
}

/** Udvikling */
export interface TrendState {
  indikator: string;
  /** municipality code, or null for the viewer's default */
  kommune: string | null;
  opdeling: string;
}

/** The values a parameter may take (from the catalog, the regions and the breakdowns). */
export interface StateDomain {
  indicators: readonly string[];
  regions: readonly string[];
  breakdowns: readonly string[];
}

export type SearchParamsInput = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

function get(params: SearchParamsInput, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const v = params[name];
  return typeof v === "string" ? v : v?.[0];
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function matching(value: string | undefined, pattern: RegExp): string | null {
  return value !== undefined && pattern.test(value) ? value : null;
}

export const COMPARE_DEFAULTS: Omit<CompareState, "indikator"> = { periode: null, region: null, opdeling: ALL, sort: "vaerdi", retning: "faldende", kort: "benchmark" };

export function parseCompareState(params: SearchParamsInput, domain: StateDomain): CompareState {
  const region = get(params, "region");
  return {
    indikator: oneOf(get(params, "indikator"), domain.indicators, domain.indicators[0]),
    periode: matching(get(params, "periode"), PERIOD_PATTERN),
    region: region !== undefined && domain.regions.includes(region) ? region : null,
    opdeling: oneOf(get(params, "opdeling"), domain.breakdowns, ALL),
    sort: oneOf(get(params, "sort"), SORT_KEYS, COMPARE_DEFAULTS.sort),
    retning: oneOf(get(params, "retning"), SORT_DIRECTIONS, COMPARE_DEFAULTS.retning),
    kort: oneOf(get(params, "kort"), MAP_MODES, COMPARE_DEFAULTS.kort),
  };
}

function query(entries: [string, string | null][]): string {
  const p = new URLSearchParams();
  for (const [k, v] of entries) if (v !== null) p.set(k, v);
  return p.toString();
}

const unlessDefault = <T>(value: T, fallback: T): T | null => (value === fallback ? null : value);

/** The query string of a Sammenlign state (without "?"); the indicator is always written. */
export function serializeCompareState(s: CompareState): string {
  return query([
    ["indikator", s.indikator],
    ["periode", s.periode],
    ["region", s.region],
    ["opdeling", unlessDefault(s.opdeling, ALL)],
    ["sort", unlessDefault(s.sort, COMPARE_DEFAULTS.sort)],
    ["retning", unlessDefault(s.retning, COMPARE_DEFAULTS.retning)],
    ["kort", unlessDefault(s.kort, COMPARE_DEFAULTS.kort)],
  ]);
}

export function parseTrendState(params: SearchParamsInput, domain: StateDomain): TrendState {
  return {
    indikator: oneOf(get(params, "indikator"), domain.indicators, domain.indicators[0]),
    kommune: matching(get(params, "kommune"), MUNICIPALITY_PATTERN),
    opdeling: oneOf(get(params, "opdeling"), domain.breakdowns, ALL),
  };
}

export function serializeTrendState(s: TrendState): string {
  return query([
    ["indikator", s.indikator],
    ["kommune", s.kommune],
    ["opdeling", unlessDefault(s.opdeling, ALL)],
  ]);
}

/** "koen:female" → { breakdown: "koen", value: "female" }; "all" → { breakdown: "all", value: "" }. */
export function splitBreakdown(key: string): { breakdown: string; value: string } {
  if (key === ALL) return { breakdown: ALL, value: "" };
  const i = key.indexOf(":");
  return i < 0 ? { breakdown: key, value: "" } : { breakdown: key.slice(0, i), value: key.slice(i + 1) };
}

export function breakdownKey(breakdown: string, value: string): string {
  return breakdown === ALL ? ALL : `${breakdown}:${value}`;
}
