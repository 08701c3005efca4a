-- Every query that reads a child's observations has a partial covering index of its own kind (weights, feeding,
-- motor assessments, the parents' mental-health assessments, the observations without an encounter): no statement of
-- a full or incremental refresh at scale 1 plans through this index of all observations by citizen, kind and code
-- (each EXPLAINed with its parameters). Its idx_scan still grows: the planner reads its first and last citizen to
-- estimate joins on citizen_id. The ingest had to write it: 1.7 GB at scale 1, one more random b-tree insert per
-- observation, about a tenth of the buffers a batch touches.

-- DropIndex
DROP INDEX "observation_citizen_id_kind_code_effective_start_idx";
