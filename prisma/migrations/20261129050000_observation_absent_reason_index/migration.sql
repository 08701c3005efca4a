-- The visit facts of data completeness give each mandatory item sent only without a value its latest data-absent
-- reason, looked up per visit among the visit's own observations. Through observation_encounter_id_citizen_id_idx that
-- fetched every observation of the visit from the table (~9 per visit, 113 k visits nationally: 2.4 s warm, 4 s cold
-- in a full refresh). This partial index holds only the observations with a reason and encounter (0.6 % of them) with
-- every column the lookup reads. Partial indexes cannot be written in schema.prisma: lib/db/sql-only.ts lists it for
-- the schema drift test.

-- CreateIndex
CREATE INDEX "observation_absent_reason_idx" ON "observation"("encounter_id") INCLUDE ("kind", "code", "status", "effective_start", "data_absent_reason") WHERE "data_absent_reason" IS NOT NULL AND "encounter_id" IS NOT NULL;
