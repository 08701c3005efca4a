-- CreateTable
CREATE TABLE "completeness_visit" (
    "encounter_id" TEXT NOT NULL,
    "citizen_id" BIGINT NOT NULL,
    "period" TEXT NOT NULL,
    "visit_type" TEXT NOT NULL,
    "face_to_face" BOOLEAN NOT NULL,
    "sor_code" TEXT NOT NULL,
    "receipt_id" BIGINT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "missing" TEXT[],
    "absent" TEXT[],

    CONSTRAINT "completeness_visit_pkey" PRIMARY KEY ("encounter_id")
);

-- CreateIndex
CREATE INDEX "completeness_visit_period_idx" ON "completeness_visit"("period");

-- CreateIndex
CREATE INDEX "completeness_visit_sor_code_period_idx" ON "completeness_visit"("sor_code", "period");

-- CreateIndex
CREATE INDEX "completeness_visit_citizen_id_idx" ON "completeness_visit"("citizen_id");

-- CreateIndex
CREATE INDEX "completeness_result_period_idx" ON "completeness_result"("period");
