-- CreateEnum
CREATE TYPE "fact_status" AS ENUM ('numerator', 'denominator', 'uoplyst');

-- CreateTable
CREATE TABLE "indicator_fact" (
    "indicator_id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "citizen_id" BIGINT NOT NULL,
    "municipality_code" TEXT,
    "status" "fact_status" NOT NULL,

    CONSTRAINT "indicator_fact_pkey" PRIMARY KEY ("indicator_id","period","citizen_id")
);

-- CreateIndex
CREATE INDEX "indicator_fact_indicator_id_period_municipality_code_idx" ON "indicator_fact"("indicator_id", "period", "municipality_code");
