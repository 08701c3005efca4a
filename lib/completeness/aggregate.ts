/**
 * From facts to the aggregate rows pages read (`completeness_result`), per period, for every municipality, region
 * and the nation — all summed from the same facts (GROUPING SETS; timeliness's medians from every visit's delay, kept
 * per custodian in ./visit-groups.ts),
 * never by averaging municipalities. Visits count for the municipality of their custodian (the SOR code of the report
 * that carried them, through `organisation`, so a mapping SundK adds later applies at the next refresh); children for
 * coverage are placed by the indicator rule (the facts of LDBU-09/10/11, lib/indicators/facts.ts); receipts by their
 * SOR code. Facts that cannot be placed in a municipality count for the nation only.
 */
import type pg from "pg";
import { hashGrouped } from "@/lib/db/hashed";
import { percentileInPlace } from "@/lib/stats/percentile";
import { visitItems } from "./items";
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
export const share = (n: number, d: number) => (d > 0 ? n / d : null);

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

/** A group's SOR code placed in its municipality and region (null: a custodian of no municipality). */
const PLACED_GROUP = `LEFT JOIN organisation o ON o.sor_code = g.sor_code LEFT JOIN municipality m ON m.code = o.municipality_code`;

/** The visits of one visit type in one municipality (region and municipality null: a custodian of no municipality). */
export interface VisitGroup {
  visitType: string;
  region: string | null;
  kommune: string | null;
  visits: number;
  timely: number;
  faceToFace: number;
  /** the milliseconds from start to report of each visit where both are known */
  delays: Float64Array;
}

/**
 * The delays as the database sends them: float8send's 8 big-endian bytes per value, concatenated (string_agg skips
 * unknown ones). A third quicker than a float8[] for a national birth cohort, whose 300 k values as array text
 * took longer to send and parse than to read.
 */
export function delaysFromBytes(bytes: Buffer | null): Float64Array {
  if (!bytes) return new Float64Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const out = new Float64Array(bytes.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8);
  return out;
}

const MS_PER_HOUR = 3_600_000;

/** Municipality (g 0), region (1) and nation (3) as GROUPING(region, kommune) numbers them, per visit type and over all. */
const VISIT_SETS = [0, 1, 3].flatMap((g) => [true, false].map((byType) => ({ g, byType })));

/**
 * Counts and median hours of every area × visit type ("" = all types of the period) from the groups of municipality ×
 * visit type: the municipalities, their regions and the nation, each per visit type and over all types. The median is
 * the exact middle value (the mean of the two middle ones for an even count), as percentile_cont(0.5) gives it.
 * Done here rather than with six ordered-set aggregates in SQL, which sorted every visit six times (a second for a
 * national birth cohort, the longest step of an incremental refresh).
 */
export function visitCounts(groups: readonly VisitGroup[]): VisitCount[] {
  const out: VisitCount[] = [];
  for (const { g, byType } of VISIT_SETS) {
    const acc = new Map<string, { area: Area; visitType: string; visits: number; timely: number; faceToFace: number; parts: Float64Array[] }>();
    for (const x of groups) {
      const area = areaOf(g, x.region, x.kommune);
      if (!area) continue;
      const visitType = byType ? x.visitType : "";
      const key = `${areaKey(area)}|${visitType}`;
      let a = acc.get(key);
      if (!a) acc.set(key, (a = { area, visitType, visits: 0, timely: 0, faceToFace: 0, parts: [] }));
      a.visits += x.visits;
      a.timely += x.timely;
      a.faceToFace += x.faceToFace;
      a.parts.push(x.delays);
    }
    for (const a of acc.values()) {
      if (a.visits === 0) continue;
      // copied whole (the selection reorders them), not value by value: this ran for every visit six times
      const known = new Float64Array(a.parts.reduce((n, p) => n + p.length, 0));
      let n = 0;
      for (const part of a.parts) {
        known.set(part, n);
        n += part.length;
      }
      const medianHours = n ? percentileInPlace(known, 0.5) / MS_PER_HOUR : null;
      out.push({ area: a.area, visitType: a.visitType, visits: a.visits, timely: a.timely, faceToFace: a.faceToFace, medianHours });
    }
  }
  return out;
}

/** Timeliness and variable completeness of one period, from its visit groups (./visit-groups.ts). */
export async function visitRows(client: pg.ClientBase, period: string): Promise<CompletenessRow[]> {
  const v = await client.query<{ visit_type: string; region: string | null; kommune: string | null; visits: number; timely: number; f2f: number; delays: Buffer }>(
    `SELECT g.visit_type, m.region_code AS region, o.municipality_code AS kommune, g.visits, g.timely, g.face_to_face AS f2f, g.delays
     FROM completeness_visit_group g ${PLACED_GROUP} WHERE g.period = $1`,
    [period],
  );
  // a municipality's custodians are summed here (visitCounts), like the region's and the nation's
  const visits = visitCounts(
    v.rows.map((r) => ({ visitType: r.visit_type, region: r.region, kommune: r.kommune, visits: r.visits, timely: r.timely, faceToFace: r.f2f, delays: delaysFromBytes(r.delays) })),
  );
  const i = await hashGrouped(
    client,
    `WITH x AS (SELECT g.visit_type, g.item, NULLIF(g.reason, '') AS reason, g.n, m.region_code AS region, o.municipality_code AS kommune
                FROM completeness_item_group g ${PLACED_GROUP} WHERE g.period = $1)
     SELECT GROUPING(region, kommune) AS g, region, kommune, visit_type, item, reason, sum(n)::int AS n
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

/** Danish calendar day of a receipt (its `reported_at`). */
const DAY = `(r.reported_at AT TIME ZONE 'Europe/Copenhagen')::date`;

/**
 * Recounts the receipts of some days of one year (null: the whole year) into the day tables validity is summed from
 * (CompletenessReceiptDay, CompletenessReceiptRule); each day is counted whole, from the receipts by their
 * reported_at index. Receipts are never changed once stored, so a day without new receipts keeps its counts.
 */
async function recountReceiptDays(client: pg.ClientBase, year: number, days: readonly string[] | null): Promise<void> {
  // which rows, and the days' [start, end) in Danish time (so the index on reported_at reads only them), by $1
  const [which, spans, param] =
    days === null
      ? [
          `day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1)`,
          `SELECT make_timestamptz($1, 1, 1, 0, 0, 0, 'Europe/Copenhagen') AS s, make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Europe/Copenhagen') AS e`,
          year,
        ]
      : [`day = ANY($1::date[])`, `SELECT d::timestamp AT TIME ZONE 'Europe/Copenhagen' AS s, (d + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen' AS e FROM unnest($1::date[]) AS d`, days];
  const params = [param];
  await client.query(`DELETE FROM completeness_receipt_day WHERE ${which}`, params);
  await client.query(`DELETE FROM completeness_receipt_rule WHERE ${which}`, params);
  await client.query(
    `INSERT INTO completeness_receipt_day (day, sor_code, municipality_code, receipts, rejected)
     SELECT ${DAY}, COALESCE(r.sor_code, ''), COALESCE(r.municipality_code, ''), count(*), count(*) FILTER (WHERE r.outcome = 'rejected')
     FROM (${spans}) AS span JOIN receipt r ON r.reported_at >= span.s AND r.reported_at < span.e
     GROUP BY 1, 2, 3`,
    params,
  );
  // each rejected receipt once per rule it broke (error_rules, kept by the ingest), from receipt_rejected_rules_idx
  await client.query(
    `INSERT INTO completeness_receipt_rule (day, sor_code, municipality_code, rule, rejected)
     SELECT ${DAY}, COALESCE(r.sor_code, ''), COALESCE(r.municipality_code, ''), rule, count(*)
     FROM (${spans}) AS span JOIN receipt r ON r.reported_at >= span.s AND r.reported_at < span.e
     CROSS JOIN LATERAL unnest(r.error_rules) AS rule
     WHERE r.outcome = 'rejected'
     GROUP BY 1, 2, 3, 4`,
    params,
  );
}

/**
 * Validity of the receipts reported in one calendar year: rejected / all receipts (accepted, rejected and
 * duplicates), and per rule the rejected receipts with at least one error of that rule. A receipt's time is the
 * earlier of its receipt and the report's own timestamp (see ./facts.ts); its municipality is that of its SOR code,
 * else the one it names. `days`: the days with new receipts, recounted first (null: every day of the year).
 */
export async function validityRows(client: pg.ClientBase, year: number, days: readonly string[] | null): Promise<CompletenessRow[]> {
  await recountReceiptDays(client, year, days);
  const period = String(year);
  // the year's day counts, each placed in a municipality
  const placed = (table: string, columns: string) => `
    SELECT ${columns}, COALESCE(o.municipality_code, NULLIF(d.municipality_code, '')) AS kommune
    FROM ${table} d LEFT JOIN organisation o ON o.sor_code = d.sor_code
    WHERE d.day >= make_date($1, 1, 1) AND d.day < make_date($1 + 1, 1, 1)`;
  const totals = await hashGrouped(
    client,
    `WITH rc AS (${placed("completeness_receipt_day", "d.receipts, d.rejected")})
     SELECT GROUPING(m.region_code, rc.kommune) AS g, m.region_code AS region, rc.kommune,
            sum(rc.receipts)::int AS receipts, sum(rc.rejected)::int AS rejected
     FROM rc LEFT JOIN municipality m ON m.code = rc.kommune
     GROUP BY GROUPING SETS ((m.region_code, rc.kommune), (m.region_code), ())`,
    [year],
  );
  const out: CompletenessRow[] = [];
  const rejected = new Map<string, number>();
  for (const r of totals.rows) {
    const area = areaOf(r.g, r.region, r.kommune);
    if (!area || !r.receipts) continue;
    rejected.set(areaKey(area), r.rejected);
    out.push({
      measure: MEASURES.validity, period, areaLevel: area.level, areaCode: area.code, visitType: "", item: "",
      numerator: r.rejected, denominator: r.receipts, value: share(r.rejected, r.receipts), detail: null,
    });
  }
  const rules = await hashGrouped(
    client,
    `WITH x AS (${placed("completeness_receipt_rule", "d.rule, d.rejected")})
     SELECT GROUPING(m.region_code, x.kommune) AS g, m.region_code AS region, x.kommune, x.rule, sum(x.rejected)::int AS n
     FROM x LEFT JOIN municipality m ON m.code = x.kommune
     GROUP BY GROUPING SETS ((x.rule, m.region_code, x.kommune), (x.rule, m.region_code), (x.rule))`,
    [year],
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

/** The columns of a stored row, in the order writePeriod sends them. */
const COLUMNS = "measure, area_level, area_code, visit_type, item, numerator, denominator, value, detail";
const SAME_CELL = (a: string, b: string) =>
  ["measure", "area_level", "area_code", "visit_type", "item"].map((c) => `${a}.${c} = ${b}.${c}`).join(" AND ");

/**
 * Replaces the stored rows of some measure families of one period (call inside a transaction) and renews the period's
 * version row (its computed_at tells the query cache the period changed); a period left without rows disappears.
 * Only the rows that differ are written — deleted, changed or added in one statement — since an incremental refresh
 * changes a few of a period's thousands of rows (rewriting all of them took 0.3–0.4 s per national period).
 */
export async function writePeriod(client: pg.ClientBase, period: string, families: readonly Family[], rows: readonly CompletenessRow[]) {
  const measures = families.flatMap((f) => FAMILIES[f]);
  const column = <T>(f: (r: CompletenessRow) => T) => rows.map(f);
  await client.query(
    `WITH n AS (
       SELECT u.measure, u.area_level::area_level AS area_level, u.area_code, u.visit_type, u.item, u.numerator, u.denominator, u.value, u.detail
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::float8[], $11::jsonb[])
         AS u(measure, area_level, area_code, visit_type, item, numerator, denominator, value, detail)
     ),
     old AS (SELECT id, ${COLUMNS} FROM completeness_result WHERE period = $1 AND measure = ANY($2::text[])),
     gone AS (DELETE FROM completeness_result r USING old o WHERE r.id = o.id AND NOT EXISTS (SELECT 1 FROM n WHERE ${SAME_CELL("n", "o")})),
     changed AS (
       UPDATE completeness_result r SET numerator = n.numerator, denominator = n.denominator, value = n.value, detail = n.detail, computed_at = now()
       FROM old o JOIN n ON ${SAME_CELL("n", "o")}
       WHERE r.id = o.id AND (o.numerator, o.denominator, o.value, o.detail) IS DISTINCT FROM (n.numerator, n.denominator, n.value, n.detail)
     )
     INSERT INTO completeness_result (period, ${COLUMNS})
     SELECT $1, ${COLUMNS.split(", ").map((c) => `n.${c}`).join(", ")} FROM n WHERE NOT EXISTS (SELECT 1 FROM old o WHERE ${SAME_CELL("n", "o")})`,
    [
      period, measures,
      column((r) => r.measure), column((r) => r.areaLevel), column((r) => r.areaCode), column((r) => r.visitType), column((r) => r.item),
      column((r) => r.numerator), column((r) => r.denominator), column((r) => r.value), column((r) => (r.detail === null ? null : JSON.stringify(r.detail))),
    ],
  );
  await client.query(`DELETE FROM completeness_result WHERE period = $1 AND measure = $2`, [period, MEASURES.version]);
  const left = rows.length > 0 || (await client.query(`SELECT 1 FROM completeness_result WHERE period = $1 LIMIT 1`, [period])).rowCount;
  if (!left) return;
  await client.query(
    `INSERT INTO completeness_result (measure, period, area_level, area_code, visit_type, item, numerator, denominator) VALUES ($1, $2, 'nation', $3, '', '', 0, 0)`,
    [MEASURES.version, period, NATION],
  );
}
