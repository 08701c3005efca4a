-- A citizen is wholly retracted when every Patient record of theirs is inactive. The few inactive records (of 1.3 M
-- nationally) are found through this partial index, so the refresh tests a birth cohort's or all visits' citizens
-- against a small hashed set (reading every record took 0.1–0.4 s; a lookup per child of a cohort 0.45 s). Partial
-- indexes cannot be written in schema.prisma: lib/db/sql-only.ts lists it for the schema drift test.

-- CreateIndex
CREATE INDEX "citizen_record_inactive_idx" ON "citizen_record"("citizen_id") WHERE NOT "active";
