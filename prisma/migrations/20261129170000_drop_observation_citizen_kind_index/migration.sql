-- Every query that reads a child's observations now reads a partial covering index of its own kind (weights,
-- feeding, motor assessments, the parents' mental-health assessments, the observations without an encounter), so
-- nothing reads this index of all observations by citizen, kind and code (idx_scan 0 after full and incremental
-- refreshes at scale 1). The ingest still had to write it: 1.7 GB at scale 1, one more random b-tree insert per
-- observation, and a tenth of the buffers a batch touches.

-- DropIndex
DROP INDEX "observation_citizen_id_kind_code_effective_start_idx";
