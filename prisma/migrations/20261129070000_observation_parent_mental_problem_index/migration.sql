-- LDBU-04 looks for each child's parents' assessments of a mental health problem (parent mental state, value
-- "problem") in days 42–98 of the child. Through observation_citizen_id_kind_code_effective_start_idx that was one
-- descent into the index of all 18 M observations per parent link (100 k per national birth cohort, 0.9 s). This
-- partial index holds only those assessments (0.1 % of observations at scale 1, about 1 MB) with every column the
-- query reads: 0.15 s per national cohort. Partial indexes cannot be written in schema.prisma: lib/db/sql-only.ts
-- lists it for the schema drift test.

-- CreateIndex
CREATE INDEX "observation_parent_mental_problem_idx" ON "observation"("citizen_id", "effective_start") INCLUDE ("status", "encounter_id") WHERE "kind" = 'indicator' AND "code" = '2c39af9f-8e45-4c88-962f-e7a9e2cd31b6' AND "value_code" = 'f86c2526-3b04-454c-a99e-d350f699dc94';
