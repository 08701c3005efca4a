/**
 * What the organisation administration reads: the SOR code → municipality mappings (a few hundred at most: no paging),
 * and the SOR codes reports carry that have no mapping, whose children count for the nation only.
 */
import { pool } from "@/lib/db/client";
import type { OrganisationFilter } from "./input";

export interface OrganisationRow {
  sorCode: string;
  name: string;
  municipalityCode: string;
  municipalityName: string;
  regionName: string;
  updatedAt: Date;
}

const collator = new Intl.Collator("da-DK");

const SELECT = `
  SELECT o.sor_code AS "sorCode", o.name, o.municipality_code AS "municipalityCode", m.name AS "municipalityName", r.name AS "regionName",
         o.updated_at AS "updatedAt"
  FROM organisation o JOIN municipality m ON m.code = o.municipality_code JOIN region r ON r.code = m.region_code`;

/** Mappings by municipality (Danish order), then SOR code; `soeg` matches part of the code or the name. */
export async function listOrganisations(f: OrganisationFilter = {}): Promise<OrganisationRow[]> {
  const { rows } = await pool().query<OrganisationRow>(
    `${SELECT}
     WHERE ($1::text IS NULL OR o.municipality_code = $1)
       AND ($2::text IS NULL OR strpos(o.sor_code, $2) > 0 OR strpos(lower(o.name), lower($2)) > 0)`,
    [f.kommune ?? null, f.soeg ?? null],
  );
  return rows.sort((a, b) => collator.compare(a.municipalityName, b.municipalityName) || a.sorCode.localeCompare(b.sorCode));
}

export async function findOrganisation(sorCode: string): Promise<OrganisationRow | null> {
  return (await pool().query<OrganisationRow>(`${SELECT} WHERE o.sor_code = $1`, [sorCode])).rows[0] ?? null;
}

export interface UnmappedSorCode {
  sorCode: string;
  /** distinct citizens (children, and parents reported with them) with a report or visit carrying the code */
  citizens: number;
  lastReportAt: Date;
}

/** The longest list shown: real deployments have a handful, and the most used come first. */
export const UNMAPPED_LIMIT = 100;

/**
 * SOR codes on custodian rows or visits without a mapping, most used first. The distinct codes are read by skipping
 * through the sor_code indexes (one probe per code, not a scan of millions of rows); only the unmapped ones are
 * counted.
 */
export async function listUnmappedSorCodes(limit = UNMAPPED_LIMIT): Promise<UnmappedSorCode[]> {
  const distinct = (table: string) => `
    WITH RECURSIVE s AS (
      (SELECT sor_code FROM ${table} ORDER BY sor_code LIMIT 1)
      UNION ALL
      SELECT (SELECT t.sor_code FROM ${table} t WHERE t.sor_code > s.sor_code ORDER BY t.sor_code LIMIT 1) FROM s WHERE s.sor_code IS NOT NULL
    ) SELECT sor_code FROM s WHERE sor_code IS NOT NULL`;
  const { rows } = await pool().query<{ sor_code: string; citizens: number; last_report_at: Date }>(
    `WITH unmapped AS (
       SELECT sor_code FROM (${distinct("citizen_custodian")}) c UNION SELECT sor_code FROM (${distinct("encounter")}) e
       EXCEPT SELECT sor_code FROM organisation
     )
     SELECT u.sor_code,
            (SELECT count(*)::int FROM (SELECT citizen_id FROM citizen_custodian WHERE sor_code = u.sor_code
                                        UNION SELECT citizen_id FROM encounter WHERE sor_code = u.sor_code) x) AS citizens,
            GREATEST((SELECT max(report_timestamp) FROM citizen_custodian WHERE sor_code = u.sor_code),
                     (SELECT max(report_timestamp) FROM encounter WHERE sor_code = u.sor_code)) AS last_report_at
     FROM unmapped u
     ORDER BY citizens DESC, last_report_at DESC, u.sor_code
     LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ sorCode: r.sor_code, citizens: r.citizens, lastReportAt: r.last_report_at }));
}
