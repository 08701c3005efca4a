-- LDBU-07/08 read each child's motor-function assessments (Motorik) to find those of its 8–11-month visit. Through
-- observation_citizen_id_kind_code_effective_start_idx every assessment was fetched from the table, scattered over
-- the reports it came in: about 105 k table pages per national birth cohort. Once the operating system had evicted
-- them (a full refresh after the data had been idle), that was 9–21 s per cohort, 81 s of a 111 s full refresh at
-- scale 1. This partial index holds only the assessments (5 % of observations, 114 MB at scale 1) with every column
-- the query reads, so a cohort reads the index in order and no table rows: 0.8–1.3 s per cohort, warm or cold.
-- Partial indexes cannot be written in schema.prisma: lib/db/sql-only.ts lists it for the schema drift test.

-- CreateIndex
CREATE INDEX "observation_motor_idx" ON "observation"("citizen_id") INCLUDE ("effective_start", "encounter_id", "status", "value_code") WHERE "kind" = 'indicator' AND "code" = 'e04f2ca1-888a-4671-a97a-371b525cd2a3';
