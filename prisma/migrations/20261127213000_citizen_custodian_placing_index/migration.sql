-- Placing a period's children picks each child's custodian on its latest report before a cut-off. Through the primary
-- key every one of a child's reports (about six) was fetched from the table; this index holds every column that choice
-- reads, so it is answered from the index alone.

-- CreateIndex
CREATE INDEX "citizen_custodian_placing_idx" ON "citizen_custodian"("citizen_id", "report_timestamp", "receipt_id", "sor_code");
