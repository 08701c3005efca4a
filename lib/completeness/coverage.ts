/**
 * Coverage of one period against the register population. Birth cohort: the children of LDBU-09's facts (register
 * children born that year, placed by the indicator rule) with at least one accepted report (an active Patient
 * record), and with a finished visit of each expected type (at any age). The population holds no wholly retracted
 * child (lib/indicators/facts.ts), so the visit facts of its birth cohort (./facts.ts) hold all its finished infant
 * visits, and a child with one has an active record. School year: LDBU-10/11's facts, whose numerator is exactly "had
 * the examination in the school year".
 *
 * A birth cohort's children are kept one row each in `completeness_coverage_child` (municipality, reported, visit
 * types): an incremental refresh replaces the rows of the children it touched and sums the period's rows, instead of
 * reading all the period's visit facts again. A period without rows (new, or from before the table) is computed whole.
 */
import type pg from "pg";
import { hashGrouped } from "@/lib/db/hashed";
import { areaOf, share } from "./aggregate";
import { EXPECTED_INFANT_VISITS } from "./items";
import { MEASURES, type CompletenessRow } from "./types";

/** LDBU indicator whose facts hold the register population (placed in municipalities) of a school examination. */
const SCHOOL_COHORT_INDICATOR: Record<string, string> = { "LDBU-10": "c06ed6f1-be9d-460e-a45e-34821bcbd533", "LDBU-11": "dd766967-4d02-4c17-8ed3-021852785fdf" };

/**
 * Writes the coverage rows of a birth cohort's children ($1 = period): all of the population, or those in $2. The
 * children's visit types come from the period's visit facts, read once for all (hashed per child) or by the citizen
 * index for a few; only children without a visit fact are looked up for an active record (LIMIT keeps it a lookup per
 * child: the planner would otherwise hash every active record).
 */
const WRITE_CHILDREN = `
  INSERT INTO completeness_coverage_child (period, citizen_id, municipality_code, reported, visit_types)
  WITH pop AS (
    SELECT f.citizen_id, f.municipality_code FROM indicator_fact f
    WHERE f.indicator_id = 'LDBU-09' AND f.period = $1 AND ($2::bigint[] IS NULL OR f.citizen_id = ANY($2::bigint[]))
  ),
  seen AS (
    SELECT v.citizen_id, array_agg(DISTINCT v.visit_type ORDER BY v.visit_type) AS visit_types FROM completeness_visit v
    WHERE v.period = $1 AND ($2::bigint[] IS NULL OR v.citizen_id = ANY($2::bigint[])) GROUP BY v.citizen_id
  )
  SELECT $1, pop.citizen_id, pop.municipality_code, s.citizen_id IS NOT NULL OR rec.active IS NOT NULL, COALESCE(s.visit_types, '{}')
  FROM pop LEFT JOIN seen s ON s.citizen_id = pop.citizen_id
  LEFT JOIN LATERAL (SELECT true AS active FROM citizen_record r WHERE s.citizen_id IS NULL AND r.citizen_id = pop.citizen_id AND r.active LIMIT 1) rec ON true`;

/**
 * Brings a birth cohort's child rows up to date: those of the children in `ids` (the citizens an incremental refresh
 * touched) replaced, or all of them (`ids` null, or the period has none yet).
 */
async function updateChildren(client: pg.ClientBase, period: string, ids: readonly string[] | null): Promise<void> {
  const whole = ids === null || (await client.query(`SELECT 1 FROM completeness_coverage_child WHERE period = $1 LIMIT 1`, [period])).rowCount === 0;
  if (whole) {
    await client.query(`DELETE FROM completeness_coverage_child WHERE period = $1`, [period]);
    await client.query(`SET LOCAL enable_mergejoin = off`); // hash the period's facts per child, never sort them
    await client.query(WRITE_CHILDREN, [period, null]);
    await client.query(`RESET enable_mergejoin`);
    return;
  }
  if (ids.length === 0) return;
  await client.query(`DELETE FROM completeness_coverage_child WHERE period = $1 AND citizen_id = ANY($2::bigint[])`, [period, ids]);
  await client.query(WRITE_CHILDREN, [period, ids]);
}

export async function coverageRows(client: pg.ClientBase, period: string, ids: readonly string[] | null): Promise<CompletenessRow[]> {
  const school = period.includes("/");
  if (!school) await updateChildren(client, period, ids);
  const res = school
    ? await hashGrouped(
        client,
        `SELECT GROUPING(m.region_code, f.municipality_code) AS g, m.region_code AS region, f.municipality_code AS kommune, f.indicator_id AS v,
                count(*)::int AS population, count(*) FILTER (WHERE f.status = 'numerator')::int AS covered
         FROM indicator_fact f LEFT JOIN municipality m ON m.code = f.municipality_code
         WHERE f.indicator_id = ANY($2::text[]) AND f.period = $1
         GROUP BY GROUPING SETS ((f.indicator_id, m.region_code, f.municipality_code), (f.indicator_id, m.region_code), (f.indicator_id))`,
        [period, Object.keys(SCHOOL_COHORT_INDICATOR)],
      )
    : await hashGrouped(
        client,
        // children alike counted once, so the grouping sets sum a few thousand rows
        `WITH k AS (
           SELECT municipality_code AS kommune, reported, visit_types, count(*)::int AS n FROM completeness_coverage_child
           WHERE period = $1 GROUP BY 1, 2, 3
         )
         SELECT GROUPING(m.region_code, k.kommune) AS g, m.region_code AS region, k.kommune, t.v,
                sum(k.n)::int AS population,
                COALESCE(sum(k.n) FILTER (WHERE CASE WHEN t.v = '' THEN k.reported ELSE t.v = ANY(k.visit_types) END), 0)::int AS covered
         FROM k LEFT JOIN municipality m ON m.code = k.kommune CROSS JOIN unnest($2::text[]) AS t(v)
         GROUP BY GROUPING SETS ((t.v, m.region_code, k.kommune), (t.v, m.region_code), (t.v))`,
        [period, ["", ...EXPECTED_INFANT_VISITS]],
      );
  const out: CompletenessRow[] = [];
  for (const r of res.rows) {
    const area = areaOf(r.g, r.region, r.kommune);
    const visitType = school ? SCHOOL_COHORT_INDICATOR[r.v] : r.v;
    if (!area || visitType === undefined) continue;
    out.push({
      measure: MEASURES.coverage, period, areaLevel: area.level, areaCode: area.code, visitType, item: "",
      numerator: r.covered, denominator: r.population, value: share(r.covered, r.population), detail: null,
    });
  }
  return out;
}
