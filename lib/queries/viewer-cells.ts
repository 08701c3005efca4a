/**
 * Small-number suppression of stored indicator results for one viewer – the one place where rows of
 * `indicator_result` become what a viewer may see. Every query in lib/queries that returns results goes through
 * `cellsForViewer`, so pages, API routes and exports cannot bypass it.
 *
 * Suppression is decided per indicator × period over the whole table of that pair (all areas, all breakdowns),
 * because complementary suppression follows the additive groups across it (municipalities → region → nation per
 * breakdown value; the values of a breakdown → the headline of each area). Callers that need only a few cells filter
 * AFTER suppression, never before.
 *
 * The uoplyst counts are additive over the same groups, so they get the same rule on their own: a uoplyst count of
 * 1–4 is hidden, with complementary hiding so it cannot be recovered from the region or national uoplyst. A cell whose
 * figures are hidden has its uoplyst hidden as well.
 */
import { NATION } from "@/lib/indicators/aggregate";
import { suppress, type AdditiveGroup, type SuppressionReason } from "@/lib/stats";

export type AreaLevel = "municipality" | "region" | "nation";

/** One stored aggregate row, as read from `indicator_result`. */
export interface StoredResult {
  indicatorId: string;
  period: string;
  areaLevel: AreaLevel;
  areaCode: string;
  breakdown: string;
  breakdownValue: string;
  numerator: number;
  denominator: number;
  uoplyst: number;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  benchmark: string | null;
  standardMet: boolean | null;
  standardCiSide: string | null;
}

/** What a viewer sees of a cell's figures: everything but the cell's identity. */
export interface CellFigures {
  /** "ok": figures shown; "suppressed": figures withheld (<5); "no-data": no children in the denominator. */
  state: "ok" | "suppressed" | "no-data";
  suppression: SuppressionReason | null;
  numerator: number | null;
  denominator: number | null;
  /** null when withheld (see uoplystSuppressed) */
  uoplyst: number | null;
  /** the uoplyst count is withheld for this viewer (small number, complementary, or the whole cell is suppressed) */
  uoplystSuppressed: boolean;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  benchmark: string | null;
  standardMet: boolean | null;
  standardCiSide: string | null;
}

export interface ResultCell extends CellIdentity, CellFigures {}

/**
 * A cell in a view that names its indicator, period and breakdown once (Sammenlign kommuner's 98 municipalities):
 * its area code and figures only, so the payload does not repeat the rest in every cell.
 */
export interface AreaCell extends CellFigures {
  areaCode: string;
}

type CellKeyParts = Pick<StoredResult, "areaLevel" | "areaCode" | "breakdown" | "breakdownValue">;

/** What identifies a cell (no figures): what callers may select cells by. */
export type CellIdentity = Pick<StoredResult, "indicatorId" | "period" | "areaLevel" | "areaCode" | "breakdown" | "breakdownValue">;

const keyOf = (c: CellKeyParts) => `${c.areaLevel}:${c.areaCode}|${c.breakdown}|${c.breakdownValue}`;

/** Additive groups of one indicator × period: municipalities → region → nation per breakdown value, and breakdown values → headline per area. */
export function additiveGroups(cells: readonly CellKeyParts[], regionOf: ReadonlyMap<string, string>): AdditiveGroup[] {
  const present = new Set(cells.map(keyOf));
  const has = (k: string) => (present.has(k) ? k : null);
  const groups: AdditiveGroup[] = [];
  const values = new Map<string, Set<string>>();
  for (const c of cells) (values.get(c.breakdown) ?? values.set(c.breakdown, new Set()).get(c.breakdown)!).add(c.breakdownValue);
  const areas = new Map<string, { level: AreaLevel; code: string }>();
  for (const c of cells) areas.set(`${c.areaLevel}:${c.areaCode}`, { level: c.areaLevel, code: c.areaCode });
  for (const [breakdown, vals] of values)
    for (const v of vals) {
      const k = (areaLevel: AreaLevel, areaCode: string) => keyOf({ areaLevel, areaCode, breakdown, breakdownValue: v });
      const byRegion = new Map<string, string[]>();
      for (const c of cells)
        if (c.areaLevel === "municipality" && c.breakdown === breakdown && c.breakdownValue === v) {
          const r = regionOf.get(c.areaCode);
          if (r) (byRegion.get(r) ?? byRegion.set(r, []).get(r)!).push(k("municipality", c.areaCode));
        }
      for (const [region, members] of byRegion) groups.push({ total: has(k("region", region)), members });
      const regions = cells.filter((c) => c.areaLevel === "region" && c.breakdown === breakdown && c.breakdownValue === v).map((c) => k("region", c.areaCode));
      groups.push({ total: has(k("nation", NATION)), members: regions });
    }
  for (const { level, code } of areas.values())
    for (const [breakdown, vals] of values) {
      if (breakdown === "all") continue;
      const members = [...vals].map((v) => keyOf({ areaLevel: level, areaCode: code, breakdown, breakdownValue: v })).filter((m) => present.has(m));
      if (members.length) groups.push({ total: has(keyOf({ areaLevel: level, areaCode: code, breakdown: "all", breakdownValue: "" })), members });
    }
  return groups;
}

/** Whether the viewer may see an area's figures unsuppressed (decided by lib/auth/access.ts). */
export type Entitlement = (areaLevel: AreaLevel, areaCode: string) => boolean;

/** Suppression outcome of one indicator × period table, position by position. */
export interface PairSuppression {
  /** per row: why its figures are hidden, or null when shown */
  status: (SuppressionReason | null)[];
  /** per row: its uoplyst count is hidden */
  uoplystHidden: boolean[];
}

/** Suppression of the rows of ONE indicator × period (every area and breakdown stored for it). */
export function suppressPair(rows: readonly StoredResult[], regionOf: ReadonlyMap<string, string>, entitledArea: Entitlement): PairSuppression {
  const cells = rows.map((r) => ({ key: keyOf(r), numerator: r.numerator, denominator: r.denominator }));
  const entitledKeys = new Set(cells.filter((_, i) => entitledArea(rows[i].areaLevel, rows[i].areaCode)).map((c) => c.key));
  const entitled = (key: string) => entitledKeys.has(key);
  const groups = additiveGroups(rows, regionOf);
  const main = suppress(cells, groups, { entitled });
  // The uoplyst counts under the same rule; a cell hidden above is hidden here too (1/1 forces it).
  const uoplystCells = cells.map((c, i) => (main.get(c.key) ? { key: c.key, numerator: 1, denominator: 1 } : { key: c.key, numerator: rows[i].uoplyst, denominator: rows[i].uoplyst }));
  const uoplyst = suppress(uoplystCells, groups, { entitled });
  return { status: cells.map((c) => main.get(c.key) ?? null), uoplystHidden: cells.map((c) => uoplyst.get(c.key) !== null) };
}

/** The cell a viewer sees for a stored row, given its suppression outcome. */
export function toCell(r: StoredResult, reason: SuppressionReason | null, uoplystHidden: boolean): ResultCell {
  const hidden = reason !== null;
  return {
    indicatorId: r.indicatorId,
    period: r.period,
    areaLevel: r.areaLevel,
    areaCode: r.areaCode,
    breakdown: r.breakdown,
    breakdownValue: r.breakdownValue,
    state: hidden ? "suppressed" : r.denominator === 0 ? "no-data" : "ok",
    suppression: reason,
    numerator: hidden ? null : r.numerator,
    denominator: hidden ? null : r.denominator,
    uoplyst: hidden || uoplystHidden ? null : r.uoplyst,
    uoplystSuppressed: hidden || uoplystHidden,
    value: hidden ? null : r.value,
    ciLow: hidden ? null : r.ciLow,
    ciHigh: hidden ? null : r.ciHigh,
    benchmark: hidden ? null : r.benchmark,
    standardMet: hidden ? null : r.standardMet,
    standardCiSide: hidden ? null : r.standardCiSide,
  };
}

/**
 * The cells a viewer may see, for stored rows of any number of indicator × period pairs (each pair must be complete:
 * every area and breakdown stored for it). Order of the rows is kept.
 */
export function cellsForViewer(rows: readonly StoredResult[], regionOf: ReadonlyMap<string, string>, entitledArea: Entitlement): ResultCell[] {
  const byPair = new Map<string, StoredResult[]>();
  for (const r of rows) {
    const k = `${r.indicatorId}\u0000${r.period}`;
    (byPair.get(k) ?? byPair.set(k, []).get(k)!).push(r);
  }
  const out = new Map<StoredResult, ResultCell>();
  for (const pair of byPair.values()) {
    const { status, uoplystHidden } = suppressPair(pair, regionOf, entitledArea);
    pair.forEach((r, i) => out.set(r, toCell(r, status[i], uoplystHidden[i])));
  }
  return rows.map((r) => out.get(r)!);
}
