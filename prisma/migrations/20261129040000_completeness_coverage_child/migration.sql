-- Each child of a birth cohort's coverage population with its municipality, whether reported, and its visit types
-- (lib/completeness/coverage.ts). Filled by the next refresh: a period without rows is computed whole.
-- CreateTable
CREATE TABLE "completeness_coverage_child" (
    "period" TEXT NOT NULL,
    "citizen_id" BIGINT NOT NULL,
    "municipality_code" TEXT,
    "reported" BOOLEAN NOT NULL,
    "visit_types" TEXT[],

    CONSTRAINT "completeness_coverage_child_pkey" PRIMARY KEY ("period","citizen_id")
);
