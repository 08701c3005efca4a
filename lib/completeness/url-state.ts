/**
 * The Datakomplethed and Fejlliste views' state in the URL (Danish parameter names), so every view can be shared as
 * a link. Parsing is lenient (a bad or outdated link falls back to the default for that parameter); the JSON API
 * validates strictly instead (./api-params.ts). Serialising leaves out defaults and writes a fixed order.
 */
import { MEASURE_KEYS, SORT_DIRECTIONS, type MeasureKey, type SortDirection } from "./views";

export type SearchParamsInput = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

function get(params: SearchParamsInput, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const v = params[name];
  return typeof v === "string" ? v : v?.[0];
}

const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T =>
  value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

export const YEAR_PATTERN = /^\d{4}$/;
export const MUNICIPALITY_PATTERN = /^\d{3}$/;
export const SORT_KEY_PATTERN = /^[a-z0-9-]{1,20}$/;

export interface CompletenessState {
  /** null: the newest birth cohort with data */
  periode: number | null;
  maal: MeasureKey;
  region: string | null;
  /** "navn" or a column key */
  sort: string;
  retning: SortDirection;
  /** drill-down municipality */
  kommune: string | null;
}

export const COMPLETENESS_DEFAULTS: CompletenessState = { periode: null, maal: "daekning", region: null, sort: "navn", retning: "stigende", kommune: null };

export function parseCompletenessState(params: SearchParamsInput, regions: readonly string[]): CompletenessState {
  const periode = get(params, "periode");
  const region = get(params, "region");
  const sort = get(params, "sort");
  const kommune = get(params, "kommune");
  return {
    periode: periode !== undefined && YEAR_PATTERN.test(periode) ? Number(periode) : null,
    maal: oneOf(get(params, "maal"), MEASURE_KEYS, COMPLETENESS_DEFAULTS.maal),
    region: region !== undefined && regions.includes(region) ? region : null,
    sort: sort !== undefined && SORT_KEY_PATTERN.test(sort) ? sort : COMPLETENESS_DEFAULTS.sort,
    retning: oneOf(get(params, "retning"), SORT_DIRECTIONS, COMPLETENESS_DEFAULTS.retning),
    kommune: kommune !== undefined && MUNICIPALITY_PATTERN.test(kommune) ? kommune : null,
  };
}

function query(entries: [string, string | null][]): string {
  const p = new URLSearchParams();
  for (const [k, v] of entries) if (v !== null) p.set(k, v);
  return p.toString();
}

const unlessDefault = <T>(value: T, fallback: T): T | null => (value === fallback ? null : value);

export function serializeCompletenessState(s: CompletenessState): string {
  return query([
    ["periode", s.periode === null ? null : String(s.periode)],
    ["maal", unlessDefault(s.maal, COMPLETENESS_DEFAULTS.maal)],
    ["region", s.region],
    ["sort", unlessDefault(s.sort, COMPLETENESS_DEFAULTS.sort)],
    ["retning", unlessDefault(s.retning, COMPLETENESS_DEFAULTS.retning)],
    ["kommune", s.kommune],
  ]);
}

// ---------------------------------------------------------------- Fejlliste

export const WORKLIST_VIEWS = ["afviste", "mangler", "sene"] as const;
export type WorklistView = (typeof WORKLIST_VIEWS)[number];
/** Rejected receipts whose SOR code maps to no municipality (SundK only). */
export const UNKNOWN_MUNICIPALITY = "ukendt";
export const WORKLIST_MUNICIPALITY_PATTERN = /^(\d{3}|ukendt)$/;
export const RULE_PATTERN = /^[a-z0-9][a-z0-9.-]{0,80}$/;

export interface WorklistState {
  /** null: the viewer's own municipality (leder), or none chosen yet (SundK) */
  kommune: string | null;
  visning: WorklistView;
  /** null: all years */
  periode: number | null;
  /** visit key (./items.ts) or null for all */
  besoeg: string | null;
  /** rule id (rejected reports) or null for all */
  regel: string | null;
  side: number;
}

export const WORKLIST_DEFAULTS: WorklistState = { kommune: null, visning: "afviste", periode: null, besoeg: null, regel: null, side: 1 };

export function parseWorklistState(params: SearchParamsInput, visitKeys: readonly string[]): WorklistState {
  const kommune = get(params, "kommune");
  const periode = get(params, "periode");
  const besoeg = get(params, "besoeg");
  const regel = get(params, "regel");
  const side = Number(get(params, "side"));
  return {
    kommune: kommune !== undefined && WORKLIST_MUNICIPALITY_PATTERN.test(kommune) ? kommune : null,
    visning: oneOf(get(params, "visning"), WORKLIST_VIEWS, WORKLIST_DEFAULTS.visning),
    periode: periode !== undefined && YEAR_PATTERN.test(periode) ? Number(periode) : null,
    besoeg: besoeg !== undefined && visitKeys.includes(besoeg) ? besoeg : null,
    regel: regel !== undefined && RULE_PATTERN.test(regel) ? regel : null,
    side: Number.isInteger(side) && side >= 1 && side <= 100_000 ? side : 1,
  };
}

export function serializeWorklistState(s: WorklistState): string {
  return query([
    ["kommune", s.kommune],
    ["visning", unlessDefault(s.visning, WORKLIST_DEFAULTS.visning)],
    ["periode", s.periode === null ? null : String(s.periode)],
    ["besoeg", s.besoeg],
    ["regel", s.regel],
    ["side", s.side === 1 ? null : String(s.side)],
  ]);
}
