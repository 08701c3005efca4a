import { describe, expect, it } from "vitest";
import { OBSERVATION, VALUE } from "@/lib/indicators/codes";
import { listMigrations } from "./migrate";
import { SQL_ONLY_FUNCTIONS, SQL_ONLY_INDEXES } from "./sql-only";

const migrations = new Map(listMigrations().map((m) => [m.name, m.sql]));
const migration = (name: string) => migrations.get(name) ?? "";

describe("SQL-only indexes and functions", () => {
  it("are each created by the migration listed for them", () => {
    for (const ix of SQL_ONLY_INDEXES) expect(migration(ix.migration), ix.name).toContain(`CREATE INDEX "${ix.name}"`);
    for (const fn of SQL_ONLY_FUNCTIONS) expect(migration(fn.migration), fn.name).toContain(`CREATE FUNCTION "${fn.name}"`);
  });
  it("LDBU-04's index holds the codes the indicator looks for (else the query silently falls back to the large index)", () => {
    const sql = migration(SQL_ONLY_INDEXES.find((ix) => ix.name === "observation_parent_mental_problem_idx")!.migration);
    expect(sql).toContain(`"code" = '${OBSERVATION.parentMentalState}'`);
    expect(sql).toContain(`"value_code" = '${VALUE.parentMentalProblem}'`);
  });
  it("LDBU-07/08's index holds the motor-function code the indicators look for", () => {
    const sql = migration(SQL_ONLY_INDEXES.find((ix) => ix.name === "observation_motor_idx")!.migration);
    expect(sql).toContain(`"code" = '${OBSERVATION.motorFunction}'`);
  });
});
