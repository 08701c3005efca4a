-- Timeliness and variable completeness per period × visit type × custodian, kept by difference at refresh
-- (lib/completeness/visit-groups.ts). Filled by the next refresh: an incremental one builds them whole from the
-- visit facts while they are empty.
-- CreateTable
CREATE TABLE "completeness_visit_group" (
    "period" TEXT NOT NULL,
    "visit_type" TEXT NOT NULL,
    "sor_code" TEXT NOT NULL,
    "visits" INTEGER NOT NULL,
    "timely" INTEGER NOT NULL,
    "face_to_face" INTEGER NOT NULL,
    "delays" BYTEA NOT NULL,

    CONSTRAINT "completeness_visit_group_pkey" PRIMARY KEY ("period","visit_type","sor_code")
);

-- CreateTable
CREATE TABLE "completeness_item_group" (
    "period" TEXT NOT NULL,
    "visit_type" TEXT NOT NULL,
    "sor_code" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "completeness_item_group_pkey" PRIMARY KEY ("period","visit_type","sor_code","item","reason")
);

-- A birth cohort's delays are megabytes of float8, rewritten by every incremental refresh: stored uncompressed
-- (compressing them took three quarters of that write). schema.prisma cannot say so; no index or constraint depends on it.
ALTER TABLE "completeness_visit_group" ALTER COLUMN "delays" SET STORAGE EXTERNAL;
