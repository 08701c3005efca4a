/**
 * Child-level facts per indicator and period, computed in SQL from the stored data and the
 * register (the rules are the catalog's, lib/indicators/catalog.ts). The period's children are
 * placed once (`placeChildren`, a temporary table the indicators of a refresh group share), then
 * one INSERT … SELECT per indicator × period into `indicator_fact`; aggregation
 * (lib/indicators/aggregate.ts) sums them.
 *
 * Shared conventions:
 * - day(x) = the Danish calendar date of x minus the birth date (day 0 = birth date);
 * - retracted data (entered-in-error; observations of a retracted encounter; citizens whose
 *   every record is active = false; inactive parent links) count nowhere;
 * - a child's municipality: custodian (SOR → organisation) on its latest accepted report
 *   before the cut-off (birth cohort: first birthday + 60 days; school year: its end + 60 days),
 *   or on its earliest report when all came later; else the register's bopælskommune.
 */
import type pg from "pg";
import { notWhollyRetracted } from "@/lib/ingest/retraction";
import { INDICATOR_BY_ID } from "./catalog";
import { OBSERVATION, UNIVERSAL_YEAR_ONE, VALUE, VISIT } from "./codes";
import { birthYearsForPeriod, parsePeriod } from "./periods";

const day = (ts: string, birth = "ch.birth_date") => `((${ts} AT TIME ZONE 'Europe/Copenhagen')::date - ${birth})`;
/**
 * day(ts) BETWEEN from AND to, as a range of ts itself (Danish midnights), so an index on the time reads only the
 * window: observation(citizen_id, kind, code, effective_start).
 */
const dayWithin = (ts: string, from: number, to: number, birth = "ch.birth_date") =>
  `${ts} >= ((${birth} + ${from})::timestamp AT TIME ZONE 'Europe/Copenhagen') AND ${ts} < ((${birth} + ${to + 1})::timestamp AT TIME ZONE 'Europe/Copenhagen')`;

/**
 * The children of one birth year ($1 = 1 January; only those in $4 when given) with their municipality, into the
 * transaction's temporary table `placed`, which every indicator query of the refresh reads. Children: citizens who
 * are nobody's parent and not wholly retracted, plus register-only children. Municipality: the custodian on the
 * latest report before the cut-off ($2 = days after birth, or $3 = a fixed date), else on the earliest report,
 * else the register's bopælskommune. Each child's custodian is one probe of citizen_custodian_placing_idx, read
 * backwards from the cut-off (the earliest report is probed only when there is none before it): sorting all of a
 * national cohort's 360 k custodian rows for DISTINCT ON took twice as long.
 * Sex, mother's education and parity go with each fact, so aggregation needs no joins (lib/indicators/aggregate.ts).
 */
const PLACE_CHILDREN = `
  INSERT INTO placed (id, birth_date, kommune, sex, mother_education, parity)
  WITH children AS (
    SELECT c.id, c.birth_date, c.sex, COALESCE($3::timestamptz, (c.birth_date + $2::int)::timestamptz) AS cutoff FROM citizen c
    WHERE c.birth_date >= $1::date AND c.birth_date < ($1::date + interval '1 year')::date
      AND ($4::bigint[] IS NULL OR c.id = ANY($4::bigint[]))
      AND NOT EXISTS (SELECT 1 FROM parent_link p WHERE p.parent_id = c.id AND p.active)
      AND ${notWhollyRetracted("c.id")}
  )
  SELECT ch.id, ch.birth_date, COALESCE(o.municipality_code, rp.residence_municipality_code), ch.sex, rp.mother_education, rp.parity
  FROM children ch
  LEFT JOIN LATERAL (
    -- the latest report before the cut-off (of two at the same time, the later receipt)
    (SELECT cc.sor_code FROM citizen_custodian cc WHERE cc.citizen_id = ch.id AND cc.report_timestamp < ch.cutoff
     ORDER BY cc.report_timestamp DESC, cc.receipt_id DESC LIMIT 1)
    UNION ALL
    -- a child reported only later: its earliest report
    (SELECT cc.sor_code FROM citizen_custodian cc WHERE cc.citizen_id = ch.id ORDER BY cc.report_timestamp ASC, cc.receipt_id DESC LIMIT 1)
    LIMIT 1
  ) custodian ON true
  LEFT JOIN register_person rp ON rp.citizen_id = ch.id
  LEFT JOIN organisation o ON o.sor_code = custodian.sor_code`;

const VALID_OBSERVATION = `o.status <> 'entered-in-error'
  AND NOT EXISTS (SELECT 1 FROM encounter re WHERE re.resource_id = o.encounter_id AND re.status = 'entered-in-error')`;

/** Each query yields (citizen_id, kommune, status) for one indicator × period. */
const QUERIES: Record<string, () => string> = {
  // each child's weights looked up in observation_weight_idx: a join let the planner scan every observation
  "LDBU-01": () => `
    w AS (
      SELECT ch.id, x.min_weight
      FROM placed ch CROSS JOIN LATERAL (
        SELECT count(*) AS n, min(o.value_quantity) AS min_weight FROM observation o
        WHERE o.citizen_id = ch.id AND o.kind = 'weight' AND ${dayWithin("o.effective_start", 1, 14)} AND ${VALID_OBSERVATION}
      ) x
      WHERE x.n > 0
    )
    SELECT ch.id, ch.kommune,
      CASE WHEN w.min_weight IS NULL OR rp.birth_weight_g IS NULL THEN 'uoplyst'
           WHEN w.min_weight <= 0.9 * rp.birth_weight_g THEN 'numerator' ELSE 'denominator' END
    FROM w JOIN placed ch ON ch.id = w.id LEFT JOIN register_person rp ON rp.citizen_id = w.id`,

  "LDBU-02": () => `
    visited AS (
      SELECT DISTINCT e.citizen_id AS id FROM encounter e JOIN placed ch ON ch.id = e.citizen_id
      WHERE e.type_code = '${VISIT.toMaaneder}' AND e.status = 'finished'
    ),
    screened AS (SELECT DISTINCT child_id FROM pg_temp.epds),
    with_parent AS (SELECT DISTINCT pl.child_id FROM parent_link pl JOIN visited v ON v.id = pl.child_id WHERE pl.active AND pl.parent_id IS NOT NULL)
    SELECT ch.id, ch.kommune,
      CASE WHEN s.child_id IS NOT NULL THEN 'numerator' WHEN wp.child_id IS NULL THEN 'uoplyst' ELSE 'denominator' END
    FROM visited v JOIN placed ch ON ch.id = v.id
    LEFT JOIN screened s ON s.child_id = v.id LEFT JOIN with_parent wp ON wp.child_id = v.id`,

  "LDBU-03": () => `
    SELECT ch.id, ch.kommune,
      CASE WHEN bool_or(x.score >= $1) THEN 'numerator'
           WHEN bool_and(x.score IS NULL) THEN 'uoplyst' ELSE 'denominator' END
    FROM pg_temp.epds x JOIN placed ch ON ch.id = x.child_id
    GROUP BY ch.id, ch.kommune`,

  "LDBU-04": () => `
    findings AS (
      SELECT x.child_id, x.parent_id, x.on_date FROM pg_temp.epds x WHERE x.score >= $1
      UNION ALL
      SELECT pl.child_id, pl.parent_id, (o.effective_start AT TIME ZONE 'Europe/Copenhagen')::date
      FROM placed ch
      JOIN parent_link pl ON pl.child_id = ch.id AND pl.active AND pl.parent_id IS NOT NULL
      JOIN observation o ON o.citizen_id = pl.parent_id AND o.kind = 'indicator' AND o.code = '${OBSERVATION.parentMentalState}'
      WHERE o.value_code = '${VALUE.parentMentalProblem}' AND ${dayWithin("o.effective_start", 42, 98)} AND ${VALID_OBSERVATION}
    ),
    first_finding AS (SELECT child_id, parent_id, min(on_date) AS on_date FROM findings GROUP BY child_id, parent_id)
    SELECT ch.id, ch.kommune,
      CASE WHEN bool_or(EXISTS (
        SELECT 1 FROM intervention i WHERE i.citizen_id = f.parent_id AND i.status <> 'entered-in-error'
          AND ((i.period_start AT TIME ZONE 'Europe/Copenhagen')::date - f.on_date) BETWEEN 0 AND 30
      )) THEN 'numerator' ELSE 'denominator' END
    FROM first_finding f JOIN placed ch ON ch.id = f.child_id
    GROUP BY ch.id, ch.kommune`,

  "LDBU-05": () => `
    SELECT id, kommune, CASE WHEN unknown THEN 'uoplyst' WHEN longest > 119 THEN 'numerator' ELSE 'denominator' END FROM pg_temp.breastfeeding`,
  "LDBU-06": () => `
    SELECT id, kommune, CASE WHEN unknown THEN 'uoplyst' WHEN longest >= 182 THEN 'numerator' ELSE 'denominator' END FROM pg_temp.breastfeeding`,

  "LDBU-07": () => `
    SELECT id, kommune, CASE WHEN assessed THEN 'numerator' ELSE 'denominator' END FROM pg_temp.motor`,

  "LDBU-08": () => `
    SELECT id, kommune,
      CASE WHEN NOT assessed THEN 'uoplyst' WHEN latest_value = '${VALUE.motorNormal}' THEN 'numerator' ELSE 'denominator' END
    FROM pg_temp.motor WHERE assessed OR absent`,

  "LDBU-09": () => `
    SELECT ch.id, ch.kommune,
      CASE WHEN (SELECT count(DISTINCT e.type_code) FROM encounter e
                 WHERE e.citizen_id = ch.id AND e.status = 'finished'
                   AND e.type_code IN (${UNIVERSAL_YEAR_ONE.map((c) => `'${c}'`).join(", ")})
                   AND ${day("e.start")} BETWEEN 0 AND 364) = ${UNIVERSAL_YEAR_ONE.length}
           THEN 'numerator' ELSE 'denominator' END
    FROM placed ch JOIN register_person rp ON rp.citizen_id = ch.id`,

  "LDBU-10": () => SCHOOL(VISIT.indskoling),
  "LDBU-11": () => SCHOOL(VISIT.udskoling),
};

/** EPDS responses of a child's parents dated day 42–98 of the child: (child_id, parent_id, on_date, score). */
const EPDS = `
  SELECT ch.id AS child_id, pl.parent_id, (q.authored AT TIME ZONE 'Europe/Copenhagen')::date AS on_date,
         COALESCE(q.total_score, q.item_sum) AS score
  FROM placed ch
  JOIN parent_link pl ON pl.child_id = ch.id AND pl.active AND pl.parent_id IS NOT NULL
  JOIN questionnaire_response q ON q.citizen_id = pl.parent_id AND q.instrument = 'epds' AND q.status = 'completed'
  WHERE ${day("q.authored")} BETWEEN 42 AND 98`;

/**
 * Children with an 8–11-month visit; whether Motorik was sent with a value / only without, and the latest value. The
 * assessments are read from observation_motor_idx alone (it holds every column read here). An assessment matching
 * two of a child's visits counts twice, which changes none of the three.
 */
const MOTOR = `
  WITH visits AS (
    SELECT e.citizen_id AS id, e.resource_id, (e.start AT TIME ZONE 'Europe/Copenhagen')::date AS on_date
    FROM encounter e JOIN placed ch ON ch.id = e.citizen_id
    WHERE e.type_code = '${VISIT.otteElleveMaaneder}' AND e.status = 'finished'
  ),
  motor_obs AS (
    SELECT v.id, o.value_code, o.effective_start
    FROM visits v JOIN observation o ON o.citizen_id = v.id AND o.kind = 'indicator' AND o.code = '${OBSERVATION.motorFunction}'
    WHERE ${VALID_OBSERVATION}
      AND (o.encounter_id = v.resource_id OR (o.effective_start AT TIME ZONE 'Europe/Copenhagen')::date = v.on_date)
  ),
  motor AS (
    SELECT ch.id, ch.kommune,
      coalesce(bool_or(m.value_code IS NOT NULL), false) AS assessed,
      coalesce(bool_or(m.id IS NOT NULL AND m.value_code IS NULL), false) AS absent,
      (array_agg(m.value_code ORDER BY m.effective_start DESC) FILTER (WHERE m.value_code IS NOT NULL))[1] AS latest_value
    FROM (SELECT DISTINCT id FROM visits) v JOIN placed ch ON ch.id = v.id LEFT JOIN motor_obs m ON m.id = v.id
    GROUP BY ch.id, ch.kommune
  )
  SELECT * FROM motor`;

/**
 * Per child with feeding observations: whether none has a value (uoplyst), and the day the longest full breastfeeding
 * from day ≤ 14 ended (null: none) — a closed period ends at its end; an open period at the latest later
 * full-breastfeeding status before any feeding observation that says otherwise.
 */
function BREASTFEEDING(): string {
  const FULL = `'${VALUE.fullBreastfeeding}'`;
  // Later observations are looked up by child (observation_feeding_idx), never by
  // joining CTEs to themselves: the planner has no statistics for CTEs and may go quadratic.
  const later = (alias: string) => `observation ${alias} WHERE ${alias}.citizen_id = p.id AND ${alias}.kind = 'feeding'
    AND ${alias}.status <> 'entered-in-error'
    AND NOT EXISTS (SELECT 1 FROM encounter re WHERE re.resource_id = ${alias}.encounter_id AND re.status = 'entered-in-error')`;
  return `
    WITH feeding AS (
      SELECT ch.id, ch.birth_date, o.value_code, o.effective_is_period,
             ${day("o.effective_start")} AS d_start, ${day("o.effective_end")} AS d_stop
      FROM placed ch JOIN observation o ON o.citizen_id = ch.id
      WHERE o.kind = 'feeding' AND ${VALID_OBSERVATION}
    ),
    period_ends AS (
      SELECT p.id, COALESCE(p.d_stop, (
        SELECT max(${day("s.effective_start", "p.birth_date")}) FROM ${later("s")}
          AND NOT s.effective_is_period AND s.value_code = ${FULL}
          AND ${day("s.effective_start", "p.birth_date")} >= p.d_start
          AND ${day("s.effective_start", "p.birth_date")} < COALESCE((
            SELECT min(${day("b.effective_start", "p.birth_date")}) FROM ${later("b")}
              AND b.value_code <> ${FULL} AND ${day("b.effective_start", "p.birth_date")} > p.d_start), 2147483647)
      ), p.d_start) AS d_end
      FROM feeding p WHERE p.effective_is_period AND p.value_code = ${FULL} AND p.d_start <= 14
    ),
    longest AS (SELECT id, max(d_end) AS d_end FROM period_ends GROUP BY id)
    SELECT ch.id, ch.kommune, bool_and(f.value_code IS NULL) AS unknown, max(l.d_end) AS longest
    FROM feeding f JOIN placed ch ON ch.id = f.id LEFT JOIN longest l ON l.id = f.id
    GROUP BY ch.id, ch.kommune`;
}

/**
 * Per-child work that several indicators share (LDBU-02/03/04: the parents' EPDS responses; LDBU-05/06:
 * breastfeeding; LDBU-07/08: the 8–11-month visit's motor assessment), done once per group into a temporary table of
 * that name: the group's indicators are computed in one transaction, and each computation took as long as any other
 * indicator of the cohort.
 */
const SHARED: Record<string, () => string> = { breastfeeding: BREASTFEEDING, motor: () => MOTOR, epds: () => EPDS };
const SHARED_BY_INDICATOR: Record<string, string> = {
  "LDBU-02": "epds", "LDBU-03": "epds", "LDBU-04": "epds",
  "LDBU-05": "breastfeeding", "LDBU-06": "breastfeeding", "LDBU-07": "motor", "LDBU-08": "motor",
};

/** School cohort from the register (the placed birth year), examination during the school year [$2, $3). */
function SCHOOL(visitType: string): string {
  return `
    SELECT ch.id, ch.kommune,
      CASE WHEN EXISTS (SELECT 1 FROM encounter e WHERE e.citizen_id = ch.id AND e.type_code = '${visitType}'
                          AND e.status = 'finished' AND e.start >= $2::timestamptz AND e.start < $3::timestamptz)
           THEN 'numerator' ELSE 'denominator' END
    FROM placed ch JOIN register_person rp ON rp.citizen_id = ch.id`;
}

const CUTOFF_DAYS = 365 + 60;

/** Fills the temporary table `placed` (dropped at commit) with the children a period counts: all, or those in `only`. */
export async function placeChildren(client: pg.ClientBase, period: string, indicatorId: string, only: string[] | null): Promise<void> {
  const p = parsePeriod(period);
  const born = birthYearsForPeriod(indicatorId, p);
  const placedCutoff = p.kind === "school-year" ? `${p.startYear + 1}-09-30T00:00:00+02:00` : null;
  // the shared tables were of the earlier children
  await client.query(`DROP TABLE IF EXISTS placed, ${Object.keys(SHARED).map((t) => `pg_temp.${t}`).join(", ")}`);
  await client.query(`CREATE TEMP TABLE placed (id bigint PRIMARY KEY, birth_date date NOT NULL, kommune text, sex sex NOT NULL, mother_education mother_education, parity int) ON COMMIT DROP`);
  await client.query(PLACE_CHILDREN, [`${born}-01-01`, CUTOFF_DAYS, placedCutoff, only]);
  await client.query(`ANALYZE placed`);
}

/** Temporary table (dropped at commit) of facts removed (sign −1) and written (+1) by an incremental refresh. */
export async function createFactChanges(client: pg.ClientBase): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS fact_change`);
  await client.query(
    `CREATE TEMP TABLE fact_change (indicator_id text, period text, municipality_code text, sex sex, mother_education mother_education, parity int, status fact_status, sign int) ON COMMIT DROP`,
  );
}

/**
 * Temporary table (dropped at commit) a full refresh computes a group's facts into, with indicator_fact's key: they
 * are written by difference afterwards (`writeStagedFacts`).
 */
export async function createStagedFacts(client: pg.ClientBase): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS staged_fact`);
  await client.query(`CREATE TEMP TABLE staged_fact (LIKE indicator_fact INCLUDING INDEXES) ON COMMIT DROP`);
}

const FACT_COLUMNS = "indicator_id, period, municipality_code, sex, mother_education, parity, status";
/** A fact's columns besides its key (indicator_id, period, citizen_id). */
const VALUE_COLUMNS = ["municipality_code", "status", "sex", "mother_education", "parity"];

/**
 * Removes the facts of some indicators × one period of the children in `only` (incremental refresh), recording them
 * in fact_change.
 */
export async function removeFacts(client: pg.ClientBase, indicatorIds: string[], period: string, only: string[]): Promise<void> {
  await client.query(
    `WITH d AS (DELETE FROM indicator_fact WHERE indicator_id = ANY($1::text[]) AND period = $2 AND citizen_id = ANY($3::bigint[]) RETURNING ${FACT_COLUMNS})
     INSERT INTO fact_change SELECT ${FACT_COLUMNS}, -1 FROM d`,
    [indicatorIds, period, only],
  );
}

/**
 * Makes the stored facts of some indicators × one period those in staged_fact, by difference: facts gone are deleted,
 * changed ones updated, new ones inserted, and the rest — nearly all when a full refresh recomputes unchanged data —
 * are left alone. Rewriting them all (a delete and an insert per fact) cost a third of a national full refresh's
 * indicator work, and left as many dead rows for autovacuum to clear while the refresh still ran.
 */
export async function writeStagedFacts(client: pg.ClientBase, indicatorIds: string[], period: string): Promise<void> {
  const differs = VALUE_COLUMNS.map((c) => `c.${c} IS DISTINCT FROM n.${c}`).join(" OR ");
  const key = `f.indicator_id = d.indicator_id AND f.period = $2 AND f.citizen_id = d.citizen_id`;
  await client.query(
    `WITH d AS (
       SELECT COALESCE(n.indicator_id, c.indicator_id) AS indicator_id, COALESCE(n.citizen_id, c.citizen_id) AS citizen_id,
              ${VALUE_COLUMNS.map((c) => `n.${c}`).join(", ")},
              CASE WHEN c.citizen_id IS NULL THEN 'insert' WHEN n.citizen_id IS NULL THEN 'delete' ELSE 'update' END AS op
       FROM (SELECT * FROM indicator_fact WHERE indicator_id = ANY($1::text[]) AND period = $2) c
       FULL JOIN staged_fact n ON n.indicator_id = c.indicator_id AND n.citizen_id = c.citizen_id
       WHERE c.citizen_id IS NULL OR n.citizen_id IS NULL OR ${differs}
     ),
     gone AS (DELETE FROM indicator_fact f USING d WHERE d.op = 'delete' AND ${key}),
     changed AS (UPDATE indicator_fact f SET ${VALUE_COLUMNS.map((c) => `${c} = d.${c}`).join(", ")} FROM d WHERE d.op = 'update' AND ${key})
     INSERT INTO indicator_fact (indicator_id, period, citizen_id, ${VALUE_COLUMNS.join(", ")})
     SELECT d.indicator_id, $2, d.citizen_id, ${VALUE_COLUMNS.map((c) => `d.${c}`).join(", ")} FROM d WHERE d.op = 'insert'
     -- in key order: the index takes the rows as a run of neighbouring entries (a third cheaper than in join order)
     ORDER BY 1, 3`,
    [indicatorIds, period],
  );
}

/**
 * Computes the facts of one indicator × period for the children in `placed`: into staged_fact (full refresh), or
 * (incremental, `record`) into indicator_fact after removeFacts, and into fact_change.
 */
export async function computeFacts(client: pg.ClientBase, indicatorId: string, period: string, epdsCutoff: number, record = false): Promise<number> {
  const def = INDICATOR_BY_ID.get(indicatorId);
  const query = QUERIES[indicatorId];
  if (!def || !query) throw new Error(`Ukendt indikator: ${indicatorId}`);
  const p = parsePeriod(period);
  if (p.kind !== def.periodKind) throw new Error(`${indicatorId} opgøres ikke pr. ${period}`);
  const schoolStart = p.kind === "school-year" ? `${p.startYear}-08-01T00:00:00+02:00` : null;
  const schoolEnd = p.kind === "school-year" ? `${p.startYear + 1}-08-01T00:00:00+02:00` : null;
  const shared = SHARED_BY_INDICATOR[indicatorId];
  if (shared) await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${shared} ON COMMIT DROP AS ${SHARED[shared]()}`);
  const body = query().trim();
  const insert = `
    INSERT INTO ${record ? "indicator_fact" : "staged_fact"} (indicator_id, period, citizen_id, municipality_code, status, sex, mother_education, parity)
    SELECT $4::text, $5::text, r.id, r.kommune, r.status::fact_status, pc.sex, pc.mother_education, pc.parity FROM (
      ${/^SELECT/i.test(body) ? body : `WITH ${body}`}
    ) AS r(id, kommune, status) JOIN placed pc ON pc.id = r.id,
    -- declares every parameter's type, whichever ones this indicator's query uses
    (SELECT $1::int, $2::timestamptz, $3::timestamptz) AS params
    -- in key order: the index takes the rows as a run of neighbouring entries (a third cheaper than in join order)
    ORDER BY r.id`;
  const sql = record ? `WITH ins AS (${insert} RETURNING ${FACT_COLUMNS}) INSERT INTO fact_change SELECT ${FACT_COLUMNS}, 1 FROM ins` : insert;
  const res = await client.query(sql, [epdsCutoff, schoolStart, schoolEnd, indicatorId, period]);
  return res.rowCount ?? 0;
}
