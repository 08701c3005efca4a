/**
 * From facts to the aggregate rows pages read (`completeness_result`), per period, for every municipality, region
 * and the nation — all summed from the same facts (GROUPING SETS), never by averaging municipalities. Visits count
 * for the municipality of their custodian (the SOR code of the report that carried them, through `organisation`, so
 * a mapping SundK adds later applies at the next refresh); children for coverage are placed by the indicator rule
 * (the facts of LDBU-09/10/11, lib/indicators/facts.ts); receipts by their SOR code. Facts that cannot be placed in a
 * municipality count for the nation only.
 */
import type pg from "pg";
import { bulkInsert } from "@/lib/db/bulk";
import { EXPECTED_INFANT_VISITS, TIMELY_HOURS, visitItems } from "./items";
import { MEASURES, NATION, type AreaLevel, type CompletenessRow, type VariableDetail } from "./types";

interface Area {
  level: AreaLevel;
  code: string;
}

/** GROUPING(region, kommune) → area: 0 municipality, 1 region, 3 nation; null when the fact has no such area. */
export function areaOf(g: number, region: string | null, kommune: string | null): Area | null {
  if (g === 0) return kommune ? { level: "municipality", code: kommune } : null;
  if (g === 1) return region ? { level: "region", code: region } : null;
  return { level: "nation", code: NATION };
}

const areaKey = (a: Area) => `${a.level}:${a.code}`;
const share = (n: number, d: number) => (d > 0 ? n / d : null);

/** Per area × visit type (visitType "" = all visit types of the period): counts of visits. */
export interface VisitCount {
  area: Area;
  visitType: string;
  visits: number;
  timely: number;
  medianHours: number | null;
  faceToFace: number;
}

/** Per area × visit type × observation: visits where it is missing (reason null) or absent with a reason. */
export interface ItemCount {
  area: Area;
  visitType: string;
  item: string;
  reason: string | null;
  n: number;
}

/**
 * Timeliness and variable-completeness rows of one period from the counts. Observation rows: numerator = visits with
 * a value = face-to-face visits − missing − absent. Item "" rows sum the observation slots of the visit type
 * (denominator = visits × observations); visit type "" rows sum the visit types.
 */
export function assembleVisitRows(period: string, visits: readonly VisitCount[], items: readonly ItemCount[]): CompletenessRow[] {
  const out: CompletenessRow[] = [];
  const itemIndex = new Map<string, { missing: number; reasons: Record<string, number> }>();
  for (const c of items) {
    const k = `${areaKey(c.area)}|${c.visitType}|${c.item}`;
    const e = itemIndex.get(k) ?? itemIndex.set(k, { missing: 0, reasons: {} }).get(k)!;
    if (c.reason === null) e.missing += c.n;
    else e.reasons[c.reason] = (e.reasons[c.reason] ?? 0) + c.n;
  }
  const allVisits = new Map<string, { area: Area; value: number; slots: number; absent: number; missing: number; visits: number }>();
  for (const v of visits) {
    const base = { period, areaLevel: v.area.level, areaCode: v.area.code, visitType: v.visitType };
    out.push({
      ...base, measure: MEASURES.timeliness, item: "", numerator: v.timely, denominator: v.visits, value: share(v.timely, v.visits),
      detail: { medianHours: v.medianHours },
    });
    if (v.visitType === "") continue;
    const defs = visitItems(v.visitType);
    if (defs.length === 0) continue;
    let value = 0, absent = 0, missing = 0;
    for (const d of defs) {
      const c = itemIndex.get(`${areaKey(v.area)}|${v.visitType}|${d.item}`) ?? { missing: 0, reasons: {} };
      const abs = Object.values(c.reasons).reduce((a, b) => a + b, 0);
      const val = v.faceToFace - c.missing - abs;
      value += val;
      absent += abs;
      missing += c.missing;
      const detail: VariableDetail = { visits: v.faceToFace, absent: abs, missing: c.missing, reasons: c.reasons };
      out.push({ ...base, measure: MEASURES.variable, item: d.item, numerator: val, denominator: v.faceToFace, value: share(val, v.faceToFace), detail });
    }
    const slots = v.faceToFace * defs.length;
    out.push({
      ...base, measure: MEASURES.variable, item: "", numerator: value, denominator: slots, value: share(value, slots),
      detail: { visits: v.faceToFace, absent, missing } satisfies VariableDetail,
    });
    const k = areaKey(v.area);
    const t = allVisits.get(k) ?? allVisits.set(k, { area: v.area, value: 0, slots: 0, absent: 0, missing: 0, visits: 0 }).get(k)!;
    t.value += value;
    t.slots += slots;
    t.absent += absent;
    t.missing += missing;
    t.visits += v.faceToFace;
  }
  for (const t of allVisits.values())
    out.push({
      measure: MEASURES.variable, period, areaLevel: t.area.level, areaCode: t.area.code, visitType: "", item: "",
      numerator: t.value, denominator: t.slots, value: share(t.value, t.slots),
      detail: { visits: t.visits, absent: t.absent, missing: t.missing } satisfies VariableDetail,
    });
  return out;
}

const FACTS = `
  f AS (
    SELECT f.visit_type, f.face_to_face, f.missing, f.absent, o.municipality_code AS kommune, m.region_code AS region,
           extract(epoch FROM (f.reported_at - f.start)) / 3600.0 AS hours
    FROM completeness_visit f
    LEFT JOIN organisation o ON o.sor_code = f.sor_code
    LEFT JOIN municipality m ON m.code = o.municipality_code
    WHERE f.period = $1
  )`;

/** Timeliness and variable completeness of one period, from the visit facts. */
export async function visitRows(client: pg.ClientBase, period: string): Promise<CompletenessRow[]> {
  const v = await client.query(
    `WITH ${FACTS}
     SELECT GROUPING(region, kommune) AS g, GROUPING(visit_type) AS gv, region, kommune, visit_type,
            count(*)::int AS visits, count(*) FILTER (WHERE hours <= $2)::int AS timely,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
            count(*) FILTER (WHERE face_to_face)::int AS f2f
     FROM f
     GROUP BY GROUPING SETS ((visit_type, region, kommune), (visit_type, region), (visit_type), (region, kommune), (region), ())`,
    [period, TIMELY_HOURS],
  );
  const visits: VisitCount[] = [];
  for (const r of v.rows) {
    const area = areaOf(r.g, r.region, r.kommune);
    if (area && r.visits > 0) visits.push({ area, visitType: r.gv ? "" : r.visit_type, visits: r.visits, timely: r.timely, medianHours: r.median === null ? null : Number(r.median), faceToFace: r.f2f });
  }
  const i = await client.query(
    `WITH ${FACTS},
     -- most visits lack nothing: only those that do are unnested
     p AS (SELECT * FROM f WHERE f.absent <> '{}' OR f.missing <> '{}'),
     x AS (
       SELECT visit_type, region, kommune, split_part(a, ':', 1) AS item, substr(a, strpos(a, ':') + 1) AS reason FROM p, unnest(p.absent) AS a
       UNION ALL
       SELECT visit_type, region, kommune, mi, NULL FROM p, unnest(p.missing) AS mi
     )
     SELECT GROUPING(region, kommune) AS g, region, kommune, visit_type, item, reason, count(*)::int AS n
     FROM x GROUP BY GROUPING SETS ((visit_type, item, reason, region, kommune), (visit_type, item, reason, region), (visit_type, item, reason))`,
    [period],
  );
  const items: ItemCount[] = [];
  for (const r of i.rows) {
    const area = areaOf(r.g, r.region, r.kommune);
    if (area) items.push({ area, visitType: r.visit_type, item: r.item, reason: r.reason, n: r.n });
  }
  return assembleVisitRows(period, visits, items);
}

/** LDBU indicator whose facts hold the register population (placed in municipalities) of a school examination. */
const SCHOOL_COHORT_INDICATOR: Record<string, string> = { "LDBU-10": "c06ed6f1-be9d-460e-a45e-34821bcbd533", "LDBU-11": "dd766967-4d02-4c17-8ed3-021852785fdf" };

/**
 * Coverage of one period against the register population. Birth cohort: the children of LDBU-09's facts (register
 * children born that year, placed by the indicator rule) with at least one accepted report (an active Patient
 * record), and with a finished visit of each expected type (at any age). The population holds no wholly retracted
 * child (lib/indicators/facts.ts), so the visit facts of its birth cohort (./facts.ts) hold all its finished infant
 * visits, and a child with one has an active record. School year: LDBU-10/11's facts, whose numerator is exactly "had
 * the examination in the school year".
 */
export async function coverageRows(client: pg.ClientBase, period: string): Promise<CompletenessRow[]> {
  const school = period.includes("/");
  const res = school
    ? await client.query(
        `SELECT GROUPING(m.region_code, f.municipality_code) AS g, m.region_code AS region, f.municipality_code AS kommune, f.indicator_id AS v,
                count(*)::int AS population, count(*) FILTER (WHERE f.status = 'numerator')::int AS covered
         FROM indicator_fact f LEFT JOIN municipality m ON m.code = f.municipality_code
         WHERE f.indicator_id = ANY($2::text[]) AND f.period = $1
         GROUP BY GROUPING SETS ((f.indicator_id, m.region_code, f.municipality_code), (f.indicator_id, m.region_code), (f.indicator_id))`,
        [period, Object.keys(SCHOOL_COHORT_INDICATOR)],
      )
    : await client.query(
        `WITH pop AS (SELECT f.citizen_id, f.municipality_code AS kommune FROM indicator_fact f WHERE f.indicator_id = 'LDBU-09' AND f.period = $1),
         -- the expected visits each child had, from the period's visit facts (one scan, not a lookup per child)
         seen AS (
           SELECT v.citizen_id, array_agg(DISTINCT v.visit_type) AS visits FROM completeness_visit v
           WHERE v.period = $1 AND v.visit_type = ANY($2::text[]) GROUP BY v.citizen_id
         ),
         -- only children without a visit fact are looked up (LIMIT keeps it a lookup per child: the planner would
         -- otherwise hash every active record, which cost more than all the rest)
         pop_visits AS (
           SELECT pop.kommune, COALESCE(s.visits, '{}') AS visits, s.citizen_id IS NOT NULL OR rec.active IS NOT NULL AS reported
           FROM pop LEFT JOIN seen s ON s.citizen_id = pop.citizen_id
           LEFT JOIN LATERAL (SELECT true AS active FROM citizen_record r WHERE s.citizen_id IS NULL AND r.citizen_id = pop.citizen_id AND r.active LIMIT 1) rec ON true
         ),
         -- children alike counted once, so the grouping sets sum a few thousand rows
         k AS (SELECT kommune, reported, visits, count(*)::int AS n FROM pop_visits GROUP BY kommune, reported, visits)
         SELECT GROUPING(m.region_code, k.kommune) AS g, m.region_code AS region, k.kommune, t.v,
                sum(k.n)::int AS population,
                COALESCE(sum(k.n) FILTER (WHERE CASE WHEN t.v = '' THEN k.reported ELSE t.v = ANY(k.visits) END), 0)::int AS covered
         FROM k LEFT JOIN municipality m ON m.code = k.kommune CROSS JOIN unnest($3::text[]) AS t(v)
         GROUP BY GROUPING SETS ((t.v, m.region_code, k.kommune), (t.v, m.region_code), (t.v))`,
        [period, EXPECTED_INFANT_VISITS, ["", ...EXPECTED_INFANT_VISITS]],
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

/** [start, end) of a calendar year in Danish time, as timestamptz text. */
function yearBounds(year: number): [string, string] {
  return [`${year}-01-01T00:00:00+01:00`, `${year + 1}-01-01T00:00:00+01:00`];
}

/**
 * Validity of the receipts reported in one calendar year: rejected / all receipts (accepted, rejected and
 * duplicates), and per rule the rejected receipts with at least one error of that rule. A receipt's time is the
 * earlier of its receipt and the report's own timestamp (see ./facts.ts); its municipality is that of its SOR code.
 */
export async function validityRows(client: pg.ClientBase, year: number): Promise<CompletenessRow[]> {
  const period = String(year);
  const [from, to] = yearBounds(year);
  const RECEIPTS = `
    rc AS (
      SELECT r.id, r.outcome, r.issues, COALESCE(o.municipality_code, r.municipality_code) AS kommune
      FROM receipt r LEFT JOIN organisation o ON o.sor_code = r.sor_code
      WHERE r.reported_at >= $1::timestamptz AND r.reported_at < $2::timestamptz
    )`;
  const totals = await client.query(
    `WITH ${RECEIPTS}
     SELECT GROUPING(m.region_code, rc.kommune) AS g, m.region_code AS region, rc.kommune,
            count(*)::int AS receipts, count(*) FILTER (WHERE rc.outcome = 'rejected')::int AS rejected
     FROM rc LEFT JOIN municipality m ON m.code = rc.kommune
     GROUP BY GROUPING SETS ((m.region_code, rc.kommune), (m.region_code), ())`,
    [from, to],
  );
  const out: CompletenessRow[] = [];
  const rejected = new Map<string, number>();
  for (const r of totals.rows) {
    const area = areaOf(r.g, r.region, r.kommune);
    if (!area || r.receipts === 0) continue;
    rejected.set(areaKey(area), r.rejected);
    out.push({
      measure: MEASURES.validity, period, areaLevel: area.level, areaCode: area.code, visitType: "", item: "",
      numerator: r.rejected, denominator: r.receipts, value: share(r.rejected, r.receipts), detail: null,
    });
  }
  const rules = await client.query(
    `WITH ${RECEIPTS},
     x AS (
       SELECT DISTINCT rc.id, rc.kommune, i->'details'->'coding'->0->>'code' AS rule
       FROM rc CROSS JOIN LATERAL jsonb_array_elements(rc.issues) AS i
       WHERE rc.outcome = 'rejected' AND i->>'severity' IN ('error', 'fatal')
     )
     SELECT GROUPING(m.region_code, x.kommune) AS g, m.region_code AS region, x.kommune, COALESCE(x.rule, '?') AS rule, count(*)::int AS n
     FROM x LEFT JOIN municipality m ON m.code = x.kommune
     GROUP BY GROUPING SETS ((COALESCE(x.rule, '?'), m.region_code, x.kommune), (COALESCE(x.rule, '?'), m.region_code), (COALESCE(x.rule, '?')))`,
    [from, to],
  );
  for (const r of rules.rows) {
    const area = areaOf(r.g, r.region, r.kommune);
    if (!area) continue;
    const d = rejected.get(areaKey(area)) ?? 0;
    out.push({
      measure: MEASURES.rejectionRule, period, areaLevel: area.level, areaCode: area.code, visitType: "", item: r.rule,
      numerator: r.n, denominator: d, value: share(r.n, d), detail: null,
    });
  }
  return out;
}

/** The measure families, each computed from its own inputs: the refresh recomputes only those whose inputs changed. */
export const FAMILIES = {
  coverage: [MEASURES.coverage],
  visits: [MEASURES.timeliness, MEASURES.variable],
  validity: [MEASURES.validity, MEASURES.rejectionRule],
} as const;
export type Family = keyof typeof FAMILIES;

/**
 * Replaces the stored rows of some measure families of one period (call inside a transaction) and renews the period's
 * version row (its computed_at tells the query cache the period changed); a period left without rows disappears.
 */
export async function writePeriod(client: pg.ClientBase, period: string, families: readonly Family[], rows: readonly CompletenessRow[]) {
  const measures = families.flatMap((f) => FAMILIES[f]);
  await client.query(`DELETE FROM completeness_result WHERE period = $1 AND measure = ANY($2::text[])`, [period, [...measures, MEASURES.version]]);
  const left = rows.length > 0 || (await client.query(`SELECT 1 FROM completeness_result WHERE period = $1 LIMIT 1`, [period])).rowCount;
  if (!left) return;
  const all: CompletenessRow[] = [
    ...rows,
    { measure: MEASURES.version, period, areaLevel: "nation", areaCode: NATION, visitType: "", item: "", numerator: 0, denominator: 0, value: null, detail: null },
  ];
  await bulkInsert(
    client,
    "completeness_result",
    [
      { name: "measure", type: "text" }, { name: "period", type: "text" },
      { name: "area_level", type: "text", expr: (v) => `${v}::area_level` }, { name: "area_code", type: "text" },
      { name: "visit_type", type: "text" }, { name: "item", type: "text" },
      { name: "numerator", type: "int" }, { name: "denominator", type: "int" }, { name: "value", type: "float8" },
      { name: "detail", type: "jsonb" },
    ],
    all.map((r) => [r.measure, r.period, r.areaLevel, r.areaCode, r.visitType, r.item, r.numerator, r.denominator, r.value, r.detail === null ? null : JSON.stringify(r.detail)]),
  );
}
