-- Every query of indicator_fact selects by indicator and period, which the primary key's prefix serves. The index by
-- municipality was never needed; maintaining it cost a full refresh about 0.3 s per indicator × birth cohort.
DROP INDEX "indicator_fact_indicator_id_period_municipality_code_idx";
