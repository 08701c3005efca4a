-- The visit facts of data completeness look up a citizen's observations without an encounter (same-day and parent
-- observations); an index on (encounter_id, citizen_id) finds them directly and still serves lookups by encounter.

-- DropIndex
DROP INDEX "observation_encounter_id_idx";

-- CreateIndex
CREATE INDEX "observation_encounter_id_citizen_id_idx" ON "observation"("encounter_id", "citizen_id");
