-- The indicators skip observations of a retracted encounter (status entered-in-error), asked once per observation:
-- through the primary key every question fetched the encounter's row (about 17 µs at national scale); this index answers
-- it from a few thousand entries, and lets a query list the retracted encounters without reading the table.

-- CreateIndex
CREATE INDEX "encounter_status_resource_id_idx" ON "encounter"("status", "resource_id");
