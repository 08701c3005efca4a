-- Validity's receipt counts per day (lib/completeness/aggregate.ts). Filled by the next refresh: an incremental one
-- recounts every year while these tables are empty (lib/completeness/refresh.ts receiptYears).
-- CreateTable
CREATE TABLE "completeness_receipt_day" (
    "day" DATE NOT NULL,
    "sor_code" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "receipts" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,

    CONSTRAINT "completeness_receipt_day_pkey" PRIMARY KEY ("day","sor_code","municipality_code")
);

-- CreateTable
CREATE TABLE "completeness_receipt_rule" (
    "day" DATE NOT NULL,
    "sor_code" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "rejected" INTEGER NOT NULL,

    CONSTRAINT "completeness_receipt_rule_pkey" PRIMARY KEY ("day","sor_code","municipality_code","rule")
);

