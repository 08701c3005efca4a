/**
 * From child-level facts to the aggregate table pages read: counts per municipality, region
 * and nation (all from the same facts, never by averaging municipalities), per breakdown
 * (sex, mother's education, first-time parents), then value, Wilson 95 % CI, benchmark
 * against the nation and the standard.
 */
import type pg from "pg";
import { bulkInsert } from "@/lib/db/bulk";
import { hashGrouped } from "@/lib/db/hashed";
import { compareWithNation, standardStatus, wilson } from "@/lib/stats";
import { indicator } from "./catalog";

export const NATION = "DK";

/** Breakdowns for inequality (PRODUCT.md "Indicators"); "all" is the headline row. */
export const BREAKDOWNS = {
  all: { label: "I alt", values: { "": "I alt" } },
  koen: { label: "Køn", values: { female: "Piger", male: "Drenge" } },
  mor_uddannelse: {
    label: "Mors uddannelse",
    values: {
      grundskole: "Grundskole",
      ungdomsuddannelse: "Ungdomsuddannelse",
      kort_videregaaende: "Kort videregående",
      mellemlang_lang_videregaaende: "Mellemlang/lang videregående",
      uoplyst: "Uoplyst",
    },
  },
  foerstegang: { label: "Førstegangsforældre", values: { ja: "Førstegangsforældre", nej: "Flergangsforældre", uoplyst: "Uoplyst" } },
} as const;

export interface Counts {
  areaLevel: "municipality" | "region" | "nation";
  areaCode: string;
  breakdown: string;
  breakdownValue: string;
  numerator: number;
  denominator: number;
  uoplyst: number;
}

/**
 * Counts per area and breakdown of some indicators × one period, by indicator: from all their facts as a full refresh
 * computed them (`staged_fact`), or, signed, from the facts an incremental refresh removed and wrote (`fact_change`;
 * both lib/indicators/facts.ts).
 */
export async function countFacts(client: pg.ClientBase, indicatorIds: string[], period: string, from: "staged" | "changes"): Promise<Map<string, Counts[]>> {
  const source = from === "changes" ? `fact_change` : `(SELECT *, 1 AS sign FROM staged_fact)`;
  const { rows } = await hashGrouped(
    client,
    // children alike (indicator, status, municipality, sex, education, first-time parents) are counted once first,
    // so the four breakdowns and the grouping sets sum a few thousand rows instead of four rows per fact
    `WITH f AS (
       SELECT s.indicator_id, s.status, s.municipality_code AS kommune, m.region_code AS region, s.sex::text AS sex,
              COALESCE(s.mother_education::text, 'uoplyst') AS edu,
              CASE WHEN s.parity IS NULL THEN 'uoplyst' WHEN s.parity = 1 THEN 'ja' ELSE 'nej' END AS first_time,
              sum(s.sign) AS n
       FROM ${source} s
       LEFT JOIN municipality m ON m.code = s.municipality_code
       WHERE s.indicator_id = ANY($1::text[]) AND s.period = $2
       GROUP BY 1, 2, 3, 4, 5, 6, 7
     ), b AS (
       SELECT indicator_id, status, n, kommune, region, 'all' AS breakdown, '' AS value FROM f
       UNION ALL SELECT indicator_id, status, n, kommune, region, 'koen', sex FROM f
       UNION ALL SELECT indicator_id, status, n, kommune, region, 'mor_uddannelse', edu FROM f
       UNION ALL SELECT indicator_id, status, n, kommune, region, 'foerstegang', first_time FROM f
     )
     SELECT indicator_id, GROUPING(region, kommune) AS g, region, kommune, breakdown, value,
            COALESCE(sum(n) FILTER (WHERE status = 'numerator'), 0)::int AS numerator,
            COALESCE(sum(n) FILTER (WHERE status <> 'uoplyst'), 0)::int AS denominator,
            COALESCE(sum(n) FILTER (WHERE status = 'uoplyst'), 0)::int AS uoplyst
     FROM b GROUP BY indicator_id, GROUPING SETS ((breakdown, value, region, kommune), (breakdown, value, region), (breakdown, value))`,
    [indicatorIds, period],
  );
  const out = new Map<string, Counts[]>(indicatorIds.map((id) => [id, []]));
  for (const r of rows) {
    // g: 0 = municipality, 1 = region (kommune rolled up), 3 = nation.
    const level = r.g === 0 ? "municipality" : r.g === 1 ? "region" : "nation";
    const code = level === "municipality" ? r.kommune : level === "region" ? r.region : NATION;
    if (!code) continue; // children not placed in a municipality count for the nation only
    out.get(r.indicator_id)!.push({ areaLevel: level, areaCode: code, breakdown: r.breakdown, breakdownValue: r.value, numerator: r.numerator, denominator: r.denominator, uoplyst: r.uoplyst });
  }
  return out;
}

/** The stored counts of one indicator × period. */
export async function storedCounts(client: pg.ClientBase, indicatorId: string, period: string): Promise<Counts[]> {
  const { rows } = await client.query(
    `SELECT area_level AS "areaLevel", area_code AS "areaCode", breakdown, breakdown_value AS "breakdownValue", numerator, denominator, uoplyst
     FROM indicator_result WHERE indicator_id = $1 AND period = $2`,
    [indicatorId, period],
  );
  return rows;
}

const countKey = (c: Counts) => `${c.areaLevel}|${c.areaCode}|${c.breakdown}|${c.breakdownValue}`;

/**
 * Stored counts plus the signed changes of an incremental refresh: what counting all facts again would give. A
 * cell left without children (none in the denominator, none uoplyst) disappears, as it would from a recount.
 */
export function applyChanges(stored: readonly Counts[], changes: readonly Counts[]): Counts[] {
  const byKey = new Map(stored.map((c) => [countKey(c), { ...c }]));
  for (const d of changes) {
    const c = byKey.get(countKey(d));
    if (!c) byKey.set(countKey(d), { ...d });
    else {
      c.numerator += d.numerator;
      c.denominator += d.denominator;
      c.uoplyst += d.uoplyst;
    }
  }
  const all = [...byKey.values()];
  if (all.some((c) => c.numerator < 0 || c.denominator < 0 || c.uoplyst < 0)) throw new Error("Inkrementel genberegning: negative tal – kør en fuld genberegning (ldbu refresh --all).");
  return all.filter((c) => c.denominator + c.uoplyst !== 0);
}

export interface ResultRow extends Counts {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  benchmark: string | null;
  standardMet: boolean | null;
  standardCiSide: string | null;
}

/** Statistics for every cell; benchmarks compare with the nation's value for the same breakdown. */
export function withStatistics(indicatorId: string, counts: Counts[], target: number | null): ResultRow[] {
  const def = indicator(indicatorId);
  const nation = new Map<string, number | null>();
  const estimate = (c: Counts) => wilson(c.numerator, c.denominator);
  for (const c of counts) if (c.areaLevel === "nation") nation.set(`${c.breakdown}|${c.breakdownValue}`, estimate(c)?.value ?? null);
  return counts.map((c) => {
    const ci = estimate(c);
    const isNation = c.areaLevel === "nation";
    const headline = c.breakdown === "all";
    const standard = headline ? standardStatus({ value: ci?.value, low: ci?.low, high: ci?.high, target, polarity: def.polarity }) : null;
    return {
      ...c,
      value: ci?.value ?? null,
      ciLow: ci?.low ?? null,
      ciHigh: ci?.high ?? null,
      benchmark: compareWithNation({ areaLow: ci?.low, areaHigh: ci?.high, nationValue: nation.get(`${c.breakdown}|${c.breakdownValue}`), polarity: def.polarity, isNation }),
      standardMet: standard?.met ?? null,
      standardCiSide: standard?.ciSide ?? null,
    };
  });
}

/** Replaces the stored results of one indicator × period. */
export async function writeResults(client: pg.ClientBase, indicatorId: string, period: string, rows: ResultRow[]) {
  await client.query(`DELETE FROM indicator_result WHERE indicator_id = $1 AND period = $2`, [indicatorId, period]);
  await bulkInsert(
    client,
    "indicator_result",
    [
      { name: "indicator_id", type: "text" }, { name: "period", type: "text" },
      { name: "area_level", type: "text", expr: (v) => `${v}::area_level` }, { name: "area_code", type: "text" },
      { name: "breakdown", type: "text" }, { name: "breakdown_value", type: "text" },
      { name: "numerator", type: "int" }, { name: "denominator", type: "int" }, { name: "uoplyst", type: "int" },
      { name: "value", type: "float8" }, { name: "ci_low", type: "float8" }, { name: "ci_high", type: "float8" },
      { name: "benchmark", type: "text" }, { name: "standard_met", type: "boolean" }, { name: "standard_ci_side", type: "text" },
    ],
    rows.map((r) => [indicatorId, period, r.areaLevel, r.areaCode, r.breakdown, r.breakdownValue, r.numerator, r.denominator, r.uoplyst, r.value, r.ciLow, r.ciHigh, r.benchmark, r.standardMet, r.standardCiSide]),
  );
}
