-- The visit facts of data completeness match observations sent without an encounter (mostly the parents') to visits
-- by owner and day. A full refresh read those 1.4 M national rows through a bitmap over 450 k heap pages (10 s); this
-- partial index holds every column that match reads, so they are read from 185 MB of index instead. Partial indexes
-- cannot be written in schema.prisma: lib/db/sql-only.ts lists it for the schema drift test.

-- CreateIndex
CREATE INDEX "observation_dayless_idx" ON "observation"("citizen_id") INCLUDE ("effective_start", "kind", "code", "status", "value_code", "value_quantity", "data_absent_reason") WHERE "encounter_id" IS NULL;
