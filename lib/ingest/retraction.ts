/**
 * What a retracted citizen means for everything that reads the stored data: a citizen counts nowhere when every one of
 * their records was retracted (citizen_record.active = false); a citizen with no record (register only) counts. The
 * one rule in two SQL forms over a column of citizen ids, chosen by how many citizens are asked about:
 * - `notWhollyRetracted`: one index lookup per citizen — for a birth cohort or the citizens of an incremental refresh
 *   (a few microseconds each; for a national cohort the other form measured no faster);
 * - `notWhollyRetractedAmongAll`: the wholly retracted citizens found once and anti-joined — for all 2.5 M visits: the
 *   retracted records (few) are read with an index lookup each for an active one (0.1 s nationally; grouping all
 *   1.3 M records by citizen took 2–3 s).
 */
export const notWhollyRetracted = (citizenId: string) =>
  `COALESCE((SELECT bool_or(r.active) FROM citizen_record r WHERE r.citizen_id = ${citizenId}), true)`;

export const notWhollyRetractedAmongAll = (citizenId: string) =>
  `${citizenId} NOT IN (SELECT r.citizen_id FROM citizen_record r
    WHERE NOT r.active AND NOT EXISTS (SELECT 1 FROM citizen_record a WHERE a.citizen_id = r.citizen_id AND a.active))`;
