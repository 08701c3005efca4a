-- Data completeness's validity counts a year's rejected receipts per rule (lib/completeness/aggregate.ts). It read
-- the rules from each rejected receipt's issues in the table: 1.7 % of receipts, but spread over a third of the
-- table's pages (800 MB at scale 1), 7 s of a cold full refresh. The ingest now writes each receipt's broken rules
-- beside its issues (lib/ingest/store.ts), and a partial index holds the rejected receipts with every column the
-- count reads (a few MB): no table rows. Partial indexes cannot be written in schema.prisma: lib/db/sql-only.ts lists
-- it for the schema drift test.

-- AlterTable
ALTER TABLE "receipt" ADD COLUMN     "error_rules" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- The receipts already stored: the same rules, read from their issues as the count did
UPDATE "receipt" r SET "error_rules" = ARRAY(
  SELECT DISTINCT COALESCE(i->'details'->'coding'->0->>'code', '?') FROM jsonb_array_elements(r."issues") AS i
  WHERE i->>'severity' IN ('error', 'fatal') ORDER BY 1)
WHERE r."outcome" = 'rejected';

-- CreateIndex
CREATE INDEX "receipt_rejected_rules_idx" ON "receipt"("reported_at") INCLUDE ("sor_code", "municipality_code", "error_rules") WHERE "outcome" = 'rejected';
