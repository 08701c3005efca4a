/**
 * What a retracted citizen means for everything that reads the stored data: a citizen counts nowhere when every one of
 * their records was retracted (citizen_record.active = false); a citizen with no record (register only) counts.
 *
 * As SQL over a column of citizen ids: the wholly retracted citizens are found once — the inactive records (few) from
 * their partial index, each checked for an active record by index — and the column is tested against that hashed set.
 * For a national birth cohort 0.13 s, where a lookup per child took 0.64 s; for all 2.5 M visits it saves reading every
 * record (0.1–0.4 s).
 */
export const notWhollyRetracted = (citizenId: string) =>
  `${citizenId} NOT IN (SELECT r.citizen_id FROM citizen_record r
    WHERE NOT r.active AND NOT EXISTS (SELECT 1 FROM citizen_record a WHERE a.citizen_id = r.citizen_id AND a.active))`;
