/**
 * In-process cache of the stored result tables and of their suppression outcome per entitlement, so a page that
 * shows every indicator over every period does not re-read and re-suppress ~60,000 rows on each request.
 *
 * Validity: the refresh replaces an indicator × period in one transaction (lib/indicators/refresh.ts), and every row
 * it writes gets the transaction's `computed_at`. The nation's headline row of a pair therefore identifies the stored
 * version of the whole pair; each request reads those version rows first (one indexed query, one row per pair) and
 * reloads any pair whose version changed or disappeared. Several app processes each keep their own cache and stay
 * correct the same way. The municipality → region mapping (reference data) is assumed not to change while the
 * process runs.
 *
 * Nothing here decides what a viewer may see: the suppression outcome is computed by ./viewer-cells.ts for the
 * viewer's entitlement and cached under the exact set of areas that entitlement covers.
 */
import { pool } from "@/lib/db/client";
import { suppressPair, type Entitlement, type PairSuppression, type StoredResult } from "./viewer-cells";

export interface PairVersion {
  indicatorId: string;
  period: string;
  version: string;
}

export interface PairTable extends PairVersion {
  rows: StoredResult[];
  /** the distinct areas of the rows, as level:code */
  areas: { level: StoredResult["areaLevel"]; code: string }[];
}

const MAX_TABLES = 400;
const MAX_OUTCOMES_PER_TABLE = 64;

interface Entry {
  table: PairTable;
  outcomes: Map<string, PairSuppression>;
}

const cache = ((globalThis as { ldbuResultCache?: Map<string, Entry> }).ldbuResultCache ??= new Map<string, Entry>());

const pairKey = (indicatorId: string, period: string) => `${indicatorId}\u0000${period}`;

/** The stored pairs (newest period first per indicator) and their versions. */
export async function pairVersions(indicatorIds: readonly string[], periods: readonly string[] | null): Promise<PairVersion[]> {
  const { rows } = await pool().query<PairVersion>(
    `SELECT indicator_id AS "indicatorId", period,
            to_char(computed_at, 'YYYYMMDDHH24MISSUS') || ':' || numerator || '/' || denominator AS version
     FROM indicator_result
     WHERE indicator_id = ANY($1::text[]) AND ($2::text[] IS NULL OR period = ANY($2::text[]))
       AND area_level = 'nation' AND breakdown = 'all'
     ORDER BY indicator_id, period DESC`,
    [indicatorIds, periods],
  );
  return rows;
}

const SELECT_ROWS = `SELECT indicator_id AS "indicatorId", period, area_level::text AS "areaLevel", area_code AS "areaCode",
        breakdown, breakdown_value AS "breakdownValue", numerator, denominator, uoplyst, value,
        ci_low AS "ciLow", ci_high AS "ciHigh", benchmark, standard_met AS "standardMet", standard_ci_side AS "standardCiSide"
 FROM indicator_result`;

async function loadTables(pairs: readonly PairVersion[]): Promise<PairTable[]> {
  if (!pairs.length) return [];
  const { rows } = await pool().query<StoredResult>(
    `${SELECT_ROWS}
     WHERE (indicator_id, period) IN (SELECT * FROM unnest($1::text[], $2::text[]))
     ORDER BY indicator_id, period, area_level, area_code, breakdown, breakdown_value`,
    [pairs.map((p) => p.indicatorId), pairs.map((p) => p.period)],
  );
  const byPair = new Map<string, StoredResult[]>();
  for (const r of rows) {
    const k = pairKey(r.indicatorId, r.period);
    (byPair.get(k) ?? byPair.set(k, []).get(k)!).push(r);
  }
  return pairs.map((p) => {
    const tableRows = byPair.get(pairKey(p.indicatorId, p.period)) ?? [];
    const areas = new Map<string, { level: StoredResult["areaLevel"]; code: string }>();
    for (const r of tableRows) areas.set(`${r.areaLevel}:${r.areaCode}`, { level: r.areaLevel, code: r.areaCode });
    return { ...p, rows: tableRows, areas: [...areas.values()] };
  });
}

/** The stored tables of the given pairs, from the cache when their version is unchanged. */
export async function pairTables(pairs: readonly PairVersion[]): Promise<PairTable[]> {
  const missing = pairs.filter((p) => cache.get(pairKey(p.indicatorId, p.period))?.table.version !== p.version);
  for (const t of await loadTables(missing)) {
    const k = pairKey(t.indicatorId, t.period);
    cache.delete(k);
    cache.set(k, { table: t, outcomes: new Map() });
  }
  while (cache.size > MAX_TABLES) cache.delete(cache.keys().next().value!);
  // a table loaded by a concurrent request may be newer than the version asked for; either is a consistent table
  return pairs.map((p) => cache.get(pairKey(p.indicatorId, p.period))?.table ?? { ...p, rows: [], areas: [] });
}

/** The suppression outcome of a table for an entitlement, computed once per distinct set of entitled areas. */
export function pairSuppression(table: PairTable, regionOf: ReadonlyMap<string, string>, entitled: Entitlement): PairSuppression {
  const entitledKey = table.areas.filter((a) => entitled(a.level, a.code)).map((a) => `${a.level}:${a.code}`).join(",");
  const entry = cache.get(pairKey(table.indicatorId, table.period));
  const cached = entry?.table === table ? entry.outcomes.get(entitledKey) : undefined;
  if (cached) return cached;
  const outcome = suppressPair(table.rows, regionOf, entitled);
  if (entry?.table === table) {
    if (entry.outcomes.size >= MAX_OUTCOMES_PER_TABLE) entry.outcomes.delete(entry.outcomes.keys().next().value!);
    entry.outcomes.set(entitledKey, outcome);
  }
  return outcome;
}
