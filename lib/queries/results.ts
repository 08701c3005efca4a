/**
 * Indicator results as a viewer may see them: the one function pages, the API and exports
 * use. Reads the precomputed aggregates, then applies small-number suppression (primary and
 * complementary, lib/stats/suppression.ts) for every cell the viewer is not entitled to see
 * unsuppressed. Suppressed cells carry no figures at all – not even to the browser.
 */
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { suppress, type AdditiveGroup, type SuppressionReason } from "@/lib/stats";
import { BREAKDOWNS, NATION } from "@/lib/indicators/aggregate";

export type AreaLevel = "municipality" | "region" | "nation";

export interface ResultCell {
  indicatorId: string;
  period: string;
  areaLevel: AreaLevel;
  areaCode: string;
  breakdown: string;
  breakdownValue: string;
  /** "ok": figures shown; "suppressed": figures withheld (<5); "no-data": no children in the denominator. */
  state: "ok" | "suppressed" | "no-data";
  suppression: SuppressionReason | null;
  numerator: number | null;
  denominator: number | null;
  uoplyst: number | null;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  benchmark: string | null;
  standardMet: boolean | null;
  standardCiSide: string | null;
}

export class AccessDenied extends Error {}

const keyOf = (c: { areaLevel: string; areaCode: string; breakdown: string; breakdownValue: string }) =>
  `${c.areaLevel}:${c.areaCode}|${c.breakdown}|${c.breakdownValue}`;

/** Additive groups: municipalities → region → nation per breakdown value, and breakdown values → headline per area. */
function additiveGroups(cells: { areaLevel: string; areaCode: string; breakdown: string; breakdownValue: string }[], regionOf: Map<string, string>): AdditiveGroup[] {
  const present = new Set(cells.map(keyOf));
  const has = (k: string) => (present.has(k) ? k : null);
  const groups: AdditiveGroup[] = [];
  const values = new Map<string, Set<string>>();
  for (const c of cells) (values.get(c.breakdown) ?? values.set(c.breakdown, new Set()).get(c.breakdown)!).add(c.breakdownValue);
  const areas = new Map<string, { level: string; code: string }>();
  for (const c of cells) areas.set(`${c.areaLevel}:${c.areaCode}`, { level: c.areaLevel, code: c.areaCode });
  for (const [breakdown, vals] of values)
    for (const v of vals) {
      const k = (level: string, code: string) => keyOf({ areaLevel: level, areaCode: code, breakdown, breakdownValue: v });
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
    for (const breakdown of Object.keys(BREAKDOWNS)) {
      if (breakdown === "all") continue;
      const members = [...(values.get(breakdown) ?? [])].map((v) => keyOf({ areaLevel: level, areaCode: code, breakdown, breakdownValue: v })).filter((m) => present.has(m));
      if (members.length) groups.push({ total: has(keyOf({ areaLevel: level, areaCode: code, breakdown: "all", breakdownValue: "" })), members });
    }
  return groups;
}

/**
 * Current (unpublished) results of one indicator and period, every area and breakdown,
 * suppressed for this viewer. Throws AccessDenied when the viewer may not read current results.
 */
export async function currentResults(viewer: Viewer, indicatorId: string, period: string): Promise<ResultCell[]> {
  if (!decide(viewer, "read:current").allow) throw new AccessDenied();
  const rows = await db().indicatorResult.findMany({ where: { indicatorId, period }, orderBy: [{ areaLevel: "asc" }, { areaCode: "asc" }] });
  const regionOf = new Map((await db().municipality.findMany({ select: { code: true, regionCode: true } })).map((m) => [m.code, m.regionCode]));
  const cells = rows.map((r) => ({ ...r, key: keyOf(r) }));
  const entitled = (key: string) => {
    const [area] = key.split("|");
    const [level, code] = area.split(":");
    return decide(viewer, "read:current", level === "municipality" ? code : undefined).unsuppressed;
  };
  const status = suppress(cells, additiveGroups(cells, regionOf), { entitled });
  return cells.map((r): ResultCell => {
    const reason = status.get(r.key) ?? null;
    const base = { indicatorId, period, areaLevel: r.areaLevel, areaCode: r.areaCode, breakdown: r.breakdown, breakdownValue: r.breakdownValue, suppression: reason };
    if (reason)
      return { ...base, state: "suppressed", numerator: null, denominator: null, uoplyst: null, value: null, ciLow: null, ciHigh: null, benchmark: null, standardMet: null, standardCiSide: null };
    return {
      ...base,
      state: r.denominator === 0 ? "no-data" : "ok",
      numerator: r.numerator, denominator: r.denominator, uoplyst: r.uoplyst, value: r.value, ciLow: r.ciLow, ciHigh: r.ciHigh,
      benchmark: r.benchmark, standardMet: r.standardMet, standardCiSide: r.standardCiSide,
    };
  });
}

/** Periods with results for an indicator, newest first. */
export async function resultPeriods(indicatorId: string): Promise<string[]> {
  const rows = await db().indicatorResult.findMany({ where: { indicatorId, areaLevel: "nation", breakdown: "all" }, select: { period: true }, orderBy: { period: "desc" } });
  return rows.map((r) => r.period);
}
