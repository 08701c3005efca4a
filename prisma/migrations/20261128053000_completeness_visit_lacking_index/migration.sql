-- Variable completeness counts the mandatory observations a visit lacks; 9 % of a national birth cohort's 300 k visit
-- facts lack any. Their query read every visit of the period to find those; this partial index lists only them. Partial
-- indexes cannot be written in schema.prisma: lib/db/sql-only.ts lists it for the schema drift test.

-- CreateIndex
CREATE INDEX "completeness_visit_lacking_idx" ON "completeness_visit"("period") WHERE "absent" <> '{}' OR "missing" <> '{}';
