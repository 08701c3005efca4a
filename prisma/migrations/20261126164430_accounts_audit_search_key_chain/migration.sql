-- CreateTable
CREATE TABLE "pseudonym_key_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" INTEGER NOT NULL,
    "check_value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pseudonym_key_state_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "receipt_received_at_idx" ON "receipt"("received_at");

-- CreateIndex
CREATE INDEX "receipt_bundle_id_idx" ON "receipt"("bundle_id");

-- CreateIndex
CREATE INDEX "audit_entry_username_at_idx" ON "audit_entry"("username", "at");

-- CreateIndex
CREATE INDEX "audit_entry_municipality_code_at_idx" ON "audit_entry"("municipality_code", "at");
