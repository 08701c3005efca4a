/**
 * Schema objects the migrations create that schema.prisma cannot express (Prisma has no partial indexes). The schema
 * drift test (tests/integration/schema-drift.test.ts) adds these to the database built from schema.prisma, so the two
 * still have to match in everything else; each must also be created by a migration, which the test checks.
 */
export const SQL_ONLY_INDEXES: readonly { name: string; sql: string }[] = [
  {
    // prisma/migrations/20261128010000_observation_dayless_index: observations without an encounter, for the visit facts
    name: "observation_dayless_idx",
    sql: `CREATE INDEX "observation_dayless_idx" ON "observation"("citizen_id") INCLUDE ("effective_start", "kind", "code", "status", "value_code", "value_quantity", "data_absent_reason") WHERE "encounter_id" IS NULL`,
  },
];
