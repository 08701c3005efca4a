/**
 * Schema objects the migrations create that schema.prisma cannot express (Prisma has no partial indexes and no
 * INCLUDE columns), each with the migration that creates it. The schema drift test
 * (tests/integration/schema-drift.test.ts) runs that statement on the database built from schema.prisma too, so the
 * two still have to match in everything else.
 */
export const SQL_ONLY_INDEXES: readonly { name: string; migration: string }[] = [
  // observations without an encounter, for the visit facts of data completeness
  { name: "observation_dayless_idx", migration: "20261128010000_observation_dayless_index" },
  // visit facts lacking a mandatory observation, for variable completeness
  { name: "completeness_visit_lacking_idx", migration: "20261128053000_completeness_visit_lacking_index" },
  // the few inactive Patient records, for the test whether a citizen is wholly retracted
  { name: "citizen_record_inactive_idx", migration: "20261128110000_citizen_record_inactive_index" },
  // the visits' own observations sent with a data-absent reason, for the reasons of items sent without a value
  { name: "observation_absent_reason_idx", migration: "20261129050000_observation_absent_reason_index" },
  // each child's feeding observations and weights with every column the indicators read (LDBU-05/06, LDBU-01)
  { name: "observation_feeding_idx", migration: "20261129060000_observation_feeding_weight_indexes" },
  { name: "observation_weight_idx", migration: "20261129060000_observation_feeding_weight_indexes" },
  // the parents' assessments of a mental health problem, for LDBU-04's findings (codes as in lib/indicators/codes.ts)
  { name: "observation_parent_mental_problem_idx", migration: "20261129070000_observation_parent_mental_problem_index" },
  // each child's motor-function assessments with every column LDBU-07/08 read (the code as in lib/indicators/codes.ts)
  { name: "observation_motor_idx", migration: "20261129140000_observation_motor_index" },
  // each receipt's time with the columns data completeness's validity counts by day
  { name: "receipt_reported_counts_idx", migration: "20261129150000_receipt_reported_counts_index" },
  // the rejected receipts with the rules they broke, for validity by rule
  { name: "receipt_rejected_rules_idx", migration: "20261129160000_receipt_error_rules" },
];

/** Functions the migrations create: schema.prisma has none, and the schema drift test does not compare them. */
export const SQL_ONLY_FUNCTIONS: readonly { name: string; migration: string }[] = [
  // which mandatory item of data completeness an observation is (tests/integration/visit-observed.test.ts checks it)
  { name: "completeness_item_bit", migration: "20261129100000_visit_observed" },
];
