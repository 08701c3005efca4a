-- Every query that reads a child's observations has a partial covering index of its own kind (weights, feeding,
-- motor assessments, the parents' mental-health assessments, the observations without an encounter). The planner
-- chose this index of all observations by citizen, kind and code a handful of times per refresh (24 index scans over
-- a scale-1 bench's full and incremental refresh), while the ingest had to write it: 1.7 GB at scale 1, one more
-- random b-tree insert per observation, about a tenth of the buffers a batch touches.

-- DropIndex
DROP INDEX "observation_citizen_id_kind_code_effective_start_idx";
