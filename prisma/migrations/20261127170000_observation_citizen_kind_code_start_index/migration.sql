-- The indicators look up a child's observations of one kind and code within a window of days after birth (weights
-- on day 1–14, the parent's mental state on day 42–98); with the time last in the index the window is read from the
-- index, instead of fetching every such observation of the child from the table and discarding most.

-- DropIndex
DROP INDEX "observation_citizen_id_kind_code_idx";

-- CreateIndex
CREATE INDEX "observation_citizen_id_kind_code_effective_start_idx" ON "observation"("citizen_id", "kind", "code", "effective_start");
