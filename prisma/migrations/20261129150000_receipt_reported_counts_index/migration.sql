-- Data completeness's validity counts each day's receipts per custodian (lib/completeness/aggregate.ts): reported_at,
-- SOR code, municipality and outcome of one year's 500 k receipts at scale 1. By receipt_reported_at_idx each row was
-- read from the table, whose rows also hold the reports' issues (800 MB at scale 1): 22 k table pages per year. This
-- index replaces it with one holding those columns too (120 MB at scale 1): 3 k pages per year, read in order
-- (cold, one year 485 -> 298 ms alone; more while the rest of a full refresh also reads). Receipts are never updated,
-- so the table's pages are all-visible once vacuumed and the scan reads no rows. INCLUDE cannot be written in
-- schema.prisma: lib/db/sql-only.ts lists it for the schema drift test.

-- DropIndex
DROP INDEX "receipt_reported_at_idx";

-- CreateIndex
CREATE INDEX "receipt_reported_counts_idx" ON "receipt"("reported_at") INCLUDE ("sor_code", "municipality_code", "outcome");
